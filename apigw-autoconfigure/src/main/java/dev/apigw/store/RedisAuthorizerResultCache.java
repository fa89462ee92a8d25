package dev.apigw.store;

import java.time.Duration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.ScanOptions;

/**
 * Lambda authorizer results in Redis, shared by every gateway instance: one string per
 * result ({@code <prefix>authorizer:<api>/<stage>/<authorizer>/<SHA-256 of the identity>})
 * holding the result as its codec writes it, which Redis expires after the authorizer's
 * TTL. A result cached by one instance is a hit on every other until it expires. A Redis
 * that fails or is slower than the timeout, or a value that cannot be read, gives a miss
 * (the authorizer is invoked), never an error.
 */
public final class RedisAuthorizerResultCache implements AuthorizerResultCache {

	private static final Log logger = LogFactory.getLog(RedisAuthorizerResultCache.class);

	private final ReactiveStringRedisTemplate redis;

	private final String prefix;

	private final Duration timeout;

	/**
	 * Creates the cache.
	 * @param connectionFactory the Redis connection factory
	 * @param prefix prepended to every key
	 * @param timeout how long one Redis call may take before it counts as a miss
	 */
	public RedisAuthorizerResultCache(ReactiveRedisConnectionFactory connectionFactory, String prefix,
			Duration timeout) {
		this.redis = new ReactiveStringRedisTemplate(connectionFactory);
		this.prefix = prefix + "authorizer:";
		this.timeout = timeout;
	}

	@Override
	public <T> Mono<T> get(String key, ValueCodec<T> codec) {
		return this.redis.opsForValue()
			.get(this.prefix + key)
			.timeout(this.timeout)
			.map(codec::decode)
			.onErrorResume((error) -> {
				// the key holds a digest, never a token, but the error may quote the value
				logger.debug("Redis authorizer cache lookup failed; a miss: " + error.getClass().getName());
				return Mono.empty();
			});
	}

	@Override
	public <T> Mono<Void> put(String key, T result, Duration ttl, ValueCodec<T> codec) {
		return Mono.fromSupplier(() -> codec.encode(result))
			.flatMap((text) -> this.redis.opsForValue().set(this.prefix + key, text, ttl))
			.timeout(this.timeout)
			.onErrorResume((error) -> {
				logger.debug("Redis authorizer cache store failed: " + error.getClass().getName());
				return Mono.empty();
			})
			.then();
	}

	@Override
	public Mono<Void> clear() {
		return this.redis.scan(ScanOptions.scanOptions().match(this.prefix + "*").count(1000).build())
			.buffer(500)
			.concatMap((keys) -> this.redis.delete(keys.toArray(String[]::new)))
			.then();
	}

}
