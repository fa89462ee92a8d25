package dev.apigw.cache;

import dev.apigw.routing.StageRuntime;

/**
 * Counts stage response cache lookups. Kept free of Micrometer types so that the cache
 * works in applications without Micrometer on the class path; {@link MicrometerCacheMetrics}
 * records {@code apigw.cache.requests} when it is there.
 */
@FunctionalInterface
public interface CacheMetrics {

	/** Counts nothing. */
	CacheMetrics NONE = (runtime, resource, verb, result) -> () -> {
	};

	/**
	 * The counter of one method's lookups with one result, created once per deployment.
	 * @param runtime the deployed stage
	 * @param resource the resource path
	 * @param verb the request verb
	 * @param result {@code hit} or {@code miss}
	 * @return what to run on every such lookup
	 */
	Runnable counter(StageRuntime runtime, String resource, String verb, String result);

}
