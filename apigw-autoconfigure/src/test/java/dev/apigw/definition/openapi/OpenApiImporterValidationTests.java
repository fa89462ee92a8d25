package dev.apigw.definition.openapi;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.apigw.model.Api;
import dev.apigw.model.ApiKeySource;
import dev.apigw.model.GatewayResponse;
import dev.apigw.model.GatewayResponseType;
import dev.apigw.model.Method;
import dev.apigw.model.RequestValidator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * AWS's request-validation sample: validators, models referring to each other, the API key
 * and gateway responses.
 */
class OpenApiImporterValidationTests {

	private static final String MODELS = "https://apigateway.amazonaws.com/restapis/validation/models/";

	private final ImportResult result = new OpenApiImporter().importWithWarnings("validation",
			"validation-swagger2.json", Resources.read("validation-swagger2.json"));

	private final Api api = this.result.api();

	@Test
	void importsValidatorsAndTheApiDefault() {
		assertThat(this.api.requestValidators()).containsExactly(
				entry("all", new RequestValidator("all", true, true)),
				entry("params-only", new RequestValidator("params-only", false, true)));
		assertThat(this.api.defaultRequestValidator()).isEqualTo("params-only");
		assertThat(post().requestValidator()).isEqualTo("all");
		assertThat(get().requestValidator()).isNull();
	}

	@Test
	void importsRequiredParametersAndTheBodyModel() {
		assertThat(post().requestParameters()).containsExactly(entry("method.request.header.h1", true));
		assertThat(post().requestModels()).containsExactly(entry("application/json", "RequestBodyModel"));
		assertThat(get().requestParameters()).containsExactly(entry("method.request.querystring.q1", true));
		assertThat(get().requestModels()).isEmpty();
	}

	@Test
	void rewritesModelReferencesToAwsModelUrlsOfThisApi() {
		assertThat(this.api.models().get("RequestBodyModel"))
			.isEqualTo("{\"$schema\":\"http://json-schema.org/draft-04/schema#\",\"type\":\"object\",\"properties\":{"
					+ "\"id\":{\"type\":\"integer\"},\"type\":{\"$ref\":\"" + MODELS + "PetType\"},"
					+ "\"name\":{\"type\":\"string\"},\"price\":{\"type\":\"number\",\"minimum\":25,\"maximum\":500},"
					+ "\"owner\":{\"$ref\":\"" + MODELS + "Owner\"}},\"required\":[\"type\",\"name\",\"price\"]}");
		assertThat(this.api.models().get("Error")).isEqualTo("{\"type\":\"object\",\"properties\":{}}");
	}

	@Test
	void namesAnInlineSchemaAfterItsContent() {
		Map<String, String> models = post().methodResponses().get("200").responseModels();
		assertThat(models).containsOnlyKeys("application/json");
		String name = models.get("application/json");
		assertThat(name).matches("MODEL[0-9a-f]{10}");
		assertThat(this.api.models().get(name))
			.isEqualTo("{\"type\":\"array\",\"items\":{\"$ref\":\"" + MODELS + "Error\"}}");
		assertThat(this.api.models().keySet()).containsExactly("RequestBodyModel", "PetType", "Owner", "Error", name);
	}

	@Test
	void importsTheApiKeySchemeAsApiKeyRequired() {
		assertThat(post().apiKeyRequired()).isTrue();
		assertThat(get().apiKeyRequired()).isTrue();
		assertThat(this.api.apiKeySource()).isEqualTo(ApiKeySource.HEADER);
		assertThat(this.api.authorizers()).isEmpty();
	}

	@Test
	void importsGatewayResponsesWithStatusCodesAsTextOrNumber() {
		assertThat(this.api.gatewayResponses()).containsOnlyKeys(GatewayResponseType.DEFAULT_4XX,
				GatewayResponseType.INVALID_API_KEY, GatewayResponseType.BAD_REQUEST_BODY);
		assertThat(this.api.gatewayResponses().get(GatewayResponseType.DEFAULT_4XX))
			.isEqualTo(new GatewayResponse(GatewayResponseType.DEFAULT_4XX, null,
					Map.of("gatewayresponse.header.Access-Control-Allow-Origin", "'domain.com'"),
					Map.of("application/json", "{\"message\": test 4xx b }")));
		assertThat(this.api.gatewayResponses().get(GatewayResponseType.INVALID_API_KEY))
			.isEqualTo(new GatewayResponse(GatewayResponseType.INVALID_API_KEY, 429, Map.of(),
					Map.of("application/json", "{\"message\": test forbidden }")));
		GatewayResponse badBody = this.api.gatewayResponses().get(GatewayResponseType.BAD_REQUEST_BODY);
		assertThat(badBody.statusCode()).isEqualTo(422);
		assertThat(badBody.responseParameters()).containsExactly(
				entry("gatewayresponse.header.x-request-id", "context.requestId"),
				entry("gatewayresponse.header.x-stage", "stageVariables.name"));
	}

	@Test
	void importsBinaryMediaTypesAndTheStage() {
		assertThat(this.api.binaryMediaTypes()).containsExactly("application/octet-stream", "image/*");
		assertThat(this.api.stages()).containsOnlyKeys("v1");
	}

	@Test
	void integrationResponsesKeepTheirSelectionPatterns() {
		assertThat(post().integration().responses()).extracting("selectionPattern").containsExactly("2\\d{2}", null);
		assertThat(post().integration().responses().get(1).responseTemplates()).containsExactly(
				entry("application/json", "json 400 response template"),
				entry("application/xml", "xml 400 response template"));
		assertThat(post().integration().requestParameters())
			.containsExactly(entry("integration.request.header.custom_h1", "method.request.header.h1"));
	}

	@Test
	void warnsOnlyAboutWhatIsIgnored() {
		assertThat(this.result.warnings()).isEmpty();
	}

	private Method post() {
		return this.api.resource("/validation").methods().get("POST");
	}

	private Method get() {
		return this.api.resource("/validation").methods().get("GET");
	}

}
