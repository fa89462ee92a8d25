package dev.apigw.integration;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import dev.apigw.model.Api;
import dev.apigw.model.Integration;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.Method;
import dev.apigw.model.PassthroughBehavior;
import dev.apigw.model.Resource;
import dev.apigw.model.Stage;
import dev.apigw.routing.IntegrationPayload;
import dev.apigw.template.RenderOffload;
import dev.apigw.template.TemplateRenderer;
import dev.apigw.test.StageHarness;
import dev.apigw.test.StageHarness.RecordingChain;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The integration request phase: the request template chosen by the request's media type
 * (or passthrough, or 415 as AWS's passthrough behaviours say), parameter mappings into the
 * integration URI's path and query and into headers, the headers a non-proxy HTTP
 * integration gets from the gateway instead of the client's, proxy requests sent on as they
 * came, reserved headers a template cannot override, and the {@code mock:} and
 * {@code lambda:} URLs of the in-process integrations with the payload handed to them.
 */
class IntegrationRequestFilterTests {

	private static final String PET_TEMPLATE = "{\"name\": \"$input.path('$.name')\", \"stage\": \"$context.stage\"}";

	private final TemplateRenderer renderer = new TemplateRenderer(RenderOffload.defaults());

	private final IntegrationRequestFilter phase = new IntegrationRequestFilter(new MappingTemplates(this.renderer));

	@AfterEach
	void stopRenderThreads() {
		this.renderer.close();
	}

	@Test
	void theRequestTemplateOfTheRequestsMediaTypeRendersTheBodySentToTheIntegration() {
		StageHarness stage = deploy(http("POST", "http://backend.test/pets").requestTemplate("application/json",
				PET_TEMPLATE));
		ServerHttpRequest sent = send(stage, stage.request(HttpMethod.POST, "/pets")
			.header(HttpHeaders.CONTENT_TYPE, "application/json; charset=UTF-8")
			.body("{\"name\": \"Rex\", \"age\": 3}"));
		String rendered = "{\"name\": \"Rex\", \"stage\": \"dev\"}";
		assertThat(body(sent)).isEqualTo(rendered);
		assertThat(sent.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE)).isEqualTo("application/json");
		assertThat(sent.getHeaders().getContentLength()).isEqualTo(rendered.length());
	}

	@Test
	void aRequestWithoutContentTypeIsRenderedWithTheApplicationJsonTemplate() {
		StageHarness stage = deploy(http("POST", "http://backend.test/pets")
			.requestTemplate("text/plain", "plain")
			.requestTemplate("application/json", "json $input.body"));
		ServerHttpRequest sent = send(stage, stage.request(HttpMethod.POST, "/pets").body("{}"));
		assertThat(body(sent)).isEqualTo("json {}");
	}

	@Test
	void aMediaTypeWithoutTemplateIsPassedThroughUntransformedWhenNoTemplateMatches() {
		StageHarness stage = deploy(http("POST", "http://backend.test/pets").requestTemplate("application/json",
				PET_TEMPLATE));
		ServerHttpRequest sent = send(stage, stage.request(HttpMethod.POST, "/pets")
			.header(HttpHeaders.CONTENT_TYPE, "text/csv")
			.body("name,age\nRex,3"));
		assertThat(body(sent)).isEqualTo("name,age\nRex,3");
		assertThat(sent.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE)).isEqualTo("text/csv");
		assertThat(sent.getHeaders().getFirst(HttpHeaders.USER_AGENT)).isEqualTo("AmazonAPIGateway_shop");
	}

	@Test
	void aMediaTypeWithoutTemplateIsAnswered415WhenOnlyRequestsWithoutTemplatesPassThrough() {
		StageHarness stage = deploy(http("POST", "http://backend.test/pets")
			.requestTemplate("application/json", PET_TEMPLATE)
			.passthroughBehavior(PassthroughBehavior.WHEN_NO_TEMPLATES));
		assertUnsupportedMediaType(stage);
	}

	@Test
	void anIntegrationWithoutTemplatesPassesEveryMediaTypeThroughWhenOnlyRequestsWithoutTemplatesPassThrough() {
		StageHarness stage = deploy(http("POST", "http://backend.test/pets")
			.passthroughBehavior(PassthroughBehavior.WHEN_NO_TEMPLATES));
		ServerHttpRequest sent = send(stage, stage.request(HttpMethod.POST, "/pets")
			.header(HttpHeaders.CONTENT_TYPE, "text/csv")
			.body("a,b"));
		assertThat(body(sent)).isEqualTo("a,b");
		assertThat(sent.getHeaders().getFirst(HttpHeaders.USER_AGENT)).isEqualTo("AmazonAPIGateway_shop");
	}

	@Test
	void aMediaTypeWithoutTemplateIsAnswered415WhenNothingPassesThrough() {
		StageHarness stage = deploy(http("POST", "http://backend.test/pets")
			.passthroughBehavior(PassthroughBehavior.NEVER));
		assertUnsupportedMediaType(stage);
	}

	@Test
	void pathAndQueryMappingsAndStageVariablesBuildTheIntegrationUri() {
		StageHarness stage = deploy("/pets/{petId}", Stage.builder("dev").variable("backend", "backend.test").build(),
				http("GET", "http://${stageVariables.backend}/animals/{id}/{petId}?v=1")
					.requestParameter("integration.request.path.id", "method.request.querystring.owner")
					.requestParameter("integration.request.querystring.kind", "method.request.header.x-kind")
					.requestParameter("integration.request.querystring.source", "'gateway'"));
		MockServerWebExchange exchange = stage.exchange(stage.request(HttpMethod.GET, "/pets/7?owner=ann lee")
			.header("x-kind", "cat&dog")
			.build());
		RecordingChain chain = new RecordingChain();
		assertThat(StageHarness.run(this.phase, exchange, chain)).isNull();
		assertThat(url(chain.exchange()))
			.isEqualTo(URI.create("http://backend.test/animals/ann%20lee/7?v=1&kind=cat%26dog&source=gateway"));
	}

	@Test
	void aValueMappedIntoAPathVariableStaysInItsSegment() {
		StageHarness stage = deploy(http("GET", "http://backend.test/owners/{owner}/pets")
			.requestParameter("integration.request.path.owner", "method.request.querystring.owner"));
		assertThat(urlFor(stage, "/pets?owner=../admin").getRawPath()).isEqualTo("/owners/..%2Fadmin/pets");
		assertThat(urlFor(stage, "/pets?owner=..").getRawPath()).isEqualTo("/owners/%2E%2E/pets");
	}

	@Test
	void aGreedyPathValueThatWalksOutOfItsPathIsAnsweredBadRequest() {
		StageHarness stage = deploy("/files/{path+}", Stage.of("dev", Map.of()),
				http("GET", "http://backend.test/public/{path}"));
		assertThat(urlFor(stage, "/files/a/b.txt").getRawPath()).isEqualTo("/public/a/b.txt");
		MockServerWebExchange exchange = stage.exchange(stage.request(HttpMethod.GET, "/files/a/..%2f..%2fsecret")
			.build());
		RecordingChain chain = new RecordingChain();
		StageHarness.respond(this.phase, exchange, chain);
		assertThat(chain.called()).isFalse();
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(body(exchange)).isEqualTo("{\"message\":\"Invalid path: dot segments are not allowed\"}");
	}

	@Test
	void aNonProxyHttpIntegrationGetsTheGatewaysHeadersAndTheMappedOnesInsteadOfTheClients() {
		StageHarness stage = deploy(http("GET", "http://backend.test/pets")
			.requestParameter("integration.request.header.x-owner", "method.request.header.x-user")
			.requestParameter("integration.request.header.x-origin", "'gateway'"));
		ServerHttpRequest sent = send(stage, stage.request(HttpMethod.GET, "/pets")
			.header("x-user", "ann")
			.header("x-secret", "client only")
			.header(HttpHeaders.ACCEPT, "text/html")
			.build());
		HttpHeaders headers = sent.getHeaders();
		assertThat(headers.getFirst("x-owner")).isEqualTo("ann");
		assertThat(headers.getFirst("x-origin")).isEqualTo("gateway");
		assertThat(headers.getFirst(HttpHeaders.ACCEPT)).isEqualTo("application/json");
		assertThat(headers.getFirst(HttpHeaders.USER_AGENT)).isEqualTo("AmazonAPIGateway_shop");
		assertThat(headers.getFirst("X-Amzn-Apigateway-Api-Id")).isEqualTo("shop");
		assertThat(headers.containsHeader("x-secret")).isFalse();
		assertThat(headers.containsHeader("x-user")).isFalse();
	}

	@Test
	void theIntegrationsHttpMethodReplacesTheRequestsVerb() {
		StageHarness stage = deploy(http("GET", "http://backend.test/search").httpMethod("POST"));
		ServerHttpRequest sent = send(stage, stage.request(HttpMethod.GET, "/pets").build());
		assertThat(sent.getMethod()).isEqualTo(HttpMethod.POST);
	}

	@Test
	void aProxyRequestWithoutMappingsGoesOnAsItCameWithItsQueryToTheIntegrationUri() {
		StageHarness stage = deploy(Integration.builder(IntegrationType.HTTP_PROXY).uri("http://backend.test/animals"));
		MockServerHttpRequest request = stage.request(HttpMethod.GET, "/pets?kind=cat&kind=dog")
			.header("x-secret", "kept")
			.build();
		MockServerWebExchange exchange = stage.exchange(request);
		RecordingChain chain = new RecordingChain();
		assertThat(StageHarness.run(this.phase, exchange, chain)).isNull();
		assertThat(chain.exchange().getRequest()).isSameAs(request);
		assertThat(url(chain.exchange())).isEqualTo(URI.create("http://backend.test/animals?kind=cat&kind=dog"));
		assertThat(StageHarness.invocation(exchange).handoffs().forwardedAsItCame()).isTrue();
	}

	@Test
	void aProxyRequestKeepsTheClientsHeadersAndGetsTheMappedOnes() {
		StageHarness stage = deploy(Integration.builder(IntegrationType.HTTP_PROXY)
			.uri("http://backend.test/animals")
			.requestParameter("integration.request.header.x-stage", "context.stage"));
		ServerHttpRequest sent = send(stage, stage.request(HttpMethod.GET, "/pets").header("x-secret", "kept").build());
		assertThat(sent.getHeaders().getFirst("x-secret")).isEqualTo("kept");
		assertThat(sent.getHeaders().getFirst("x-stage")).isEqualTo("dev");
		assertThat(sent.getHeaders().getFirst("X-Amzn-Apigateway-Api-Id")).isEqualTo("shop");
	}

	@Test
	void aMappingOfAFramingHeaderIsAnsweredInternalServerErrorAsOnAws() {
		StageHarness stage = deploy(http("GET", "http://backend.test/pets")
			.requestParameter("integration.request.header.Content-Length", "'10'"));
		MockServerWebExchange exchange = stage.exchange(stage.request(HttpMethod.GET, "/pets").build());
		RecordingChain chain = new RecordingChain();
		StageHarness.respond(this.phase, exchange, chain);
		assertThat(chain.called()).isFalse();
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
		assertThat(exchange.getResponse().getHeaders().getContentLength()).isEqualTo(36);
		assertThat(body(exchange)).isEqualTo("{\"message\": \"Internal server error\"}");
	}

	@Test
	void aMappedHeaderValueThatIsNotAHeaderIsAnsweredBadRequest() {
		StageHarness stage = deploy(http("GET", "http://backend.test/pets")
			.requestParameter("integration.request.header.x-note", "method.request.querystring.note"));
		MockServerWebExchange exchange = stage
			.exchange(stage.request(HttpMethod.GET, "/pets?note=a\r\nX-Injected: 1").build());
		RecordingChain chain = new RecordingChain();
		StageHarness.respond(this.phase, exchange, chain);
		assertThat(chain.called()).isFalse();
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(body(exchange)).isEqualTo("{\"message\":\"Invalid header value\"}");
	}

	@Test
	void aTemplateOverridesHeadersAndQueryButNotTheHeadersTheGatewayFrames() {
		StageHarness stage = deploy(http("POST", "http://backend.test/pets").requestTemplate("application/json",
				"#set($context.requestOverride.header['x-extra'] = 'yes')"
						+ "#set($context.requestOverride.header['Host'] = 'evil.test')"
						+ "#set($context.requestOverride.header['Transfer-Encoding'] = 'chunked')"
						+ "#set($context.requestOverride.querystring.page = '2')body"));
		MockServerWebExchange exchange = stage.exchange(stage.request(HttpMethod.POST, "/pets").body("{}"));
		RecordingChain chain = new RecordingChain();
		assertThat(StageHarness.run(this.phase, exchange, chain)).isNull();
		assertThat(url(chain.exchange())).isEqualTo(URI.create("http://backend.test/pets?page=2"));
		ServerHttpRequest sent = chain.exchange().getRequest();
		assertThat(sent.getHeaders().getFirst("x-extra")).isEqualTo("yes");
		assertThat(sent.getHeaders().containsHeader(HttpHeaders.HOST)).isFalse();
		assertThat(sent.getHeaders().containsHeader(HttpHeaders.TRANSFER_ENCODING)).isFalse();
		assertThat(sent.getHeaders().getContentLength()).isEqualTo(4);
		assertThat(body(sent)).isEqualTo("body");
	}

	@Test
	void aMockIntegrationIsRoutedInProcessWithItsRenderedTemplateAsPayload() {
		StageHarness stage = deploy(Integration.builder(IntegrationType.MOCK)
			.requestTemplate("application/json", "{\"statusCode\": $input.params('code')}"));
		MockServerWebExchange exchange = stage.exchange(stage.request(HttpMethod.GET, "/pets?code=201").build());
		RecordingChain chain = new RecordingChain();
		assertThat(StageHarness.run(this.phase, exchange, chain)).isNull();
		assertThat(url(chain.exchange())).isEqualTo(URI.create("mock://integration"));
		IntegrationPayload payload = StageHarness.invocation(exchange).handoffs().requiredIntegrationPayload();
		assertThat(new String(payload.body(), StandardCharsets.UTF_8)).isEqualTo("{\"statusCode\": 201}");
		assertThat(payload.contentType()).isEqualTo("application/json");
	}

	@Test
	void aLambdaProxyIntegrationIsRoutedInProcessWithTheRequestBodyAsPayload() {
		StageHarness stage = deploy(Integration.builder(IntegrationType.AWS_PROXY)
			.uri("orders")
			.requestParameter("integration.request.header.x-ignored", "'ignored'"));
		MockServerWebExchange exchange = stage.exchange(stage.request(HttpMethod.POST, "/pets")
			.header(HttpHeaders.CONTENT_TYPE, "text/plain")
			.body("hello"));
		RecordingChain chain = new RecordingChain();
		assertThat(StageHarness.run(this.phase, exchange, chain)).isNull();
		assertThat(url(chain.exchange())).isEqualTo(IntegrationRequestFilter.LAMBDA_URI);
		IntegrationPayload payload = StageHarness.invocation(exchange).handoffs().requiredIntegrationPayload();
		assertThat(new String(payload.body(), StandardCharsets.UTF_8)).isEqualTo("hello");
		assertThat(payload.contentType()).isEqualTo("text/plain");
	}

	private ServerHttpRequest send(StageHarness stage, MockServerHttpRequest request) {
		RecordingChain chain = new RecordingChain();
		assertThat(StageHarness.run(this.phase, stage.exchange(request), chain)).isNull();
		return chain.exchange().getRequest();
	}

	private void assertUnsupportedMediaType(StageHarness stage) {
		MockServerWebExchange exchange = stage.exchange(stage.request(HttpMethod.POST, "/pets")
			.header(HttpHeaders.CONTENT_TYPE, "text/csv")
			.body("a,b"));
		RecordingChain chain = new RecordingChain();
		StageHarness.respond(this.phase, exchange, chain);
		assertThat(chain.called()).isFalse();
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
		assertThat(exchange.getResponse().getHeaders().getFirst("x-amzn-ErrorType"))
			.isEqualTo("UnsupportedMediaTypeException");
		assertThat(body(exchange)).isEqualTo("{\"message\":\"Unsupported Media Type\"}");
	}

	private URI urlFor(StageHarness stage, String path) {
		RecordingChain chain = new RecordingChain();
		assertThat(StageHarness.run(this.phase, stage.exchange(stage.request(HttpMethod.GET, path).build()), chain))
			.isNull();
		return url(chain.exchange());
	}

	private static URI url(ServerWebExchange exchange) {
		return exchange.getRequiredAttribute(ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR);
	}

	private static String body(ServerHttpRequest request) {
		return DataBufferUtils.join(request.getBody())
			.map((buffer) -> buffer.toString(StandardCharsets.UTF_8))
			.defaultIfEmpty("")
			.block(Duration.ofSeconds(5));
	}

	private static String body(MockServerWebExchange exchange) {
		return exchange.getResponse().getBodyAsString().block(Duration.ofSeconds(5));
	}

	private static Integration.Builder http(String verb, String uri) {
		return Integration.builder(IntegrationType.HTTP).httpMethod(verb).uri(uri);
	}

	private static StageHarness deploy(Integration.Builder integration) {
		return deploy("/pets", Stage.of("dev", Map.of()), integration);
	}

	private static StageHarness deploy(String path, Stage stage, Integration.Builder integration) {
		Method get = Method.builder("GET").integration(integration.build()).build();
		Method post = Method.builder("POST").integration(integration.build()).build();
		return StageHarness.deploy(Api.builder("shop")
			.resource(Resource.of(path, get, post))
			.stage(stage)
			.source("test")
			.build(), "dev");
	}

}
