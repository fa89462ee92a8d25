package dev.apigw.store;

import java.time.Duration;

import reactor.core.publisher.Mono;

/**
 * Where stage caches keep responses: this instance's memory (Caffeine, bounded by bytes per
 * stage), or Redis shared by every instance. Keys are already unique per API, stage,
 * deployment, method, cache key parameters and caller; the stage name lets a stage be
 * flushed as a whole. A store that fails answers a miss (and stores nothing) rather than
 * an error.
 */
public interface ResponseCacheStore {

	/**
	 * Looks a response up.
	 * @param stage the stage ({@code api/stage})
	 * @param key the cache key
	 * @return the response, empty when none is cached (or it expired)
	 */
	Mono<CachedResponse> get(String stage, String key);

	/**
	 * Stores a response, replacing any cached under the key.
	 * @param stage the stage ({@code api/stage})
	 * @param key the cache key
	 * @param response the response
	 * @param ttl how long it is served
	 * @param capacityBytes the stage cache's capacity, for stores bounded per stage
	 * @return completion
	 */
	Mono<Void> put(String stage, String key, CachedResponse response, Duration ttl, long capacityBytes);

	/**
	 * Removes every response of a stage.
	 * @param stage the stage ({@code api/stage})
	 * @return how many entries were removed, where the store knows
	 */
	Mono<Long> flush(String stage);

}
