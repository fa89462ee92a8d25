package dev.apigw.cache;

import dev.apigw.routing.StageRuntime;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Records cache lookups as the {@code apigw.cache.requests} counter, tagged by API, stage,
 * resource, method and result (CloudWatch's CacheHitCount and CacheMissCount).
 */
public final class MicrometerCacheMetrics implements CacheMetrics {

	private final MeterRegistry registry;

	/**
	 * Creates the metrics.
	 * @param registry where the counters are registered
	 */
	public MicrometerCacheMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	public Runnable counter(StageRuntime runtime, String resource, String verb, String result) {
		Counter counter = Counter.builder(CachePolicies.METRIC)
			.description("Lookups in stage response caches (CloudWatch CacheHitCount / CacheMissCount)")
			.tag("api", runtime.api().id())
			.tag("stage", runtime.stageName())
			.tag("resource", resource)
			.tag("method", verb)
			.tag("result", result)
			.register(this.registry);
		return counter::increment;
	}

}
