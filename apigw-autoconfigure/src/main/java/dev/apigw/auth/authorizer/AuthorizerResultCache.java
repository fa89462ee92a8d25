package dev.apigw.auth.authorizer;

import java.time.Duration;

import reactor.core.publisher.Mono;

/**
 * Where Lambda authorizer results are cached for their authorizer's TTL. Kept small so that
 * a shared store (Redis) can implement it next to the in-memory default: keys are opaque
 * strings (API, stage, authorizer and a SHA-256 of the identity sources, never a token in
 * clear), values plain data.
 */
public interface AuthorizerResultCache {

	/**
	 * Reads a cached result.
	 * @param key the key
	 * @return the result, or empty when none is cached or it has expired
	 */
	Mono<AuthorizerResult> get(String key);

	/**
	 * Caches a result.
	 * @param key the key
	 * @param result the result
	 * @param ttl how long it may be used
	 * @return completion
	 */
	Mono<Void> put(String key, AuthorizerResult result, Duration ttl);

	/**
	 * Drops every cached result.
	 * @return completion
	 */
	Mono<Void> clear();

}
