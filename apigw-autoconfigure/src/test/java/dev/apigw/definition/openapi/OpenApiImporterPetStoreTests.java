package dev.apigw.definition.openapi;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.apigw.model.Api;
import dev.apigw.model.ApiKeySource;
import dev.apigw.model.AuthorizationType;
import dev.apigw.model.Integration;
import dev.apigw.model.IntegrationResponse;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.Method;
import dev.apigw.model.MethodResponse;
import dev.apigw.model.PassthroughBehavior;
import dev.apigw.model.Resource;
import dev.apigw.model.Stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * AWS's PetStore example API, as AWS exports it in Swagger 2.0 (JSON) and OpenAPI 3.0 (YAML).
 */
class OpenApiImporterPetStoreTests {

	private static final String PETS_URI = "http://petstore-demo-endpoint.execute-api.com/petstore/pets";

	private static final String MODELS = "https://apigateway.amazonaws.com/restapis/petstore/models/";

	private final OpenApiImporter importer = new OpenApiImporter();

	@ParameterizedTest
	@ValueSource(strings = { "petstore-swagger2.json", "petstore-oas30.yaml" })
	void importsInfoAndTheStageOfTheBasePathWithoutWarnings(String file) {
		ImportResult result = this.importer.importWithWarnings("petstore", "openapi classpath:" + file,
				Resources.read(file));
		Api api = result.api();
		assertThat(result.warnings()).isEmpty();
		assertThat(api.id()).isEqualTo("petstore");
		assertThat(api.source()).isEqualTo("openapi classpath:" + file);
		assertThat(api.title()).isEqualTo("PetStore");
		assertThat(api.description()).isEqualTo("Your first API with Amazon API Gateway. This is a sample API that"
				+ " integrates via HTTP with our demo Pet Store endpoints");
		assertThat(api.version()).isEqualTo("2024-05-02T09:13:47Z");
		assertThat(api.stages()).containsExactly(entry("test", Stage.of("test", Map.of())));
		assertThat(api.basePath()).isNull();
		assertThat(api.host()).isNull();
		assertThat(api.apiKeySource()).isEqualTo(ApiKeySource.HEADER);
		assertThat(api.binaryMediaTypes()).isEmpty();
		assertThat(api.gatewayResponses()).isEmpty();
		assertThat(api.requestValidators()).isEmpty();
		assertThat(api.authorizers()).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "petstore-swagger2.json", "petstore-oas30.yaml" })
	void importsEveryPathAsAResourceInDocumentOrder(String file) {
		Api api = this.importer.importApi("petstore", file, Resources.read(file));
		assertThat(api.resources()).extracting(Resource::path).containsExactly("/", "/pets", "/pets/{petId}");
		assertThat(api.resource("/").methods()).containsOnlyKeys("GET");
		assertThat(api.resource("/pets").methods().keySet()).containsExactly("GET", "POST", "OPTIONS");
		assertThat(api.resource("/pets/{petId}").methods().keySet()).containsExactly("GET", "OPTIONS");
	}

	@ParameterizedTest
	@ValueSource(strings = { "petstore-swagger2.json", "petstore-oas30.yaml" })
	void importsTheRootMockWithItsHtmlTemplate(String file) {
		Method get = this.importer.importApi("petstore", file, Resources.read(file)).resource("/").methods().get("GET");
		assertThat(get.operationName()).isNull();
		assertThat(get.authorizationType()).isEqualTo(AuthorizationType.NONE);
		assertThat(get.methodResponses()).containsExactly(entry("200",
				new MethodResponse("200", Map.of("method.response.header.Content-Type", false), Map.of())));
		Integration integration = get.integration();
		assertThat(integration.type()).isEqualTo(IntegrationType.MOCK);
		assertThat(integration.uri()).isNull();
		assertThat(integration.requestTemplates()).containsExactly(entry("application/json", "{\"statusCode\": 200}"));
		assertThat(integration.responses()).containsExactly(new IntegrationResponse(null, "200",
				Map.of("method.response.header.Content-Type", "'text/html'"),
				Map.of("text/html", "<html>\n    <body>\n        <h1>Welcome to your Pet Store API</h1>\n"
						+ "        <p>Try <a href=\"/$context.stage/pets\">GET /pets</a>.</p>\n    </body>\n</html>"),
				null));
	}

	@ParameterizedTest
	@ValueSource(strings = { "petstore-swagger2.json", "petstore-oas30.yaml" })
	void importsListPetsWithQueryParameterMappings(String file) {
		Method get = this.importer.importApi("petstore", file, Resources.read(file))
			.resource("/pets")
			.methods()
			.get("GET");
		assertThat(get.operationName()).isEqualTo("ListPets");
		assertThat(get.requestParameters()).containsExactly(entry("method.request.querystring.type", false),
				entry("method.request.querystring.page", false));
		assertThat(get.requestModels()).isEmpty();
		assertThat(get.methodResponses()).containsExactly(entry("200", new MethodResponse("200",
				Map.of("method.response.header.Access-Control-Allow-Origin", false), Map.of("application/json", "Pets"))));
		assertThat(get.integration()).isEqualTo(Integration.builder(IntegrationType.HTTP)
			.uri(PETS_URI)
			.httpMethod("GET")
			.requestParameter("integration.request.querystring.page", "method.request.querystring.page")
			.requestParameter("integration.request.querystring.type", "method.request.querystring.type")
			.passthroughBehavior(PassthroughBehavior.WHEN_NO_MATCH)
			.timeout(Duration.ofMillis(29_000))
			.response(new IntegrationResponse(null, "200",
					Map.of("method.response.header.Access-Control-Allow-Origin", "'*'"), Map.of(), null))
			.build());
		assertThat(get.integration().requestParameters().keySet()).containsExactly(
				"integration.request.querystring.page", "integration.request.querystring.type");
	}

	@ParameterizedTest
	@ValueSource(strings = { "petstore-swagger2.json", "petstore-oas30.yaml" })
	void importsCreatePetWithItsRequestModel(String file) {
		Method post = this.importer.importApi("petstore", file, Resources.read(file))
			.resource("/pets")
			.methods()
			.get("POST");
		assertThat(post.operationName()).isEqualTo("CreatePet");
		assertThat(post.requestModels()).containsExactly(entry("application/json", "NewPet"));
		assertThat(post.methodResponses().get("200").responseModels())
			.containsExactly(entry("application/json", "NewPetResponse"));
		assertThat(post.integration().type()).isEqualTo(IntegrationType.HTTP);
		assertThat(post.integration().httpMethod()).isEqualTo("POST");
		assertThat(post.integration().uri()).isEqualTo(PETS_URI);
	}

	@ParameterizedTest
	@ValueSource(strings = { "petstore-swagger2.json", "petstore-oas30.yaml" })
	void importsGetPetWithItsPathParameterMapping(String file) {
		Method get = this.importer.importApi("petstore", file, Resources.read(file))
			.resource("/pets/{petId}")
			.methods()
			.get("GET");
		assertThat(get.operationName()).isEqualTo("GetPet");
		assertThat(get.requestParameters()).containsExactly(entry("method.request.path.petId", true));
		assertThat(get.integration().uri()).isEqualTo(PETS_URI + "/{petId}");
		assertThat(get.integration().requestParameters())
			.containsExactly(entry("integration.request.path.petId", "method.request.path.petId"));
		assertThat(get.methodResponses().get("200").responseModels()).containsExactly(entry("application/json", "Pet"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "petstore-swagger2.json", "petstore-oas30.yaml" })
	void importsTheCorsOptionsMocks(String file) {
		Api api = this.importer.importApi("petstore", file, Resources.read(file));
		Method options = api.resource("/pets").methods().get("OPTIONS");
		assertThat(options.methodResponses().get("200").responseParameters().keySet()).containsExactly(
				"method.response.header.Access-Control-Allow-Origin",
				"method.response.header.Access-Control-Allow-Methods",
				"method.response.header.Access-Control-Allow-Headers");
		assertThat(options.methodResponses().get("200").responseModels())
			.containsExactly(entry("application/json", "Empty"));
		assertThat(options.integration().responses().get(0).responseParameters()).containsExactly(
				entry("method.response.header.Access-Control-Allow-Methods", "'POST,GET,OPTIONS'"),
				entry("method.response.header.Access-Control-Allow-Headers",
						"'Content-Type,X-Amz-Date,Authorization,X-Api-Key'"),
				entry("method.response.header.Access-Control-Allow-Origin", "'*'"));
		assertThat(api.resource("/pets/{petId}").methods().get("OPTIONS").requestParameters())
			.containsExactly(entry("method.request.path.petId", true));
	}

	@ParameterizedTest
	@ValueSource(strings = { "petstore-swagger2.json", "petstore-oas30.yaml" })
	void importsModelsWithReferencesResolvableByModelName(String file) {
		Api api = this.importer.importApi("petstore", file, Resources.read(file));
		assertThat(api.models().keySet()).containsExactly("Pets", "Empty", "NewPetResponse", "Pet", "NewPet",
				"PetType");
		assertThat(api.models().get("Pets"))
			.isEqualTo("{\"type\":\"array\",\"items\":{\"$ref\":\"" + MODELS + "Pet\"}}");
		assertThat(api.models().get("NewPet")).isEqualTo("{\"type\":\"object\",\"properties\":{\"type\":{\"$ref\":\""
				+ MODELS + "PetType\"},\"price\":{\"type\":\"number\"}}}");
		assertThat(api.models().get("PetType"))
			.isEqualTo("{\"type\":\"string\",\"enum\":[\"dog\",\"cat\",\"fish\",\"bird\",\"gecko\"]}");
	}

	@ParameterizedTest
	@ValueSource(strings = { "petstore-oas30.yaml" })
	void bothExportFormatsGiveTheSameApi(String file) {
		Api swagger = this.importer.importApi("petstore", "same", Resources.read("petstore-swagger2.json"));
		Api openApi = this.importer.importApi("petstore", "same", Resources.read(file));
		assertThat(openApi.resources()).isEqualTo(swagger.resources());
		assertThat(openApi.toBuilder().model("Empty", "{\"type\":\"object\"}").build()).isEqualTo(swagger);
	}

}
