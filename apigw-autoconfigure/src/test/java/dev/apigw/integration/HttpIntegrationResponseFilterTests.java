package dev.apigw.integration;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import dev.apigw.model.Api;
import dev.apigw.model.Integration;
import dev.apigw.model.IntegrationResponse;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.Method;
import dev.apigw.model.Resource;
import dev.apigw.model.Stage;
import dev.apigw.routing.ApiInvocation;
import dev.apigw.template.RenderOffload;
import dev.apigw.template.TemplateRenderer;
import dev.apigw.test.StageHarness;
import dev.apigw.test.StageHarness.RecordingChain;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The integration response of non-proxy HTTP integrations: what the backend answers (the
 * chain stands in for the gateway's routing filter writing it) is not sent as it is but
 * selected by its status against the selection patterns, mapped into the method response's
 * headers (reserved names remapped to {@code x-amzn-Remapped-*}, the backend's own headers
 * left behind) and rendered by the selected response's template, or passed through as JSON.
 * Proxy integrations are not touched.
 */
class HttpIntegrationResponseFilterTests {

	private final TemplateRenderer renderer = new TemplateRenderer(RenderOffload.defaults());

	private final HttpIntegrationResponseFilter phase = new HttpIntegrationResponseFilter(
			new IntegrationResponder(new MappingTemplates(this.renderer)));

	private final StageHarness stage = StageHarness.deploy(Api.builder("shop")
		.resource(Resource.of("/pets", http(
				new IntegrationResponse(null, "200",
						Map.of("method.response.header.x-pet-id", "integration.response.body.id",
								"method.response.header.x-backend", "integration.response.header.x-backend-name",
								"method.response.header.Date", "integration.response.header.Date",
								"method.response.header.Content-Length", "'99'"),
						Map.of(), null),
				new IntegrationResponse("4\\d{2}", "400", Map.of(),
						Map.of("application/json",
								"{\"problem\": \"$input.path('$.error')\", \"stage\": \"$context.stage\"}"),
						null))))
		.resource(Resource.of("/strict", http(new IntegrationResponse("2\\d{2}", "200", Map.of(), Map.of(), null))))
		.resource(Resource.of("/proxied", Method.builder("GET")
			.integration(Integration.builder(IntegrationType.HTTP_PROXY).uri("http://backend.test/proxied").build())
			.build()))
		.stage(Stage.of("dev", Map.of()))
		.source("test")
		.build(), "dev");

	private final GatewayFilter filter = this.stage.compile(this.phase);

	@AfterEach
	void stopRenderThreads() {
		this.renderer.close();
	}

	@Test
	void aBackendStatusMatchingASelectionPatternSelectsThatResponseAndItsTemplate() {
		MockServerWebExchange exchange = call("/pets", backend(HttpStatus.NOT_FOUND, "{\"error\": \"no such pet\"}"));
		String body = "{\"problem\": \"no such pet\", \"stage\": \"dev\"}";
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(exchange.getResponse().getHeaders().getContentType()).hasToString("application/json");
		assertThat(exchange.getResponse().getHeaders().getContentLength()).isEqualTo(body.length());
		assertThat(body(exchange)).isEqualTo(body);
	}

	@Test
	void aBackendErrorOnlyTheDefaultResponseSelectsIsAnsweredWithItsStatusAndTheBackendsBody() {
		MockServerWebExchange exchange = call("/pets",
				backend(HttpStatus.INTERNAL_SERVER_ERROR, "{\"id\": \"failed\"}"));
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(body(exchange)).isEqualTo("{\"id\": \"failed\"}");
	}

	@Test
	void aPassedThroughBodyIsSentAsJsonWhateverTheBackendsContentType() {
		MockServerWebExchange exchange = call("/pets", (routed) -> {
			routed.getResponse().getHeaders().setContentType(MediaType.TEXT_PLAIN);
			return write(routed.getResponse(), HttpStatus.OK, "plain");
		});
		assertThat(exchange.getResponse().getHeaders().getContentType()).hasToString("application/json");
		assertThat(exchange.getResponse().getHeaders().getContentLength()).isEqualTo(5);
		assertThat(body(exchange)).isEqualTo("plain");
	}

	@Test
	void headerMappingsReadTheBackendsHeadersAndBodyAndTheBackendsOtherHeadersStayBehind() {
		MockServerWebExchange exchange = call("/pets", (routed) -> {
			routed.getResponse().getHeaders().set("x-backend-name", "pets-1");
			routed.getResponse().getHeaders().set("x-internal", "secret");
			return write(routed.getResponse(), HttpStatus.OK, "{\"id\": \"p-7\"}");
		});
		HttpHeaders headers = exchange.getResponse().getHeaders();
		assertThat(headers.getFirst("x-pet-id")).isEqualTo("p-7");
		assertThat(headers.getFirst("x-backend")).isEqualTo("pets-1");
		assertThat(headers.containsHeader("x-internal")).isFalse();
		assertThat(headers.containsHeader("x-backend-name")).isFalse();
		assertThat(headers.getFirst("x-amzn-RequestId")).isEqualTo(StageHarness.invocation(exchange).requestId());
	}

	@Test
	void mappedHeadersAwsReservesAreRemappedAndTheBodyIsFramedByTheGateway() {
		MockServerWebExchange exchange = call("/pets", (routed) -> {
			routed.getResponse().getHeaders().set(HttpHeaders.DATE, "Tue, 01 Dec 2026 10:00:00 GMT");
			return write(routed.getResponse(), HttpStatus.OK, "{\"id\": \"p-7\"}");
		});
		HttpHeaders headers = exchange.getResponse().getHeaders();
		assertThat(headers.getFirst("x-amzn-Remapped-Date")).isEqualTo("Tue, 01 Dec 2026 10:00:00 GMT");
		assertThat(headers.containsHeader(HttpHeaders.DATE)).isFalse();
		assertThat(headers.getFirst("x-amzn-Remapped-Content-Length")).isEqualTo("99");
		assertThat(headers.getContentLength()).isEqualTo(13);
		assertThat(body(exchange)).isEqualTo("{\"id\": \"p-7\"}");
	}

	@Test
	void theBackendsStatusAndLatencyAreRecordedForTheAccessLog() {
		MockServerWebExchange exchange = call("/pets", backend(HttpStatus.NOT_FOUND, "{}"));
		ApiInvocation invocation = StageHarness.invocation(exchange);
		assertThat(invocation.integrationStatus()).isEqualTo(404);
		assertThat(invocation.integrationLatency()).isGreaterThanOrEqualTo(0);
	}

	@Test
	void aBackendStatusNoResponseSelectsWithoutADefaultIsAnsweredInternalServerError() {
		MockServerWebExchange exchange = call("/strict", backend(HttpStatus.SERVICE_UNAVAILABLE, "down"));
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
		assertThat(exchange.getResponse().getHeaders().getFirst("x-amzn-ErrorType"))
			.isEqualTo("InternalServerErrorException");
		assertThat(body(exchange)).isEqualTo("{\"message\": \"Internal server error\"}");
	}

	@Test
	void aProxyIntegrationsResponseIsSentAsTheBackendWroteIt() {
		MockServerWebExchange exchange = call("/proxied", (routed) -> {
			routed.getResponse().getHeaders().set("x-internal", "kept");
			return write(routed.getResponse(), HttpStatus.NOT_FOUND, "gone");
		});
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(exchange.getResponse().getHeaders().getFirst("x-internal")).isEqualTo("kept");
		assertThat(body(exchange)).isEqualTo("gone");
	}

	@Test
	void aStageWithoutHttpIntegrationsDoesNotPassThroughThePhase() {
		StageHarness proxies = StageHarness.deploy(Api.builder("shop")
			.resource(Resource.of("/pets", Method.builder("GET")
				.integration(Integration.builder(IntegrationType.HTTP_PROXY).uri("http://backend.test/pets").build())
				.build()))
			.stage(Stage.of("dev", Map.of()))
			.source("test")
			.build(), "dev");
		assertThat(proxies.compile(this.phase)).isNull();
	}

	private MockServerWebExchange call(String path, GatewayFilterChain backend) {
		MockServerWebExchange exchange = this.stage.exchange(this.stage.request(HttpMethod.GET, path).build());
		RecordingChain chain = new RecordingChain(backend);
		StageHarness.respond(this.filter, exchange, chain);
		assertThat(chain.called()).isTrue();
		return exchange;
	}

	private static GatewayFilterChain backend(HttpStatus status, String body) {
		return (routed) -> write(routed.getResponse(), status, body);
	}

	private static Mono<Void> write(ServerHttpResponse response, HttpStatus status, String body) {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		response.setStatusCode(status);
		response.getHeaders().setContentLength(bytes.length);
		return response.writeWith(Mono.just(response.bufferFactory().wrap(bytes)));
	}

	private static String body(MockServerWebExchange exchange) {
		return exchange.getResponse().getBodyAsString().block(Duration.ofSeconds(5));
	}

	private static Method http(IntegrationResponse... responses) {
		Integration.Builder integration = Integration.builder(IntegrationType.HTTP)
			.httpMethod("GET")
			.uri("http://backend.test/pets");
		for (IntegrationResponse response : responses) {
			integration.response(response);
		}
		return Method.builder("GET").integration(integration.build()).build();
	}

}
