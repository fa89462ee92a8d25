package dev.apigw.definition.openapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import dev.apigw.definition.openapi.OpenApiExporter.Format;
import dev.apigw.definition.openapi.OpenApiExporter.Output;
import dev.apigw.model.Api;
import dev.apigw.model.Stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Exports have the shape of AWS's GetExport.
 */
class OpenApiExporterTests {

	private final OpenApiExporter exporter = new OpenApiExporter();

	@Test
	void swagger2HasHostBasePathOfTheStageAndHttps() throws Exception {
		JsonNode document = json(this.exporter.export(FullApi.build(), "prod", Format.SWAGGER2, true, Output.JSON,
				"abc123.execute-api.us-east-1.amazonaws.com"));
		assertThat(fieldNames(document)).containsExactly("swagger", "info", "host", "basePath", "schemes", "paths",
				"securityDefinitions", "definitions", "x-amazon-apigateway-api-key-source",
				"x-amazon-apigateway-binary-media-types", "x-amazon-apigateway-gateway-responses",
				"x-amazon-apigateway-request-validators", "x-amazon-apigateway-request-validator");
		assertThat(document.get("swagger").asText()).isEqualTo("2.0");
		assertThat(fieldNames(document.get("info"))).containsExactly("description", "version", "title");
		assertThat(document.get("host").asText()).isEqualTo("abc123.execute-api.us-east-1.amazonaws.com");
		assertThat(document.get("basePath").asText()).isEqualTo("/prod");
		assertThat(document.get("schemes").toString()).isEqualTo("[\"https\"]");
		assertThat(document.at("/definitions/Pets/items/$ref").asText()).isEqualTo("#/definitions/Pet");
		assertThat(document.at("/paths/~1pets/post/parameters/0").toString())
			.isEqualTo("{\"in\":\"body\",\"name\":\"Pet\",\"required\":true,\"schema\":{\"$ref\":\"#/definitions/Pet\"}}");
		assertThat(document.at("/paths/~1pets/post/consumes").toString()).isEqualTo("[\"application/json\"]");
		assertThat(document.at("/paths/~1pets/get/parameters/0").toString())
			.isEqualTo("{\"name\":\"type\",\"in\":\"query\",\"required\":false,\"type\":\"string\"}");
	}

	@Test
	void swagger2WithoutHostLeavesItOut() throws Exception {
		JsonNode document = json(this.exporter.export(FullApi.build(), "prod", Format.SWAGGER2, true, Output.JSON));
		assertThat(document.has("host")).isFalse();
		Api hosted = FullApi.build().toBuilder().host("pets.example.com").build();
		assertThat(json(this.exporter.export(hosted, "prod", Format.SWAGGER2, true, Output.JSON)).get("host").asText())
			.isEqualTo("pets.example.com");
	}

	@Test
	void oas30HasAServerWithTheBasePathVariable() throws Exception {
		JsonNode document = json(this.exporter.export(FullApi.build(), "prod", Format.OAS30, true, Output.JSON,
				"abc123.execute-api.us-east-1.amazonaws.com"));
		assertThat(fieldNames(document)).startsWith("openapi", "info", "servers", "paths", "components");
		assertThat(document.get("openapi").asText()).isEqualTo("3.0.1");
		assertThat(document.get("servers").toString()).isEqualTo("[{\"url\":\"https://abc123.execute-api.us-east-1"
				+ ".amazonaws.com/{basePath}\",\"variables\":{\"basePath\":{\"default\":\"/prod\"}}}]");
		assertThat(document.at("/components/schemas/Pet/properties/type/$ref").asText())
			.isEqualTo("#/components/schemas/PetType");
		assertThat(document.at("/paths/~1pets/post/requestBody").toString()).isEqualTo("{\"content\":{\"application/json\":"
				+ "{\"schema\":{\"$ref\":\"#/components/schemas/Pet\"}}},\"required\":true}");
		JsonNode hostless = json(this.exporter.export(FullApi.build(), "prod", Format.OAS30, true, Output.JSON));
		assertThat(hostless.at("/servers/0/url").asText()).isEqualTo("{basePath}");
	}

	@Test
	void writesTheIntegrationAsAwsDoes() throws Exception {
		JsonNode document = json(this.exporter.export(FullApi.build(), "prod", Format.OAS30, true, Output.JSON));
		JsonNode integration = document.at("/paths/~1files~1{proxy+}/x-amazon-apigateway-any-method"
				+ "/x-amazon-apigateway-integration");
		assertThat(integration.toString()).isEqualTo("{\"httpMethod\":\"ANY\",\"uri\":\"http://files.example.com/{proxy}\","
				+ "\"responses\":{\"default\":{\"statusCode\":\"200\"}},\"requestParameters\":{"
				+ "\"integration.request.path.proxy\":\"method.request.path.proxy\"},\"passthroughBehavior\":"
				+ "\"when_no_match\",\"timeoutInMillis\":29000,\"cacheKeyParameters\":[\"method.request.path.proxy\"],"
				+ "\"type\":\"http_proxy\"}");
		assertThat(document.at("/paths/~1pets~1{petId}/delete/security").toString())
			.isEqualTo("[{\"cognitoAuth\":[\"email\",\"openid\"]}]");
		assertThat(document.at("/x-amazon-apigateway-gateway-responses/INVALID_API_KEY/statusCode").isTextual()).isTrue();
	}

	@Test
	void withoutExtensionsWritesNoAwsExtensionButTheAnyMethod() throws Exception {
		for (Format format : Format.values()) {
			JsonNode document = json(this.exporter.export(FullApi.build(), "prod", format, false, Output.JSON));
			List<String> extensions = new ArrayList<>();
			collectAwsKeys(document, extensions);
			assertThat(extensions).containsOnly("x-amazon-apigateway-any-method");
			assertThat(document.at((format == Format.OAS30) ? "/components/securitySchemes/tokenAuth"
					: "/securityDefinitions/tokenAuth").toString())
				.isEqualTo("{\"type\":\"apiKey\",\"name\":\"Authorization\",\"in\":\"header\"}");
		}
	}

	@Test
	void jsonIsPrettyPrintedAndYamlHasTheSameContent() throws Exception {
		String json = this.exporter.export(FullApi.build(), "prod", Format.OAS30, true, Output.JSON);
		String yaml = this.exporter.export(FullApi.build(), "prod", Format.OAS30, true, Output.YAML);
		assertThat(json).startsWith("{\n  \"openapi\" : \"3.0.1\",\n  \"info\" : {\n    \"title\" : \"Full API\",");
		assertThat(yaml).startsWith("---\nopenapi: \"3.0.1\"\ninfo:\n  title: \"Full API\"\n");
		assertThat(OpenApiMappers.YAML.readTree(yaml)).isEqualTo(json(json));
	}

	@Test
	void leavesOutSchemaDialectsAsAwsDoes() throws Exception {
		Api api = Api.builder("dialect")
			.model("Empty", "{\"$schema\":\"http://json-schema.org/draft-04/schema#\",\"title\":\"Empty Schema\",\"type\":\"object\"}")
			.build();
		JsonNode document = json(this.exporter.export(api, "v1", Format.OAS30, true, Output.JSON));
		assertThat(document.at("/components/schemas/Empty").toString())
			.isEqualTo("{\"title\":\"Empty Schema\",\"type\":\"object\"}");
	}

	@Test
	void carriesTheStageNameButNotItsSettings() {
		Api api = Api.builder("staged").stage(Stage.of("beta", Map.of("backend", "beta.example.com"))).build();
		String document = this.exporter.export(api, "beta", Format.SWAGGER2, true, Output.JSON);
		assertThat(new OpenApiImporter().importApi("staged", "export", document).stages())
			.containsExactly(Map.entry("beta", Stage.of("beta", Map.of())));
	}

	@Test
	void rejectsInvalidStageNamesAndModels() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.exporter.export(FullApi.build(), "pro d", Format.OAS30, true, Output.JSON))
			.withMessageContaining("Invalid stage name 'pro d'");
		Api broken = Api.builder("broken").model("Pet", "{type: object").build();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.exporter.export(broken, "prod", Format.OAS30, true, Output.JSON))
			.withMessageStartingWith("Model 'Pet' of API 'broken' is not valid JSON");
	}

	private static JsonNode json(String text) throws Exception {
		return OpenApiMappers.JSON.readTree(text);
	}

	private static List<String> fieldNames(JsonNode node) {
		List<String> names = new ArrayList<>();
		node.fieldNames().forEachRemaining(names::add);
		return names;
	}

	private static void collectAwsKeys(JsonNode node, List<String> keys) {
		if (node.isObject()) {
			node.properties().forEach((field) -> {
				if (field.getKey().startsWith("x-amazon-apigateway-")) {
					keys.add(field.getKey());
				}
				collectAwsKeys(field.getValue(), keys);
			});
		}
		else if (node.isArray()) {
			node.forEach((element) -> collectAwsKeys(element, keys));
		}
	}

}
