package dev.apigw.integration;

import java.util.List;
import java.util.Map;

import dev.apigw.test.GatewayTestApplication;
import dev.apigw.test.TestBackend;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Integration request and response phases with mapping templates, end to end through the
 * gateway and a real backend: passthrough behaviours, selection patterns, parameter and
 * header mappings, overrides, MOCK.
 */
@SpringBootTest(classes = GatewayTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@ActiveProfiles("templates")
@ExtendWith(OutputCaptureExtension.class)
class MappingTemplateGatewayTests {

	private static final TestBackend backend = TestBackend.start();

	private static final String JSON_BODY = "{\"a\": {\"b\": 1}}";

	@Autowired
	private WebTestClient client;

	@DynamicPropertySource
	static void backend(DynamicPropertyRegistry registry) {
		registry.add("apigw.apis.tpl.stages.test.variables.backend", backend::address);
	}

	@AfterAll
	static void stop() {
		backend.close();
	}

	@Test
	void whenNoMatchTransformsMatchesAndPassesTheRestThrough() {
		assertThat(backendBody(post("/tpl/test/match/x", MediaType.APPLICATION_JSON, JSON_BODY, 200)))
			.isEqualTo("{\"templated\": {\"b\":1}}");
		assertThat(backendBody(post("/tpl/test/match/x", MediaType.TEXT_PLAIN, "raw text", 200))).isEqualTo("raw text");
		assertThat(backendBody(post("/tpl/test/no-templates/match", MediaType.TEXT_PLAIN, "raw text", 200)))
			.isEqualTo("raw text");
	}

	@Test
	void whenNoTemplatesRefusesUnmatchedTypesOnceTemplatesExist() {
		assertThat(backendBody(post("/tpl/test/templates/x", MediaType.APPLICATION_JSON, JSON_BODY, 200)))
			.isEqualTo("{\"templated\": {\"b\":1}}");
		unsupported(post("/tpl/test/templates/x", MediaType.TEXT_PLAIN, "raw text", 415));
		assertThat(backendBody(post("/tpl/test/no-templates/templates", MediaType.TEXT_PLAIN, "raw text", 200)))
			.isEqualTo("raw text");
	}

	@Test
	void neverRefusesEverythingWithoutATemplate() {
		assertThat(backendBody(post("/tpl/test/never/x", MediaType.APPLICATION_JSON, JSON_BODY, 200)))
			.isEqualTo("{\"templated\": {\"b\":1}}");
		unsupported(post("/tpl/test/never/x", MediaType.TEXT_PLAIN, "raw text", 415));
		unsupported(post("/tpl/test/no-templates/never", MediaType.TEXT_PLAIN, "raw text", 415));
	}

	@Test
	void contentTypeParametersAreIgnoredAndMissingContentTypeMeansJson() {
		assertThat(backendBody(post("/tpl/test/never/x", MediaType.parseMediaType("application/json; charset=UTF-8"),
				JSON_BODY, 200))).isEqualTo("{\"templated\": {\"b\":1}}");
		EntityExchangeResult<String> result = this.client.post()
			.uri("/tpl/test/never/x")
			.bodyValue(JSON_BODY.getBytes())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult();
		assertThat(backendBody(result)).isEqualTo("{\"templated\": {\"b\":1}}");
	}

	@Test
	void selectionPatternsMatchTheWholeStatusCode() {
		this.client.get().uri("/tpl/test/status/404").exchange().expectStatus().isBadRequest().expectBody(String.class)
			.isEqualTo("{\"client\": \"/status/404\"}");
		this.client.get().uri("/tpl/test/status/503").exchange().expectStatus().isEqualTo(502).expectBody(String.class)
			.isEqualTo("{\"server\": true}");
		this.client.get().uri("/tpl/test/status/201").exchange().expectStatus().isOk().expectBody(String.class)
			.isEqualTo("{\"ok\": true}");
		// "5" would match 500 as a prefix; Java's matches() needs the whole string
		this.client.get().uri("/tpl/test/status/511").exchange().expectStatus().isOk();
	}

	@Test
	void responseTemplateIsChosenByAccept() {
		this.client.get().uri("/tpl/test/status/200").accept(MediaType.APPLICATION_XML).exchange().expectStatus().isOk()
			.expectHeader().contentType(MediaType.APPLICATION_XML).expectBody(String.class).isEqualTo("<ok/>");
		this.client.get().uri("/tpl/test/status/200").accept(MediaType.IMAGE_PNG).exchange().expectHeader()
			.contentType(MediaType.APPLICATION_JSON).expectBody(String.class).isEqualTo("{\"ok\": true}");
	}

	@Test
	void noMatchAndNoDefaultIsAConfigurationError() {
		this.client.get()
			.uri("/tpl/test/no-default/404")
			.exchange()
			.expectStatus()
			.isEqualTo(500)
			.expectHeader()
			.valueEquals("x-amzn-ErrorType", "InternalServerErrorException")
			.expectBody(String.class)
			.isEqualTo("{\"message\": \"Internal server error\"}");
	}

	@Test
	void requestParametersAreMappedFromTheMethodRequestStageAndContext() {
		EntityExchangeResult<String> result = this.client.get()
			.uri("/tpl/test/headers?q=query-value")
			.header("X-In", "header value")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult();
		Map<String, Object> echo = TestBackend.echo(result.getResponseBody());
		assertThat(echo).containsEntry("uri", "/echo?mapped=header%20value");
		@SuppressWarnings("unchecked")
		Map<String, List<String>> headers = (Map<String, List<String>>) echo.get("headers");
		assertThat(headers).containsEntry("x-from-query", List.of("query-value"))
			.containsEntry("x-static", List.of("fixed"))
			.containsEntry("x-stage", List.of("blue"))
			.containsEntry("x-request-id", List.of(result.getResponseHeaders().getFirst("x-amzn-RequestId")))
			.containsEntry("user-agent", List.of("AmazonAPIGateway_tpl"))
			.containsEntry("x-amzn-apigateway-api-id", List.of("tpl"))
			.containsEntry("accept", List.of("application/json"))
			.doesNotContainKey("x-in");
	}

	@Test
	void requestBodyMappingsReadJsonPathsAndTheWholeBody() {
		EntityExchangeResult<String> result = post("/tpl/test/body-mapping", MediaType.APPLICATION_JSON,
				"{\"pet\": {\"name\": \"Rex\", \"age\": 3}}", 200);
		Map<String, Object> echo = TestBackend.echo(result.getResponseBody());
		@SuppressWarnings("unchecked")
		Map<String, List<String>> headers = (Map<String, List<String>>) echo.get("headers");
		assertThat(headers).containsEntry("x-pet-name", List.of("Rex"))
			.containsEntry("x-pet", List.of("{\"name\":\"Rex\",\"age\":3}"));
		assertThat(echo).containsEntry("body", "{\"pet\": {\"name\": \"Rex\", \"age\": 3}}")
			.containsEntry("uri",
					"/echo?raw=%7B%22pet%22:%20%7B%22name%22:%20%22Rex%22,%20%22age%22:%203%7D%7D");
	}

	@Test
	void responseHeadersAreMappedAndReservedOnesRemapped() {
		this.client.get()
			.uri("/tpl/test/headers")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("X-Backend-Said", "echo")
			.expectHeader()
			.valueEquals("X-Method", "GET")
			.expectHeader()
			.valueEquals("x-amzn-Remapped-Server", "apigw-test")
			.expectHeader()
			.valueEquals("x-amzn-Remapped-Date", "yesterday")
			.expectHeader()
			.valueEquals("x-amzn-Remapped-Authorization", "secret")
			.expectHeader()
			.valueEquals("Content-Type", "application/vnd.test+json")
			.expectHeader()
			.doesNotExist("X-Backend");
	}

	@Test
	void mappingContentLengthIntoTheIntegrationRequestFails() {
		this.client.get()
			.uri("/tpl/test/illegal")
			.exchange()
			.expectStatus()
			.isEqualTo(500)
			.expectHeader()
			.valueEquals("x-amzn-ErrorType", "InternalServerErrorException")
			.expectHeader()
			.contentLength(36)
			.expectBody(String.class)
			.isEqualTo("{\"message\": \"Internal server error\"}");
	}

	@Test
	void anIllegalMappingIsNotLoggedAtWarnOnEveryCall(CapturedOutput output) {
		this.client.get().uri("/tpl/test/headers").exchange().expectStatus().isOk();
		int before = output.getOut().length();
		for (int i = 0; i < 3; i++) {
			this.client.get().uri("/tpl/test/illegal").exchange().expectStatus().isEqualTo(500);
		}
		// said once, when the stage was deployed
		assertThat(output.getOut().substring(before)).doesNotContain("illegal mapping")
			.doesNotContain("maps a framing header");
	}

	@Test
	void requestTemplateSeesInputUtilContextAndStageVariables() {
		EntityExchangeResult<String> result = this.client.post()
			.uri("/tpl/test/render/7?q=search")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"name\": \"O'Brien \\\"x\\\"\", \"tags\": [ \"a\", \"b\" ]}")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult();
		assertThat(backendBody(result)).isEqualTo("{\"id\": \"7\", \"q\": \"search\", \"name\": \"O\\'Brien \\\"x\\\"\", "
				+ "\"tags\": [\"a\",\"b\"], \"stage\": \"test\", \"color\": \"blue\", \"resource\": \"/render/{id}\", "
				+ "\"method\": \"POST\"}\n");
		assertThat(backendBody(post("/tpl/test/render/7", MediaType.TEXT_PLAIN, "", 200))).isEqualTo("plain:{}");
	}

	@Test
	void mockResponseOverrideFromTheRequestTemplateApplies() {
		this.client.get()
			.uri("/tpl/test/override")
			.exchange()
			.expectStatus()
			.isEqualTo(444)
			.expectHeader()
			.valueEquals("foo", "bar")
			.expectBody()
			.isEmpty();
	}

	@Test
	void requestOverridesAndCustomKeysReachTheResponseTemplate() {
		this.client.get().uri("/tpl/test/override-template").exchange().expectStatus().isOk().expectBody(String.class)
			.isEqualTo("{\"body\": \"from-request\", \"custom\": \"custom-value\"}");
	}

	@Test
	void mockReadsPathParametersAndUnquotedStatusCode() {
		this.client.get().uri("/tpl/test/mock/42").exchange().expectStatus().isOk().expectBody(String.class)
			.isEqualTo("{\"statusCode\": 200, \"id\": 42}");
	}

	@Test
	void mockStatusComesFromTheRenderedTemplateAndSelectsTheResponse() {
		this.client.get().uri("/tpl/test/mock-status/404").exchange().expectStatus().isNotFound()
			.expectBody(String.class).isEqualTo("{\"missing\": true}");
		this.client.get().uri("/tpl/test/mock-status/204").exchange().expectStatus().isOk();
	}

	@Test
	void mockWithAStringStatusCodeIsAConfigurationError() {
		this.client.get().uri("/tpl/test/mock-string-status").exchange().expectStatus().isEqualTo(500)
			.expectBody(String.class).isEqualTo("{\"message\": \"Internal server error\"}");
	}

	@Test
	void runawayTemplateIsStoppedWithA500() {
		this.client.get().uri("/tpl/test/runaway").exchange().expectStatus().isEqualTo(500).expectBody(String.class)
			.isEqualTo("{\"message\": \"Internal server error\"}");
	}

	@Test
	void requestOverridesReplaceHeadersQueryAndPathOfTheIntegrationRequest() {
		EntityExchangeResult<String> result = this.client.get()
			.uri("/tpl/test/request-override")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult();
		Map<String, Object> echo = TestBackend.echo(result.getResponseBody());
		assertThat(echo).containsEntry("uri", "/echo/overridden?qo=a%20b");
		@SuppressWarnings("unchecked")
		Map<String, List<String>> headers = (Map<String, List<String>>) echo.get("headers");
		assertThat(headers).containsEntry("x-override", List.of("yes"));
	}

	private EntityExchangeResult<String> post(String uri, MediaType type, String body, int status) {
		return this.client.post()
			.uri(uri)
			.contentType(type)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isEqualTo(status)
			.expectBody(String.class)
			.returnResult();
	}

	private static void unsupported(EntityExchangeResult<String> result) {
		assertThat(result.getResponseBody()).isEqualTo("{\"message\":\"Unsupported Media Type\"}");
		assertThat(result.getResponseHeaders().getFirst("x-amzn-ErrorType")).isEqualTo("UnsupportedMediaTypeException");
		assertThat(result.getResponseHeaders().getFirst("X-Unsupported")).isEqualTo("yes");
	}

	private static String backendBody(EntityExchangeResult<String> result) {
		return (String) TestBackend.echo(result.getResponseBody()).get("body");
	}

}
