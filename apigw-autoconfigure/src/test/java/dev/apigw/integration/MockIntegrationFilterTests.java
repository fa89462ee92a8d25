package dev.apigw.integration;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.apigw.model.Api;
import dev.apigw.model.Integration;
import dev.apigw.model.IntegrationResponse;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.Method;
import dev.apigw.model.Resource;
import dev.apigw.model.Stage;
import dev.apigw.routing.ApiInvocation;
import dev.apigw.routing.IntegrationPayload;
import dev.apigw.template.RenderOffload;
import dev.apigw.template.TemplateRenderer;
import dev.apigw.test.StageHarness;
import dev.apigw.test.StageHarness.RecordingChain;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The MOCK integration, served in-process: its status is the {@code statusCode} its
 * rendered request template gives (quoted or not, as the CDK writes it; 500 when it is not
 * an integer), the integration response is selected by that status, and the method
 * response gets its body only from the selected response's template (chosen by Accept) and
 * its headers from the response's mappings, reserved names remapped as AWS does. Each
 * request reaches the phase as the integration request phase leaves it: routed to
 * {@code mock:} with the rendered template as payload.
 */
class MockIntegrationFilterTests {

	private final TemplateRenderer renderer = new TemplateRenderer(RenderOffload.defaults());

	private final MappingTemplates templates = new MappingTemplates(this.renderer);

	private final MockIntegrationFilter phase = new MockIntegrationFilter(new IntegrationResponder(this.templates));

	private final StageHarness stage = StageHarness.deploy(Api.builder("shop")
		.resource(Resource.of("/pets/{petId}", Method.builder("GET")
			.integration(Integration.builder(IntegrationType.MOCK)
				.requestTemplate("application/json",
						"#set($context.responseOverride.status = 444){\"statusCode\": $input.params('code')}")
				.response(new IntegrationResponse(null, "200", Map.of(), Map.of(), null))
				.response(new IntegrationResponse("4\\d{2}", "404", Map.of("method.response.header.x-pet", "'none'",
						"method.response.header.x-version", "stageVariables.version",
						"method.response.header.Server", "'mock'", "method.response.header.Transfer-Encoding",
						"'chunked'"), templates(), null))
				.build())
			.build()))
		.resource(Resource.of("/strict", Method.builder("GET")
			.integration(Integration.builder(IntegrationType.MOCK)
				.response(new IntegrationResponse("2\\d{2}", "200", Map.of(), Map.of(), null))
				.build())
			.build()))
		.stage(Stage.builder("dev").variable("version", "v7").build())
		.source("test")
		.build(), "dev");

	private final GatewayFilter filter = this.stage.compile(this.phase);

	@AfterEach
	void stopRenderThreads() {
		this.renderer.close();
	}

	@Test
	void aMockIntegrationAnswersTheStatusItsRequestTemplateSelects() {
		MockServerWebExchange exchange = mocked("/pets/1", "{\"statusCode\": 404}");
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		ApiInvocation invocation = StageHarness.invocation(exchange);
		assertThat(invocation.integrationStatus()).isEqualTo(404);
		assertThat(invocation.integrationLatency()).isZero();
	}

	@Test
	void aStatusNoPatternMatchesGetsTheDefaultResponseWithAnEmptyBody() {
		MockServerWebExchange exchange = mocked("/pets/1", "{\"statusCode\": 200}");
		HttpHeaders headers = exchange.getResponse().getHeaders();
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(headers.getContentType()).hasToString("application/json");
		assertThat(headers.getContentLength()).isZero();
		assertThat(headers.containsHeader("x-pet")).isFalse();
		assertThat(headers.getFirst("x-amzn-RequestId")).isEqualTo(StageHarness.invocation(exchange).requestId());
		assertThat(headers.getFirst("X-Amzn-Trace-Id")).isEqualTo(StageHarness.invocation(exchange).traceId());
		assertThat(body(exchange)).isEmpty();
	}

	@Test
	void theUnquotedStatusCodeTheCdkWritesIsRead() {
		MockServerWebExchange exchange = mocked("/pets/1", "{statusCode: 404}");
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void aStatusCodeThatIsNotAnIntegerIsAnsweredInternalServerError() {
		MockServerWebExchange exchange = mocked("/pets/1", "{\"statusCode\": \"200\"}");
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
		assertThat(body(exchange)).isEqualTo("{\"message\": \"Internal server error\"}");
	}

	@Test
	void theSelectedResponsesTemplateRendersTheBody() {
		MockServerWebExchange exchange = mocked("/pets/7", "{\"statusCode\": 404}");
		String body = "{\"missing\": \"7\", \"stage\": \"dev\"}";
		assertThat(exchange.getResponse().getHeaders().getContentType()).hasToString("application/json");
		assertThat(exchange.getResponse().getHeaders().getContentLength()).isEqualTo(body.length());
		assertThat(body(exchange)).isEqualTo(body);
	}

	@Test
	void theResponseTemplateIsTheOneTheRequestAccepts() {
		MockServerWebExchange exchange = mocked(
				this.stage.request(HttpMethod.GET, "/pets/7").header(HttpHeaders.ACCEPT, "application/xml").build(),
				"{\"statusCode\": 404}");
		assertThat(exchange.getResponse().getHeaders().getContentType()).hasToString("application/xml");
		assertThat(body(exchange)).isEqualTo("<missing>7</missing>");
	}

	@Test
	void theSelectedResponsesHeaderMappingsSetTheMethodResponseHeaders() {
		HttpHeaders headers = mocked("/pets/1", "{\"statusCode\": 404}").getResponse().getHeaders();
		assertThat(headers.getFirst("x-pet")).isEqualTo("none");
		assertThat(headers.getFirst("x-version")).isEqualTo("v7");
	}

	@Test
	void aMappedHeaderAwsReservesIsRemappedAndAFramingOneDropped() {
		HttpHeaders headers = mocked("/pets/1", "{\"statusCode\": 404}").getResponse().getHeaders();
		assertThat(headers.getFirst("x-amzn-Remapped-Server")).isEqualTo("mock");
		assertThat(headers.containsHeader("Server")).isFalse();
		assertThat(headers.containsHeader(HttpHeaders.TRANSFER_ENCODING)).isFalse();
	}

	@Test
	void aStatusNoResponseSelectsWithoutADefaultIsAnsweredInternalServerError() {
		MockServerWebExchange exchange = mocked("/strict", "{\"statusCode\": 500}");
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
		assertThat(body(exchange)).isEqualTo("{\"message\": \"Internal server error\"}");
	}

	@Test
	void aStatusOverrideTheRequestTemplateSetsIsTheStatusAnswered() {
		MockServerWebExchange exchange = this.stage
			.exchange(this.stage.request(HttpMethod.GET, "/pets/1?code=200").build());
		IntegrationRequestFilter integrationRequest = new IntegrationRequestFilter(this.templates);
		RecordingChain chain = new RecordingChain((routed) -> this.filter.filter(routed, new RecordingChain()));
		StageHarness.respond(integrationRequest, exchange, chain);
		assertThat(chain.called()).isTrue();
		assertThat(exchange.getResponse().getStatusCode().value()).isEqualTo(444);
		assertThat(StageHarness.invocation(exchange).integrationStatus()).isEqualTo(200);
	}

	@Test
	void aRequestRoutedElsewhereGoesOnUnanswered() {
		MockServerWebExchange exchange = this.stage.exchange(this.stage.request(HttpMethod.GET, "/pets/1").build());
		exchange.getAttributes()
			.put(ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR, URI.create("http://backend.test/pets/1"));
		RecordingChain chain = new RecordingChain();
		assertThat(StageHarness.run(this.filter, exchange, chain)).isNull();
		assertThat(chain.called()).isTrue();
		assertThat(exchange.getResponse().getStatusCode()).isNull();
		assertThat(ServerWebExchangeUtils.isAlreadyRouted(exchange)).isFalse();
	}

	@Test
	void aStageWithoutMockIntegrationsDoesNotPassThroughThePhase() {
		StageHarness http = StageHarness.deploy(Api.builder("shop")
			.resource(Resource.of("/pets", Method.builder("GET")
				.integration(Integration.builder(IntegrationType.HTTP_PROXY).uri("http://backend.test/pets").build())
				.build()))
			.stage(Stage.of("dev", Map.of()))
			.source("test")
			.build(), "dev");
		assertThat(http.compile(this.phase)).isNull();
	}

	/** A request as the integration request phase leaves it: routed to the mock with a payload. */
	private MockServerWebExchange mocked(String path, String payload) {
		return mocked(this.stage.request(HttpMethod.GET, path).build(), payload);
	}

	private MockServerWebExchange mocked(MockServerHttpRequest request, String payload) {
		MockServerWebExchange exchange = this.stage.exchange(request);
		exchange.getAttributes()
			.put(ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR, IntegrationRequestFilter.MOCK_URI);
		byte[] rendered = payload.getBytes(StandardCharsets.UTF_8);
		StageHarness.invocation(exchange)
			.handoffs()
			.integrationPayload(new IntegrationPayload(rendered, "application/json", ""));
		StageHarness.respond(this.filter, exchange, new RecordingChain());
		return exchange;
	}

	private static String body(MockServerWebExchange exchange) {
		return exchange.getResponse().getBodyAsString().block(Duration.ofSeconds(5));
	}

	private static Map<String, String> templates() {
		Map<String, String> templates = new LinkedHashMap<>();
		templates.put("application/json", "{\"missing\": \"$input.params('petId')\", \"stage\": \"$context.stage\"}");
		templates.put("application/xml", "<missing>$input.params('petId')</missing>");
		return templates;
	}

}
