package dev.apigw.observe;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import dev.apigw.store.SharedStore;
import dev.apigw.throttle.ThrottleListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;

/**
 * Records throttling meters: {@code apigw.usage} (requests counted against a plan),
 * {@code apigw.throttled} (tags {@code plan}, {@code level}), {@code apigw.quota.exceeded}
 * (tag {@code plan}), and the {@code apigw.store.available} gauge (1 or 0, tag
 * {@code store}) of a shared store. Tag values are plan ids and fixed level names, never
 * key ids.
 */
public final class UsagePlanMetrics implements ThrottleListener {

	/** Requests counted against a usage plan. */
	public static final String USAGE = "apigw.usage";

	/** Throttled requests. */
	public static final String THROTTLED = "apigw.throttled";

	/** Requests over their key's quota. */
	public static final String QUOTA_EXCEEDED = "apigw.quota.exceeded";

	/** Whether a shared store answers. */
	public static final String STORE_AVAILABLE = "apigw.store.available";

	private final MeterRegistry registry;

	private final ConcurrentMap<String, Counter> counters = new ConcurrentHashMap<>();

	/**
	 * Creates the recorder.
	 * @param registry the registry
	 * @param stores the shared stores, whose availability is a gauge each
	 */
	public UsagePlanMetrics(MeterRegistry registry, List<SharedStore> stores) {
		this.registry = registry;
		for (SharedStore store : stores) {
			Gauge.builder(STORE_AVAILABLE, store.availability(), (state) -> state.isAvailable() ? 1 : 0)
				.description("Whether the shared store answers (1) or works without it (0)")
				.tag("store", store.availability().store())
				.register(registry);
		}
	}

	@Override
	public void used(String plan) {
		counter(USAGE, plan, null).increment();
	}

	@Override
	public void throttled(String plan, String level) {
		counter(THROTTLED, plan, level).increment();
	}

	@Override
	public void quotaExceeded(String plan) {
		counter(QUOTA_EXCEEDED, plan, null).increment();
	}

	private Counter counter(String name, String plan, @Nullable String level) {
		String key = name + " " + plan + " " + level;
		Counter counter = this.counters.get(key);
		if (counter == null) {
			counter = this.counters.computeIfAbsent(key, (k) -> {
				Counter.Builder builder = Counter.builder(name).tag("plan", plan);
				if (level != null) {
					builder.tag("level", level);
				}
				return builder.register(this.registry);
			});
		}
		return counter;
	}

}
