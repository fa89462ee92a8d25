package dev.apigw.documentation;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.apigw.definition.openapi.OpenApiImporter;
import dev.apigw.deploy.DeploymentRegistry;
import dev.apigw.model.Api;
import dev.apigw.model.Stage;
import dev.apigw.routing.StageRuntime;
import dev.apigw.test.GatewayTestApplication;
import dev.apigw.test.TestBackend;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exports of deployed stages through the actuator endpoint ({@code /actuator/apigw/export})
 * and the documentation history ({@code /actuator/apigw/documentation}): formats, the round
 * trips of a YAML-defined and of an imported API, and errors.
 */
@SpringBootTest(classes = GatewayTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@ActiveProfiles("openapi")
class ExportGatewayTests {

	private static final TestBackend backend = TestBackend.start();

	private final OpenApiImporter importer = new OpenApiImporter();

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
	void yamlDefinedApiExportsAndImportsBackToTheSameModel() {
		Api deployed = stage("shop", "prod").api();
		for (String accepts : new String[] { "application/json", "application/yaml" }) {
			String document = export("/shop/prod?format=oas30&extensions=true&accepts=" + accepts, accepts);
			Api imported = this.importer.importApi("shop", deployed.source(), document);
			assertSameModel(imported, withBareStage(deployed, "prod"));
		}
	}

	@Test
	void importedFileExportKeepsItsExtensionsAndImportsBackToTheSameModel() {
		String document = export("/validators/v1?extensions=true", "application/json");
		assertThat(document).contains("\"x-amazon-apigateway-request-validators\" : {")
			.contains("\"x-amazon-apigateway-request-validator\" : \"params-only\"")
			.contains("\"x-amazon-apigateway-request-validator\" : \"all\"")
			.contains("\"x-amazon-apigateway-authorizer\" : {")
			.contains("\"x-amazon-apigateway-authtype\" : \"custom\"")
			.contains("function:test-authorizer/invocations")
			.contains("\"uri\" : \"http://${stageVariables.backend}/petstore/pets\"")
			.contains("\"integration.request.header.custom_h1\" : \"method.request.header.h1\"");
		Api deployed = stage("validators", "v1").api();
		assertSameModel(this.importer.importApi("validators", deployed.source(), document),
				withBareStage(deployed, "v1"));
		Api petStore = stage("petstore", "test").api();
		assertSameModel(this.importer.importApi("petstore", petStore.source(),
				export("/petstore/test?format=swagger&extensions=true", "application/json")), withBareStage(petStore, "test"));
	}

	@Test
	void exportsWithoutExtensionsAreForClients() {
		String oas30 = export("/shop/prod", "application/json");
		assertThat(oas30).startsWith("{\n  \"openapi\" : \"3.0.1\"")
			.contains("\"default\" : \"/prod\"")
			.contains("\"operationId\" : \"CreateOrder\"")
			.contains("\"description\" : \"The orders of the shop\"")
			.contains("\"Order\" : {")
			.contains("\"Empty\" : {")
			.doesNotContain("x-amazon-apigateway")
			.doesNotContain("stageVariables");
		String swagger = export("/shop/prod?format=swagger&accepts=yaml", "application/yaml");
		assertThat(swagger).startsWith("---\nswagger: \"2.0\"").contains("basePath: \"/prod\"").doesNotContain("x-amazon");
	}

	@Test
	void exportErrorsAreClear() {
		this.client.get().uri("/actuator/apigw/export/shop/nostage").exchange().expectStatus().isNotFound();
		this.client.get().uri("/actuator/apigw/export/nothing/prod").exchange().expectStatus().isNotFound();
		this.client.get()
			.uri("/actuator/apigw/export/shop/prod?format=raml")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.message")
			.isEqualTo("format must be oas30 or swagger");
		this.client.get()
			.uri("/actuator/apigw/export/shop/prod?documentationVersion=9.9")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.message")
			.isEqualTo("API 'shop' has no documentation version '9.9'");
	}

	@Test
	void documentationVersionsArePublishedAtStartUpAndThroughTheEndpoint() {
		this.client.get()
			.uri("/actuator/apigw/documentation/petstore")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.versions[0].version")
			.isEqualTo("2024-05-02")
			.jsonPath("$.versions[0].description")
			.isEqualTo("Published at start-up (apigw.apis.petstore.documentation-version)");
		this.client.post()
			.uri("/actuator/apigw/documentation/shop")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("documentationVersion", "1.1", "description", "After the review", "stage", "prod"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.version")
			.isEqualTo("1.1");
		this.client.post()
			.uri("/actuator/apigw/documentation/shop")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("documentationVersion", "1.1"))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.message")
			.isEqualTo("Documentation version '1.1' of API 'shop' already exists");
		this.client.get()
			.uri("/actuator/apigw/documentation/shop")
			.exchange()
			.expectBody()
			.jsonPath("$.versions[*].version")
			.isEqualTo(java.util.List.of("1.0", "1.1"))
			.jsonPath("$.stages.prod")
			.isEqualTo("1.1");
		this.client.get()
			.uri("/actuator/apigw/documentation/shop/versions/1.0")
			.exchange()
			.expectBody()
			.jsonPath("$.documentation.title")
			.isEqualTo("Shop")
			.jsonPath("$.documentation.resources['/orders']")
			.isEqualTo("The orders of the shop")
			.jsonPath("$.documentation.methods['GET /orders'].summary")
			.isEqualTo("Lists orders");
		// back to the deployed texts
		this.client.post()
			.uri("/actuator/apigw/documentation/shop/stages/prod")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.documentationVersion")
			.doesNotExist();
	}

	private String export(String path, String contentType) {
		return this.client.get()
			.uri("/actuator/apigw/export" + path)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType(contentType)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

	private StageRuntime stage(String apiId, String stage) {
		return this.registry.snapshot()
			.stages()
			.stream()
			.filter((runtime) -> runtime.api().id().equals(apiId) && runtime.stageName().equals(stage))
			.findFirst()
			.orElseThrow();
	}

	/**
	 * An export names the stage but carries none of its settings (facts: GetExport).
	 */
	private static Api withBareStage(Api api, String stage) {
		Map<String, Stage> stages = new LinkedHashMap<>();
		stages.put(stage, new Stage(stage, null, Map.of(), Map.of()));
		return new Api(api.id(), api.title(), api.description(), api.version(), api.basePath(), api.host(),
				api.apiKeySource(), api.binaryMediaTypes(), api.resources(), stages, api.gatewayResponses(), api.models(),
				api.requestValidators(), api.defaultRequestValidator(), api.authorizers(), api.source(), api.policy());
	}

	private static void assertSameModel(Api actual, Api expected) {
		assertThat(actual).isEqualTo(expected);
		// records compare maps regardless of order; their text shows the order too
		assertThat(actual.toString()).isEqualTo(expected.toString());
	}

}
