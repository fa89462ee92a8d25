package dev.apigw.definition.openapi;

import java.util.List;
import java.util.Map;

import dev.apigw.deploy.DeploymentRegistry;
import dev.apigw.model.Api;
import dev.apigw.model.AuthorizationType;
import dev.apigw.model.Authorizer;
import dev.apigw.model.Method;
import dev.apigw.model.RequestValidator;
import dev.apigw.routing.StageRuntime;
import dev.apigw.test.GatewayTestApplication;
import dev.apigw.test.TestBackend;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * APIs imported from files authored from AWS's developer-guide examples, served end to end:
 * the PetStore example API (its HTTP integrations pointed at the test backend through a
 * stage variable, see {@code e2e-petstore.yaml}), a MOCK API, and the request validation
 * sample with a Lambda authorizer.
 */
@SpringBootTest(classes = GatewayTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@ActiveProfiles("openapi")
class OpenApiImportGatewayTests {

	private static final TestBackend backend = TestBackend.start();

	@Autowired
	private WebTestClient client;

	@Autowired
	private DeploymentRegistry registry;

	@DynamicPropertySource
	static void backend(DynamicPropertyRegistry registry) {
		registry.add("apigw.apis.petstore.stages.test.variables.backend", backend::address);
		registry.add("apigw.apis.validators.stages.v1.variables.backend", backend::address);
		registry.add("apigw.apis.shop.stages.prod.variables.backend", backend::address);
	}

	@AfterAll
	static void stopBackend() {
		backend.close();
	}

	@Test
	void petStoreListsPetsThroughItsHttpIntegrationWithQueryMappingsAndResponseHeader() {
		String body = this.client.get()
			.uri("/petstore/test/pets?type=dog&page=2&other=x")
			.header("X-Client", "dropped")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("Access-Control-Allow-Origin", "*")
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		Map<String, Object> echo = TestBackend.echo(body);
		assertThat(echo).containsEntry("method", "GET").containsEntry("uri", "/petstore/pets?page=2&type=dog");
		assertThat(headers(echo)).doesNotContainKey("x-client")
			.containsEntry("user-agent", List.of("AmazonAPIGateway_petstore"));
	}

	@Test
	void petStoreCreatesAndGetsPets() {
		Map<String, Object> created = TestBackend.echo(this.client.post()
			.uri("/petstore/test/pets")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"type\": \"dog\", \"price\": 249.99}")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody());
		assertThat(created).containsEntry("method", "POST")
			.containsEntry("uri", "/petstore/pets")
			.containsEntry("body", "{\"type\": \"dog\", \"price\": 249.99}");
		Map<String, Object> pet = TestBackend.echo(this.client.get()
			.uri("/petstore/test/pets/42")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody());
		assertThat(pet).containsEntry("uri", "/petstore/pets/42");
	}

	@Test
	void petStoreRootAndPreflightAreMocks() {
		this.client.get()
			.uri("/petstore/test")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("Content-Type", "text/html")
			.expectBody(String.class)
			.value((html) -> assertThat(html).contains("<h1>Welcome to your Pet Store API</h1>")
				.contains("<a href=\"/test/pets\">GET /pets</a>"));
		this.client.method(HttpMethod.OPTIONS)
			.uri("/petstore/test/pets")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("Access-Control-Allow-Methods", "POST,GET,OPTIONS")
			.expectHeader()
			.valueEquals("Access-Control-Allow-Origin", "*");
		this.client.delete().uri("/petstore/test/pets").exchange().expectStatus().isForbidden();
	}

	@Test
	void mockApiAnswersFromItsTemplatesWithoutABackend() {
		this.client.get()
			.uri("/mockcors/dev/greeting?name=Ann")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("Access-Control-Allow-Origin", "*")
			.expectBody(String.class)
			.isEqualTo("{\"greeting\": \"Hello, Ann!\"}");
		this.client.get()
			.uri("/mockcors/dev/greeting")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody(String.class)
			.isEqualTo("{\"message\": \"nobody to greet\"}");
		this.client.get()
			.uri("/mockcors/dev/greeting?name=Bo")
			.accept(MediaType.TEXT_PLAIN)
			.exchange()
			.expectBody(String.class)
			.isEqualTo("Hello, Bo!");
		this.client.method(HttpMethod.OPTIONS)
			.uri("/mockcors/dev/greeting")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("Access-Control-Allow-Headers", "Content-Type,X-Amz-Date,Authorization,X-Api-Key,X-Amz-Security-Token");
	}

	@Test
	void importedValidatorsCheckParametersThenBodies() {
		this.client.get()
			.uri("/validators/v1/validation")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody(String.class)
			.isEqualTo("{\"message\": \"Missing required request parameters: [q1]\"}");
		Map<String, Object> listed = TestBackend.echo(this.client.get()
			.uri("/validators/v1/validation?q1=cat")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody());
		assertThat(listed).containsEntry("uri", "/petstore/pets?type=cat");
		this.client.post()
			.uri("/validators/v1/validation")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"name\": \"Rex\", \"type\": \"dog\", \"price\": 30}")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody(String.class)
			.isEqualTo("{\"message\": \"Missing required request parameters: [h1]\"}");
		this.client.post()
			.uri("/validators/v1/validation")
			.header("h1", "v")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"name\": \"Rex\", \"type\": \"dog\", \"price\": 10}")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody(String.class)
			.isEqualTo("{\"message\": \"Invalid request body\"}");
		Map<String, Object> created = TestBackend.echo(this.client.post()
			.uri("/validators/v1/validation")
			.header("h1", "v")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"name\": \"Rex\", \"type\": \"dog\", \"price\": 30}")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody());
		assertThat(headers(created)).containsEntry("custom_h1", List.of("v"));
	}

	@Test
	void importKeepsTheAuthorizerAndItsReferenceNextToTheValidators() {
		Api api = stage("validators", "v1").api();
		assertThat(api.requestValidators()).containsOnly(
				Map.entry("all", new RequestValidator("all", true, true)),
				Map.entry("params-only", new RequestValidator("params-only", false, true)));
		assertThat(api.defaultRequestValidator()).isEqualTo("params-only");
		assertThat(api.resource("/validation").methods().get("POST").requestValidator()).isEqualTo("all");
		Method secure = api.resource("/secure").methods().get("GET");
		assertThat(secure.authorizationType()).isEqualTo(AuthorizationType.CUSTOM);
		assertThat(secure.authorizerId()).isEqualTo("test-authorizer");
		Authorizer authorizer = api.authorizers().get("test-authorizer");
		assertThat(authorizer.type()).isEqualTo("TOKEN");
		assertThat(authorizer.authorizerUri()).endsWith("function:test-authorizer/invocations");
		assertThat(authorizer.identitySource()).isEqualTo("method.request.header.Authorization");
	}

	@Test
	void importedLambdaAuthorizerGuardsItsMethod() {
		this.client.get().uri("/validators/v1/secure").exchange().expectStatus().isUnauthorized()
			.expectBody(String.class).isEqualTo("{\"message\":\"Unauthorized\"}");
		// the imported identityValidationExpression ^Bearer ... refuses this token before invoking
		this.client.get().uri("/validators/v1/secure").header("Authorization", "allow").exchange().expectStatus()
			.isUnauthorized();
		this.client.get().uri("/validators/v1/secure").header("Authorization", "Bearer deny").exchange().expectStatus()
			.isForbidden().expectBody(String.class)
			.isEqualTo("{\"Message\":\"User is not authorized to access this resource with an explicit deny\"}");
		this.client.get().uri("/validators/v1/secure").header("Authorization", "Bearer allow").exchange().expectStatus()
			.isOk().expectBody(String.class).isEqualTo("{\"principal\": \"user-1\"}");
	}

	private StageRuntime stage(String apiId, String stage) {
		return this.registry.snapshot()
			.stages()
			.stream()
			.filter((runtime) -> runtime.api().id().equals(apiId) && runtime.stageName().equals(stage))
			.findFirst()
			.orElseThrow();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, List<String>> headers(Map<String, Object> echo) {
		return (Map<String, List<String>>) echo.get("headers");
	}

}
