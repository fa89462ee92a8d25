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
 * Records {@code apigw.requests}: a timer tagged with the API, stage, resource template,
 * method and status. Tag values are bounded: resource templates, never raw paths. Timers
 * are looked up once per (stage, method, status) and cached.
 */
public final class RequestMetrics implements InvocationListener {

	/** The timer name. */
	public static final String REQUESTS = "apigw.requests";

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
				(method != null) ? method.resource().path() : "NONE", knownVerb(invocation.httpMethod()), status);
		Timer timer = this.timers.get(key);
		if (timer == null) {
			timer = this.timers.computeIfAbsent(key, this::register);
		}
		timer.record(durationNanos, TimeUnit.NANOSECONDS);
	}

	private Timer register(Key key) {
		return Timer.builder(REQUESTS)
			.description("Requests served by apigw APIs")
			.tag("api", key.api())
			.tag("stage", key.stage())
			.tag("resource", key.resource())
			.tag("method", key.verb())
			.tag("status", String.valueOf(key.status()))
			.register(this.registry);
	}

	private static String knownVerb(String verb) {
		return switch (verb) {
			case "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS" -> verb;
			default -> "OTHER";
		};
	}

	private record Key(String api, String stage, String resource, String verb, int status) {

	}

}
