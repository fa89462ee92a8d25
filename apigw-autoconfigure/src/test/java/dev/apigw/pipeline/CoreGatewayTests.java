package dev.apigw.pipeline;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.apigw.test.GatewayTestApplication;
import dev.apigw.test.RawHttp;
import dev.apigw.test.TestBackend;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End-to-end through real Netty on a random port, with a real backend server.
 */
@SpringBootTest(classes = GatewayTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@ActiveProfiles("core")
@ExtendWith(OutputCaptureExtension.class)
class CoreGatewayTests {

	private static final TestBackend backend = TestBackend.start();

	@Autowired
	private WebTestClient client;

	@LocalServerPort
	private int port;

	@Autowired
	private MeterRegistry meters;

	@DynamicPropertySource
	static void backend(DynamicPropertyRegistry registry) {
		registry.add("apigw.apis.petstore.stages.dev.variables.backend", backend::address);
		registry.add("apigw.apis.petstore.stages.prod.variables.backend", backend::address);
		registry.add("apigw.apis.imported.stages.test.variables.backend", backend::address);
		registry.add("spring.cloud.discovery.client.simple.instances.echo[0].uri", () -> "http://" + backend.address());
	}

	@AfterAll
	static void stopBackend() {
		backend.close();
	}

	@Test
	void proxiesMethodPathQueryHeadersAndBody() {
		Map<String, Object> echo = echo(this.client.post()
			.uri(url("/petstore/dev/pets?category=dogs&category=cats&q=a%20b"))
			.header("X-Custom", "one")
			.header("X-Amzn-Apigateway-Api-Id", "spoofed")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"name\": \"Rex\"}")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("X-Backend", "echo")
			.expectBody(String.class)
			.returnResult());
		assertThat(echo).containsEntry("method", "POST")
			.containsEntry("uri", "/backend/pets?category=dogs&category=cats&q=a%20b")
			.containsEntry("body", "{\"name\": \"Rex\"}");
		// the request is forwarded as it came, with the API id header AWS adds (never the caller's)
		assertThat(headers(echo)).containsEntry("x-custom", List.of("one"))
			.containsEntry("content-type", List.of("application/json"))
			.containsEntry("x-amzn-apigateway-api-id", List.of("petstore"));
	}

	@Test
	void stageVariablesSelectTheBackendPathPerStage() {
		assertThat(echo(get("/petstore/prod/pets"))).containsEntry("uri", "/prod-backend/pets");
		assertThat(echo(get("/petstore/dev/pets"))).containsEntry("uri", "/backend/pets");
	}

	@Test
	void literalSegmentBeatsVariableWhichBeatsGreedy() {
		this.client.get()
			.uri("/petstore/dev/pets/special")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.isEqualTo("{\"special\": true}");
		assertThat(echo(get("/petstore/dev/pets/42"))).containsEntry("uri", "/backend/pets/42");
		assertThat(echo(get("/petstore/dev/pets/42/toys?x=1"))).containsEntry("uri", "/proxy/pets/42/toys?x=1");
	}

	@Test
	void greedyAnyMethodProxiesEveryVerbWithTheRemainingPath() {
		for (String verb : List.of("GET", "DELETE", "PUT", "PATCH", "POST", "OPTIONS")) {
			EntityExchangeResult<String> result = this.client
				.method(org.springframework.http.HttpMethod.valueOf(verb))
				.uri(url("/petstore/dev/orders/7/lines/%2Fslash"))
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody(String.class)
				.returnResult();
			assertThat(echo(result)).containsEntry("method", verb).containsEntry("uri", "/proxy/orders/7/lines/%2Fslash");
		}
	}

	@Test
	void unknownPathIsMissingAuthenticationToken() {
		RawHttp.Response response = raw("GET /petstore/dev HTTP/1.1");
		assertThat(response.status()).isEqualTo(403);
		assertThat(response.body()).isEqualTo("{\"message\":\"Missing Authentication Token\"}");
		assertThat(response.headers()).containsEntry("x-amzn-errortype", "MissingAuthenticationTokenException")
			.containsEntry("content-type", "application/json")
			.containsEntry("content-length", "42")
			.containsKey("x-amzn-requestid")
			.containsKey("x-amz-apigw-id");
	}

	@Test
	void wrongMethodIsMissingAuthenticationToken() {
		this.client.delete()
			.uri("/petstore/dev/pets/42")
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.valueEquals("x-amzn-ErrorType", "MissingAuthenticationTokenException")
			.expectBody(String.class)
			.isEqualTo("{\"message\":\"Missing Authentication Token\"}");
	}

	@Test
	void requestsOutsideEveryMountFallThroughToTheApplication() {
		this.client.get().uri("/petstore/staging/pets").exchange().expectStatus().isNotFound()
			.expectHeader().doesNotExist("x-amzn-RequestId");
		this.client.get().uri("/other").exchange().expectStatus().isNotFound();
	}

	@Test
	void slowBackendTimesOutWith504() {
		this.client.get()
			.uri("/petstore/dev/slow")
			.exchange()
			.expectStatus()
			.isEqualTo(504)
			.expectHeader()
			.valueEquals("x-amzn-ErrorType", "InternalServerErrorException")
			.expectBody(String.class)
			.isEqualTo("{\"message\": \"Endpoint request timed out\"}");
	}

	@Test
	void unreachableBackendIsIntegrationFailure() {
		this.client.get()
			.uri("/petstore/dev/down")
			.exchange()
			.expectStatus()
			.isEqualTo(504)
			.expectBody(String.class)
			.isEqualTo("{\"message\": \"Internal server error\"}");
	}

	@Test
	void bodyOverTheLimitIs413PlainText() throws Exception {
		String body = "x".repeat(2000);
		RawHttp.Response response = RawHttp.send(this.port, "POST /petstore/dev/pets HTTP/1.1\r\nHost: localhost\r\n"
				+ "Content-Type: text/plain\r\nContent-Length: 2000\r\nConnection: close\r\n\r\n" + body);
		assertThat(response.status()).isEqualTo(413);
		assertThat(response.headers()).containsEntry("content-type", "text/plain");
		assertThat(response.body()).isEqualTo("HTTP content length exceeded 1024 bytes.");
	}

	@Test
	void chunkedBodyOverTheLimitIs413() throws Exception {
		String chunk = "x".repeat(800);
		String chunkedBody = Integer.toHexString(800) + "\r\n" + chunk + "\r\n" + Integer.toHexString(800) + "\r\n"
				+ chunk + "\r\n0\r\n\r\n";
		RawHttp.Response response = RawHttp.send(this.port, "POST /petstore/dev/pets HTTP/1.1\r\nHost: localhost\r\n"
				+ "Content-Type: text/plain\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n" + chunkedBody);
		assertThat(response.status()).isEqualTo(413);
		assertThat(response.body()).isEqualTo("HTTP content length exceeded 1024 bytes.");
	}

	@Test
	void mockAnswersFromItsTemplatesWithoutBackend() {
		this.client.get()
			.uri("/petstore/dev/mock")
			.exchange()
			.expectStatus()
			.isEqualTo(201)
			.expectHeader()
			.valueEquals("X-Mocked", "yes")
			.expectHeader()
			.contentType(MediaType.APPLICATION_JSON)
			.expectBody(String.class)
			.isEqualTo("{\"mocked\": \"yes\"}");
	}

	@Test
	void httpIntegrationWithOnlyADefaultResponseTurnsABackend400Into200() {
		this.client.post()
			.uri("/petstore/dev/http")
			.bodyValue("{}")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.doesNotExist("X-Backend")
			.expectBody(String.class)
			.value((body) -> assertThat(TestBackend.echo(body)).containsEntry("uri", "/status/400"));
	}

	@Test
	void everyResponseCarriesAUniqueRequestId() {
		String first = get("/petstore/dev/pets").getResponseHeaders().getFirst("x-amzn-RequestId");
		String second = get("/petstore/dev/pets").getResponseHeaders().getFirst("x-amzn-RequestId");
		assertThat(first).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
		assertThat(second).isNotEqualTo(first);
	}

	@Test
	void malformedPercentEncodingIsA400() {
		RawHttp.Response response = raw("GET /petstore/dev/pets/%zz HTTP/1.1");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.body()).doesNotContain("Exception").doesNotContain("at ");
	}

	@Test
	void dotSegmentsAreA400AndNeverReachTheBackend() {
		for (String path : List.of("/petstore/dev/pets/../admin", "/petstore/dev/x/%2e%2e/admin",
				"/petstore/dev/./pets")) {
			RawHttp.Response response = raw("GET " + path + " HTTP/1.1");
			assertThat(response.status()).as(path).isEqualTo(400);
			assertThat(response.body()).as(path).startsWith("{\"message\":\"Invalid path");
		}
	}

	@Test
	void overlongPathAndHeadersAreClear4xx() {
		RawHttp.Response longPath = raw("GET /petstore/dev/" + "a".repeat(20_000) + " HTTP/1.1");
		assertThat(longPath.status()).isBetween(400, 499);
		assertThat(longPath.body()).doesNotContain("Exception");
		RawHttp.Response longHeader = raw("GET /petstore/dev/pets HTTP/1.1\r\nX-Big: " + "b".repeat(20_000));
		assertThat(longHeader.status()).isBetween(400, 499);
		assertThat(longHeader.body()).doesNotContain("Exception");
	}

	@Test
	void apiFromAnOpenApiFileServesWithStageVariablesFromConfiguration() {
		this.client.get().uri("/imported/test/status").exchange().expectStatus().isOk().expectBody(String.class)
			.isEqualTo("{\"imported\": true}");
		assertThat(echo(get("/imported/test/a/b?c=d"))).containsEntry("uri", "/imported/a/b?c=d");
	}

	@Test
	void malformedQueryEncodingIsA400() {
		RawHttp.Response response = raw("GET /petstore/dev/pets?q=%zz HTTP/1.1");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.body()).doesNotContain("Exception").doesNotContain("at ");
	}

	@Test
	void proxiedResponsesStreamWithoutWaitingForTheWholeBody() {
		Flux<String> lines = WebClient.create("http://localhost:" + this.port)
			.get()
			.uri("/petstore/dev/stream")
			.retrieve()
			.bodyToFlux(String.class);
		StepVerifier.create(lines)
			.expectNext("first-chunk")
			.then(backend::release)
			.expectNext("second-chunk")
			.expectComplete()
			.verify(Duration.ofSeconds(10));
	}

	@Test
	void loadBalancedUrisResolveThroughDiscovery() {
		assertThat(echo(get("/petstore/dev/lb"))).containsEntry("uri", "/backend/lb");
	}

	@Test
	void apiCustomisesGatewayResponsesWithContextAndStageVariables() {
		this.client.get()
			.uri("/v0/nothing-here")
			.header("X-In", "ping")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.valueEquals("Access-Control-Allow-Origin", "*")
			.expectHeader()
			.valueEquals("X-Echo", "ping")
			.expectHeader()
			.valueEquals("x-amzn-ErrorType", "MissingAuthenticationTokenException")
			.expectBody(String.class)
			.isEqualTo("{\"error\":\"Missing Authentication Token\",\"type\":\"MISSING_AUTHENTICATION_TOKEN\","
					+ "\"stage\":\"v0\",\"v\":\"hi\",\"none\":\"\"}");
	}

	@Test
	void default5xxCustomisationAppliesToTypesWithoutTheirOwn() {
		this.client.get()
			.uri("/v0/down")
			.exchange()
			.expectStatus()
			.isEqualTo(504)
			.expectHeader()
			.valueEquals("X-Fallback", "5xx")
			.expectBody(String.class)
			.isEqualTo("{\"message\":\"Internal server error\"}");
	}

	@Test
	void rootBasePathMountsStagesAtTheRoot() {
		this.client.get().uri("/v0/hello").exchange().expectStatus().isOk().expectBody(String.class)
			.isEqualTo("{\"hello\": \"world\"}");
	}

	@Test
	void basePathMappingServesAStageWithoutTheStageSegment() {
		this.client.get().uri("/v1/hello").exchange().expectStatus().isOk().expectBody(String.class)
			.isEqualTo("{\"hello\": \"world\"}");
	}

	@Test
	void hostMappingServesAStageOnItsOwnHost() {
		Map<String, Object> echo = TestBackend.echo(this.client.get()
			.uri("/pets")
			.header("Host", "api.example.com")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody());
		assertThat(echo).containsEntry("uri", "/prod-backend/pets");
		this.client.get().uri("/pets").exchange().expectStatus().isNotFound();
	}

	@Test
	void requestsAreTimedWithBoundedTags() {
		get("/petstore/dev/pets/42");
		get("/petstore/dev/pets/43");
		this.client.put().uri("/petstore/dev/pets/special").exchange().expectStatus().isForbidden();
		// metrics are recorded when the exchange completes, just after the client has the response
		Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			Timer timer = this.meters.get("apigw.requests")
				.tags("api", "petstore", "stage", "dev", "resource", "/pets/{petId}", "method", "GET", "status", "200")
				.timer();
			assertThat(timer.count()).isGreaterThanOrEqualTo(2);
			assertThat(this.meters.get("apigw.requests")
				.tags("resource", "NONE", "method", "PUT", "status", "403")
				.timer()
				.count()).isGreaterThanOrEqualTo(1);
		});
	}

	@Test
	void actuatorEndpointListsApisStagesResourcesAndMethods() {
		this.client.get()
			.uri("/actuator/apigw")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.apis[0].id").isEqualTo("petstore")
			.jsonPath("$.apis[0].stages[0].name").isEqualTo("dev")
			.jsonPath("$.apis[0].stages[0].resourceIds['/pets']").exists()
			.jsonPath("$.apis[0].resources[0].path").isEqualTo("/pets")
			.jsonPath("$.apis[0].resources[0].methods.GET.integration.type").isEqualTo("HTTP_PROXY")
			.jsonPath("$.apis[?(@.id == 'custom')].basePath").isEqualTo(List.of("/"));
		this.client.get().uri("/actuator/apigw/custom").exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.stages[0].name").isEqualTo("v0");
	}

	@Test
	void actuatorWriteOperationsAreRefusedUnlessEnabled() {
		this.client.post()
			.uri("/actuator/apigw/deployments/petstore")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"stage\": \"dev\"}")
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.message")
			.value((message) -> assertThat((String) message).contains("apigw.endpoint.write-operations-enabled"));
	}

	@Test
	void logLinesCarryTheRequestId(CapturedOutput output) {
		String requestId = this.client.get()
			.uri("/petstore/dev/down")
			.exchange()
			.expectStatus()
			.isEqualTo(504)
			.returnResult(String.class)
			.getResponseHeaders()
			.getFirst("x-amzn-RequestId");
		assertThat(output).contains("[" + requestId + "] Integration unreachable");
	}

	private java.net.URI url(String pathAndQuery) {
		return java.net.URI.create("http://localhost:" + this.port + pathAndQuery);
	}

	private RawHttp.Response raw(String requestLineAndHeaders) {
		try {
			return RawHttp.send(this.port, requestLineAndHeaders + "\r\nHost: localhost\r\nConnection: close\r\n\r\n");
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private EntityExchangeResult<String> get(String uri) {
		return this.client.get().uri(uri).exchange().expectStatus().isOk().expectBody(String.class).returnResult();
	}

	private static Map<String, Object> echo(EntityExchangeResult<String> result) {
		return TestBackend.echo(result.getResponseBody());
	}

	@SuppressWarnings("unchecked")
	private static Map<String, List<String>> headers(Map<String, Object> echo) {
		return (Map<String, List<String>>) echo.get("headers");
	}

}
