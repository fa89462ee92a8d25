package dev.apigw.observe;

import java.util.Map;

import dev.apigw.routing.ApiInvocation;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.SenderContext;
import org.jspecify.annotations.Nullable;

/**
 * The observations of one request's phases, children of the server request's observation:
 * {@code apigw.method.request} (from the mount match to the integration request),
 * {@code apigw.integration} (the integration request, the call and the integration
 * response; it carries the trace context the integration gets) and
 * {@code apigw.method.response} (writing the response). With a tracer bridge each is a
 * span; with a meter registry each is a timer.
 */
final class PhaseObservations {

	static final String ATTRIBUTE = PhaseObservations.class.getName();

	private final ObservationRegistry registry;

	private final @Nullable Observation parent;

	private final ApiInvocation invocation;

	private @Nullable Observation methodRequest;

	private @Nullable Observation integration;

	private @Nullable Observation methodResponse;

	PhaseObservations(ObservationRegistry registry, @Nullable Observation parent, ApiInvocation invocation) {
		this.registry = registry;
		this.parent = parent;
		this.invocation = invocation;
	}

	synchronized void startMethodRequest() {
		this.methodRequest = start(Observation.createNotStarted("apigw.method.request", this.registry)
			.contextualName("method request"));
	}

	/**
	 * Ends the method request phase and starts the integration phase.
	 * @return the integration observation
	 */
	synchronized Observation startIntegration() {
		stop(this.methodRequest, null);
		this.methodRequest = null;
		Map<String, String> carrier = this.invocation.traceHeaders();
		SenderContext<Map<String, String>> context = new SenderContext<>((headers, key, value) -> {
			if (headers != null) {
				headers.put(key, value);
			}
		});
		context.setCarrier(carrier);
		context.setRemoteServiceName(this.invocation.requiredMethod().definition().type().name());
		this.integration = start(Observation.createNotStarted("apigw.integration", () -> context, this.registry)
			.contextualName("integration"));
		return this.integration;
	}

	/** The response is being written: the earlier phases end, the method response starts. */
	synchronized void startMethodResponse() {
		if (this.methodResponse != null) {
			return;
		}
		stop(this.methodRequest, null);
		stop(this.integration, null);
		this.methodRequest = null;
		this.integration = null;
		this.methodResponse = start(Observation.createNotStarted("apigw.method.response", this.registry)
			.contextualName("method response"));
	}

	/**
	 * Ends every phase still running.
	 * @param error why the request failed, {@code null} when it did not
	 */
	synchronized void stop(@Nullable Throwable error) {
		stop(this.methodRequest, error);
		stop(this.integration, error);
		stop(this.methodResponse, error);
		this.methodRequest = null;
		this.integration = null;
		this.methodResponse = null;
	}

	private Observation start(Observation observation) {
		String resource = this.invocation.resourcePath();
		observation.parentObservation(this.parent)
			.lowCardinalityKeyValues(KeyValues.of("api", this.invocation.stage().api().id(), "stage",
					this.invocation.stage().stageName(), "resource", (resource != null) ? resource : "NONE", "method",
					this.invocation.httpMethod()))
			.highCardinalityKeyValues(KeyValues.of("deployment", this.invocation.stage().deploymentId(), "request.id",
					this.invocation.requestId(), "canary", String.valueOf(this.invocation.isCanaryRequest())));
		return observation.start();
	}

	private static void stop(@Nullable Observation observation, @Nullable Throwable error) {
		if (observation != null) {
			if (error != null) {
				observation.error(error);
			}
			observation.stop();
		}
	}

}
