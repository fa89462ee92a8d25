package dev.apigw.store;

import java.time.Duration;

import reactor.core.publisher.Mono;

/**
 * Where Lambda authorizer results are cached for their authorizer's TTL: this instance's
 * memory, or Redis shared by every instance. Keys are opaque strings (API, stage,
 * authorizer and a SHA-256 of the identity sources, never a token in clear); values are
 * the authorizer feature's own type, written and read by the {@link ValueCodec} it passes
 * with each call. A store that fails answers a miss (and keeps nothing) rather than an
 * error, so the authorizer is invoked instead.
 */
public interface AuthorizerResultCache {

	/**
	 * Reads a cached result.
	 * @param <T> the type of result
	 * @param key the key
	 * @param codec reads the result when the store keeps text
	 * @return the result, or empty when none is cached, it has expired or it cannot be read
	 */
	<T> Mono<T> get(String key, ValueCodec<T> codec);

	/**
	 * Caches a result, replacing any cached under the key.
	 * @param <T> the type of result
	 * @param key the key
	 * @param result the result
	 * @param ttl how long it may be used
	 * @param codec writes the result when the store keeps text
	 * @return completion
	 */
	<T> Mono<Void> put(String key, T result, Duration ttl, ValueCodec<T> codec);

	/**
	 * Drops every cached result.
	 * @return completion
	 */
	Mono<Void> clear();

}
