package dev.apigw.observe;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.apigw.deploy.DeploymentRegistry;
import dev.apigw.test.GatewayTestApplication;
import dev.apigw.test.TestBackend;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.propagation.Propagator;
import io.micrometer.tracing.test.simple.SimpleSpan;
import io.micrometer.tracing.test.simple.SimpleTraceContextBuilder;
import io.micrometer.tracing.test.simple.SimpleTracer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Access logs, metrics and phase spans through a real gateway, with Micrometer Tracing's
 * test tracer and a W3C-style propagator: the trace a client starts continues through the
 * gateway's phases into the HTTP backend and the Lambda event.
 */
@SpringBootTest(classes = GatewayTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@ActiveProfiles("observe")
@Import(ObservabilityGatewayTests.Tracing.class)
@ExtendWith(OutputCaptureExtension.class)
class ObservabilityGatewayTests {

	private static final TestBackend backend = TestBackend.start();

	private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

	@Autowired
	private WebTestClient client;

	@Autowired
	private SimpleTracer tracer;

	@Autowired
	private MeterRegistry meters;

	@Autowired
	private DeploymentRegistry registry;

	@DynamicPropertySource
	static void backend(DynamicPropertyRegistry registry) {
		registry.add("apigw.apis.logged.stages.live.variables.backend", backend::address);
		registry.add("apigw.apis.logged.stages.custom.variables.backend", backend::address);
	}

	@AfterAll
	static void stopBackend() {
		backend.close();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Tracing {

		@Bean
		SimpleTracer simpleTracer() {
			return new SimpleTracer();
		}

		@Bean
		Propagator w3cPropagator(SimpleTracer tracer) {
			return new TraceparentPropagator(tracer);
		}

		@Bean
		Function<Map<String, Object>, Map<String, Object>> echoEvent() {
			return (event) -> Map.of("statusCode", 200, "body", String.valueOf(event.get("headers")));
		}

	}

	@Test
	void accessLogWritesAwsJsonFormatThroughTheStageLogger(CapturedOutput output) {
		EntityExchangeResult<String> result = this.client.get().uri("/logged/live/items").exchange()
			.expectStatus().isOk().expectBody(String.class).returnResult();
		String requestId = result.getResponseHeaders().getFirst("x-amzn-RequestId");
		Pattern line = Pattern.compile("apigw\\.access\\.logged\\.live\\s*: (\\{ \"requestId\":\"" + requestId + "\".*)");
		Awaitility.await().until(() -> line.matcher(output.getOut()).find());
		Matcher matcher = line.matcher(output.getOut());
		assertThat(matcher.find()).isTrue();
		assertThat(matcher.group(1).replaceAll("\"requestTime\":\"[^\"]+\"", "\"requestTime\":\"T\""))
			.isEqualTo("{ \"requestId\":\"" + requestId + "\", \"ip\": \"127.0.0.1\", \"caller\":\"-\", \"user\":\"-\", "
					+ "\"requestTime\":\"T\", \"httpMethod\":\"GET\", \"resourcePath\":\"/items\", \"status\":\"200\", "
					+ "\"protocol\":\"HTTP/1.1\", \"responseLength\":\"13\" }");
		assertThat(matcher.group(1)).containsPattern(
				"\"requestTime\":\"\\d{2}/[A-Z][a-z]{2}/\\d{4}:\\d{2}:\\d{2}:\\d{2} \\+0000\"");
	}

	@Test
	void accessLogOfCustomFormatShowsIntegrationValuesAndGatewayResponses(CapturedOutput output) {
		String deployment = this.registry.stages("logged").get("custom").deploymentId();
		String proxied = this.client.get().uri("/logged/custom/backend").exchange().expectStatus().isOk()
			.returnResult(String.class).getResponseHeaders().getFirst("x-amzn-RequestId");
		String missing = this.client.get().uri("/logged/custom/nothing").exchange().expectStatus().isForbidden()
			.returnResult(String.class).getResponseHeaders().getFirst("x-amzn-RequestId");
		Awaitility.await().until(() -> output.getOut().contains("access.custom") && output.getOut().contains(missing));
		assertThat(output.getOut()).containsPattern(Pattern.quote(proxied)
				+ " GET /backend 200 \\d+ 200 \\d+ - " + deployment + " false")
			.contains(missing + " GET - 403 42 - - MISSING_AUTHENTICATION_TOKEN " + deployment + " false");
	}

	@Test
	void requestMetricsCarryTheDeploymentAndIntegrationLatencyIsRecorded() {
		String deployment = this.registry.stages("logged").get("custom").deploymentId();
		this.client.get().uri("/logged/custom/backend").exchange().expectStatus().isOk();
		assertThat(this.meters.get("apigw.requests").tag("api", "logged").tag("stage", "custom")
			.tag("deployment", deployment).tag("resource", "/backend").tag("status", "200").timer().count())
			.isPositive();
		assertThat(this.meters.get("apigw.integration.latency").tag("api", "logged").tag("stage", "custom")
			.tag("resource", "/backend").timer().count()).isPositive();
	}

	@Test
	void phasesAreSpansOfTheClientsTraceAndTheBackendContinuesIt() {
		String body = this.client.get()
			.uri("/logged/live/backend")
			.header("traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		Map<String, Object> echo = TestBackend.echo(body);
		@SuppressWarnings("unchecked")
		Map<String, List<String>> headers = (Map<String, List<String>>) echo.get("headers");
		assertThat(headers.get("traceparent")).singleElement().asString().startsWith("00-" + TRACE_ID + "-");
		Awaitility.await().untilAsserted(() -> assertThat(spans(TRACE_ID)).contains("method request", "integration",
				"method response"));
		SimpleSpan integration = span(TRACE_ID, "integration");
		String backendParent = headers.get("traceparent").get(0).split("-")[2];
		// the backend's parent is the integration span or Spring Cloud Gateway's client span below it
		assertThat(backendParent).isIn(integration.getSpanId(), childOf(integration.getSpanId()));
		assertThat(integration.getTags()).containsEntry("api", "logged").containsEntry("stage", "live")
			.containsEntry("resource", "/backend");
	}

	@Test
	void lambdaEventsCarryTheTraceContext() {
		String traceId = "0af7651916cd43dd8448eb211c80319c";
		String body = this.client.get()
			.uri("/logged/live/lambda")
			.header("traceparent", "00-" + traceId + "-b7ad6b7169203331-01")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		Awaitility.await().untilAsserted(() -> assertThat(spans(traceId)).contains("integration"));
		assertThat(body).contains("traceparent=00-" + traceId + "-" + span(traceId, "integration").getSpanId());
	}

	@Test
	void stagesWithTracingDisabledHaveNoPhaseSpans() {
		String traceId = "11111111111111111111111111111111";
		this.client.get()
			.uri("/logged/custom/items")
			.header("traceparent", "00-" + traceId + "-b7ad6b7169203331-01")
			.exchange()
			.expectStatus()
			.isOk();
		assertThat(spans(traceId)).doesNotContain("method request", "integration", "method response");
	}

	private List<String> spans(String traceId) {
		List<String> names = new ArrayList<>();
		for (SimpleSpan span : List.copyOf(this.tracer.getSpans())) {
			if (traceId.equals(span.getTraceId()) && span.getEndTimestamp().toEpochMilli() > 0) {
				names.add(span.getName());
			}
		}
		return names;
	}

	private SimpleSpan span(String traceId, String name) {
		return List.copyOf(this.tracer.getSpans()).stream()
			.filter((span) -> traceId.equals(span.getTraceId()) && name.equals(span.getName()))
			.findFirst()
			.orElseThrow();
	}

	private String childOf(String parentId) {
		return List.copyOf(this.tracer.getSpans()).stream()
			.filter((span) -> parentId.equals(span.getParentId()))
			.map(SimpleSpan::getSpanId)
			.findFirst()
			.orElse("none");
	}

	/**
	 * W3C {@code traceparent} propagation for the test tracer's contexts.
	 */
	static final class TraceparentPropagator implements Propagator {

		private final SimpleTracer tracer;

		TraceparentPropagator(SimpleTracer tracer) {
			this.tracer = tracer;
		}

		@Override
		public List<String> fields() {
			return List.of("traceparent");
		}

		@Override
		public <C> void inject(TraceContext context, C carrier, Setter<C> setter) {
			setter.set(carrier, "traceparent", "00-" + context.traceId() + "-" + context.spanId() + "-01");
		}

		@Override
		public <C> Span.Builder extract(C carrier, Getter<C> getter) {
			String value = getter.get(carrier, "traceparent");
			if (value == null) {
				return this.tracer.spanBuilder();
			}
			String[] parts = value.split("-");
			TraceContext parent = new SimpleTraceContextBuilder().traceId(parts[1]).spanId(parts[2]).sampled(true)
				.build();
			return this.tracer.spanBuilder().setParent(parent);
		}

	}

}
