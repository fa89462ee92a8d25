package dev.apigw.store;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveRedisTemplate;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.serializer.RedisSerializationContext;
import org.springframework.data.redis.serializer.RedisSerializer;

/**
 * Stage caches in Redis, shared by every gateway instance: one key per entry
 * ({@code <prefix>cache:<api>/<stage>:<SHA-256 of the cache key>}) with Redis expiring it
 * after its time to live; a flush deletes a stage's keys. Redis's own memory limit and
 * eviction policy bound the cache (configure {@code maxmemory} and an {@code allkeys-*} or
 * {@code volatile-*} policy); the per-stage cache size applies to the memory store only.
 * A Redis that fails or is slow gives misses, never errors.
 */
public final class RedisResponseCacheStore implements ResponseCacheStore {

	private static final Log logger = LogFactory.getLog(RedisResponseCacheStore.class);

	private final ReactiveRedisTemplate<String, byte[]> redis;

	private final String prefix;

	private final Duration timeout;

	/**
	 * Creates the store.
	 * @param connectionFactory the Redis connection factory
	 * @param prefix prepended to every key
	 * @param timeout how long one Redis call may take before it counts as a miss
	 */
	public RedisResponseCacheStore(ReactiveRedisConnectionFactory connectionFactory, String prefix, Duration timeout) {
		this.redis = new ReactiveRedisTemplate<>(connectionFactory, RedisSerializationContext
			.<String, byte[]>newSerializationContext(RedisSerializer.string())
			.value(RedisSerializer.byteArray())
			.build());
		this.prefix = prefix;
		this.timeout = timeout;
	}

	@Override
	public Mono<CachedResponse> get(String stage, String key) {
		return this.redis.opsForValue()
			.get(key(stage, key))
			.timeout(this.timeout)
			.map(RedisResponseCacheStore::decode)
			.onErrorResume((error) -> {
				logger.debug("Redis cache lookup failed; a miss", error);
				return Mono.empty();
			});
	}

	@Override
	public Mono<Void> put(String stage, String key, CachedResponse response, Duration ttl, long capacityBytes) {
		return this.redis.opsForValue()
			.set(key(stage, key), encode(response), ttl)
			.timeout(this.timeout)
			.onErrorResume((error) -> {
				logger.debug("Redis cache store failed", error);
				return Mono.empty();
			})
			.then();
	}

	@Override
	public Mono<Long> flush(String stage) {
		String pattern = this.prefix + "cache:" + stage + ":*";
		return this.redis.scan(ScanOptions.scanOptions().match(pattern).count(1000).build())
			.buffer(500)
			.concatMap((keys) -> this.redis.delete(keys.toArray(String[]::new)))
			.reduce(0L, Long::sum);
	}

	private String key(String stage, String key) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
			return this.prefix + "cache:" + stage + ":" + HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static byte[] encode(CachedResponse response) {
		try {
			ByteArrayOutputStream bytes = new ByteArrayOutputStream(response.body().length + 256);
			DataOutputStream out = new DataOutputStream(bytes);
			out.writeByte(1);
			out.writeShort(response.status());
			out.writeShort(response.headers().size());
			for (Map.Entry<String, String> header : response.headers()) {
				out.writeUTF(header.getKey());
				out.writeUTF(header.getValue());
			}
			out.writeInt(response.body().length);
			out.write(response.body());
			return bytes.toByteArray();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static CachedResponse decode(byte[] value) {
		try {
			DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(value));
			if (in.readByte() != 1) {
				throw new IllegalStateException("Unknown cache entry format");
			}
			int status = in.readShort();
			int count = in.readShort();
			List<Map.Entry<String, String>> headers = new ArrayList<>(count);
			for (int i = 0; i < count; i++) {
				headers.add(Map.entry(in.readUTF(), in.readUTF()));
			}
			byte[] body = new byte[in.readInt()];
			in.readFully(body);
			return new CachedResponse(status, headers, body);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
