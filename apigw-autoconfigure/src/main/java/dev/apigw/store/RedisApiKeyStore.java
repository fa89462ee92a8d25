package dev.apigw.store;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import dev.apigw.model.ApiKey;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * API keys in Redis, shared by every gateway instance: one hash of key id to the key's JSON
 * (its value's SHA-256, never the value) and one of SHA-256 to key id, both changed together
 * by Lua scripts so that no instance ever finds a key under a value it no longer has.
 * <p>
 * Every key this instance reads or writes is remembered in its memory: while Redis cannot
 * be reached, lookups answer from there (keys created meanwhile on other instances are not
 * known), so clients whose keys this instance has seen keep being served. After a failed
 * lookup, lookups answer from memory at once for a second instead of each waiting for Redis
 * again. Writes fail while Redis cannot be reached.
 */
public final class RedisApiKeyStore implements ApiKeyStore {

	private static final Log logger = LogFactory.getLog(RedisApiKeyStore.class);

	private static final JsonMapper JSON = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private static final RedisScript<String> FIND = RedisScript.of("""
			local id = redis.call('HGET', KEYS[2], ARGV[1])
			if not id then return false end
			return redis.call('HGET', KEYS[1], id)
			""", String.class);

	private static final RedisScript<Long> SAVE = RedisScript.of("""
			local previous = redis.call('HGET', KEYS[1], ARGV[1])
			if previous then
			  local sha = cjson.decode(previous)['valueSha256']
			  if sha ~= ARGV[3] and redis.call('HGET', KEYS[2], sha) == ARGV[1] then
			    redis.call('HDEL', KEYS[2], sha)
			  end
			end
			redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
			redis.call('HSET', KEYS[2], ARGV[3], ARGV[1])
			return 1
			""", Long.class);

	private static final RedisScript<Long> DELETE = RedisScript.of("""
			local previous = redis.call('HGET', KEYS[1], ARGV[1])
			if not previous then return 0 end
			local sha = cjson.decode(previous)['valueSha256']
			if redis.call('HGET', KEYS[2], sha) == ARGV[1] then redis.call('HDEL', KEYS[2], sha) end
			redis.call('HDEL', KEYS[1], ARGV[1])
			return 1
			""", Long.class);

	private static final Duration SKIP_AFTER_FAILURE = Duration.ofSeconds(1);

	private final ReactiveStringRedisTemplate redis;

	private final List<String> keys;

	private final Duration timeout;

	private final MemoryApiKeyStore local = new MemoryApiKeyStore();

	private volatile long skipRedisUntil = System.nanoTime();

	/**
	 * Creates the store.
	 * @param connectionFactory the Redis connection factory
	 * @param prefix prepended to every key
	 * @param timeout how long one Redis call may take
	 */
	public RedisApiKeyStore(ReactiveRedisConnectionFactory connectionFactory, String prefix, Duration timeout) {
		this.redis = new ReactiveStringRedisTemplate(connectionFactory);
		this.keys = List.of(prefix + "apikeys", prefix + "apikeys:sha256");
		this.timeout = timeout;
	}

	@Override
	public Mono<ApiKey> findByValueSha256(String valueSha256) {
		return lookup(this.redis.execute(FIND, this.keys, List.of(valueSha256)).next(),
				() -> this.local.findByValueSha256(valueSha256));
	}

	@Override
	public Mono<ApiKey> findById(String id) {
		return lookup(this.redis.<String, String>opsForHash().get(this.keys.get(0), id), () -> this.local.findById(id));
	}

	private Mono<ApiKey> lookup(Mono<String> fromRedis, Supplier<Mono<ApiKey>> fromMemory) {
		if (System.nanoTime() - this.skipRedisUntil < 0) {
			return fromMemory.get();
		}
		return fromRedis.timeout(this.timeout).map(this::read).onErrorResume((error) -> {
			this.skipRedisUntil = System.nanoTime() + SKIP_AFTER_FAILURE.toNanos();
			logger.debug("Redis API key lookup failed; answering from this instance's memory: "
					+ error.getClass().getName());
			return fromMemory.get();
		});
	}

	@Override
	public Flux<ApiKey> findAll() {
		return this.redis.<String, String>opsForHash().values(this.keys.get(0)).timeout(this.timeout).map(this::read);
	}

	@Override
	public Mono<Void> save(ApiKey key) {
		return Mono.fromSupplier(() -> JSON.writeValueAsString(key))
			.flatMap((json) -> this.redis.execute(SAVE, this.keys, List.of(key.id(), json, key.valueSha256())).next())
			.timeout(this.timeout)
			.doOnSuccess((saved) -> this.local.remember(key))
			.then();
	}

	@Override
	public Mono<Boolean> delete(String id) {
		return this.redis.execute(DELETE, this.keys, List.of(id))
			.next()
			.timeout(this.timeout)
			.map((deleted) -> deleted == 1L)
			.doOnSuccess((deleted) -> this.local.forget(id));
	}

	private ApiKey read(String json) {
		ApiKey key = JSON.readValue(json, ApiKey.class);
		this.local.remember(key);
		return key;
	}

}
