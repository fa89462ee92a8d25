package dev.apigw.observe;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

import dev.apigw.pipeline.InvocationListener;
import dev.apigw.routing.ApiInvocation;
import dev.apigw.routing.MethodRuntime;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Records {@code apigw.requests}: a timer tagged with the API, stage, deployment, resource
 * template, method and status; and {@code apigw.integration.latency}: a timer of the time
 * integrations took, tagged likewise without status. Tag values are bounded: resource
 * templates, never raw paths; deployment ids change only with deployments. Timers are
 * looked up once per (stage, deployment, method, status) and cached.
 */
public final class RequestMetrics implements InvocationListener {

	/** The timer name. */
	public static final String REQUESTS = "apigw.requests";

	/** The integration latency timer name. */
	public static final String INTEGRATION_LATENCY = "apigw.integration.latency";

	private final MeterRegistry registry;

	private final ConcurrentMap<Key, Timer> timers = new ConcurrentHashMap<>();

	/**
	 * Creates the recorder.
	 * @param registry the registry
	 */
	public RequestMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void completed(ApiInvocation invocation, int status, long durationNanos) {
		MethodRuntime method = invocation.method();
		Key key = new Key(invocation.stage().api().id(), invocation.stage().stageName(),
				invocation.stage().deploymentId(), (method != null) ? method.resource().path() : "NONE",
				knownVerb(invocation.httpMethod()), status);
		Timer timer = this.timers.get(key);
		if (timer == null) {
			timer = this.timers.computeIfAbsent(key, this::register);
		}
		timer.record(durationNanos, TimeUnit.NANOSECONDS);
		long integration = invocation.integrationLatency();
		if (integration >= 0) {
			Key latencyKey = new Key(key.api(), key.stage(), key.deployment(), key.resource(), key.verb(), -1);
			Timer latency = this.timers.get(latencyKey);
			if (latency == null) {
				latency = this.timers.computeIfAbsent(latencyKey, this::register);
			}
			latency.record(integration, TimeUnit.MILLISECONDS);
		}
	}

	private Timer register(Key key) {
		Timer.Builder builder = (key.status() < 0)
				? Timer.builder(INTEGRATION_LATENCY).description("Time integrations took (CloudWatch IntegrationLatency)")
				: Timer.builder(REQUESTS).description("Requests served by apigw APIs").tag("status",
						String.valueOf(key.status()));
		return builder.tag("api", key.api())
			.tag("stage", key.stage())
			.tag("deployment", key.deployment())
			.tag("resource", key.resource())
			.tag("method", key.verb())
			.register(this.registry);
	}

	private static String knownVerb(String verb) {
		return switch (verb) {
			case "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS" -> verb;
			default -> "OTHER";
		};
	}

	private record Key(String api, String stage, String deployment, String resource, String verb, int status) {

	}

}
