package dev.apigw.validation;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import dev.apigw.definition.ApiDefinitions;
import dev.apigw.definition.InvalidApiDefinitionException;
import dev.apigw.deploy.DeploymentRegistry;
import dev.apigw.model.Api;
import dev.apigw.model.DefaultModels;
import dev.apigw.model.Integration;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.Method;
import dev.apigw.model.RequestValidator;
import dev.apigw.model.Resource;
import dev.apigw.model.Stage;
import dev.apigw.test.StageHarness;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Models are compiled with every deployment: every problem fails start-up (or refuses a
 * deployment made at run time) with the API, resource, method and field it is in; nothing
 * is fetched from the network.
 */
class ModelValidationTests {

	private final RequestValidationFilter filter = new RequestValidationFilter();

	@Test
	void everyApiHasTheDefaultModelsUnlessItDefinesThemItself() {
		Api plain = load(api().build());
		assertThat(plain.models()).containsEntry("Empty", DefaultModels.EMPTY_SCHEMA)
			.containsEntry("Error", DefaultModels.ERROR_SCHEMA);
		assertThat(DefaultModels.EMPTY_SCHEMA).isEqualTo(
				"{\"$schema\":\"http://json-schema.org/draft-04/schema#\",\"title\":\"Empty Schema\",\"type\":\"object\"}");
		assertThat(DefaultModels.ERROR_SCHEMA).isEqualTo("{\"$schema\":\"http://json-schema.org/draft-04/schema#\","
				+ "\"title\":\"Error Schema\",\"type\":\"object\",\"properties\":{\"message\":{\"type\":\"string\"}}}");
		Api own = load(api().model("Empty", "{\"type\":\"object\",\"title\":\"Mine\"}").build());
		assertThat(own.models()).containsEntry("Empty", "{\"type\":\"object\",\"title\":\"Mine\"}")
			.containsKey("Error");
		assertThat(own.models().keySet()).containsExactly("Empty", "Error");
	}

	@Test
	void validModelsWithReferencesHaveNoProblems() {
		Api api = api().model("Pet",
				"{\"type\":\"object\",\"properties\":{\"owner\":{\"$ref\":\"https://apigateway.amazonaws.com/restapis/other/models/Owner\"},"
						+ "\"error\":{\"$ref\":\"https://apigateway.amazonaws.com/restapis/shop/models/Error\"}}}")
			.model("Owner", "{\"type\":\"object\"}")
			.build();
		assertThat(StageHarness.deploy(api, "dev").compile(this.filter)).isNull();
	}

	@Test
	void modelsThatAreNotJsonSchemasAndUnknownModelsFailStartUpTogether() {
		Api api = api().model("Broken", "{\"type\": ")
			.model("Dangling", "{\"$ref\":\"https://apigateway.amazonaws.com/restapis/shop/models/Nowhere\"}")
			.model("Remote", "{\"$ref\":\"http://127.0.0.1:9/schema.json\"}")
			.resource(Resource.of("/owners", Method.builder("POST")
				.requestModel("application/json", "Missing")
				.integration(Integration.builder(IntegrationType.MOCK).build())
				.build()))
			.build();
		assertThatExceptionOfType(InvalidApiDefinitionException.class)
			.isThrownBy(() -> StageHarness.compiler(this.filter)
				.compile(StageHarness.deployment(api), api.stages().get("dev")))
			.satisfies((ex) -> assertThat(ex.getProblems()).extracting(Object::toString)
				.satisfiesExactly(
						(problem) -> assertThat(problem).startsWith(
								"API 'shop', field 'models.Broken' (test): The model is not valid JSON: Unexpected end-of-input"),
						(problem) -> assertThat(problem)
							.startsWith("API 'shop', field 'models.Dangling' (test): The model is not a valid JSON schema: ")
							.contains("Nowhere"),
						(problem) -> assertThat(problem)
							.startsWith("API 'shop', field 'models.Remote' (test): The model is not a valid JSON schema: ")
							.contains("127.0.0.1:9")
							.doesNotContain("onnect"),
						(problem) -> assertThat(problem).isEqualTo(
								"API 'shop', resource '/owners', method POST, field 'request-models[application/json]' (test): "
										+ "Unknown model 'Missing'")));
	}

	@Test
	void aDeploymentMadeAtRunTimeWithABrokenModelIsRefusedWithTheStartUpMessageAndTheStageKeepsServing() {
		Api broken = api().model("Broken", "{\"type\": ").build();
		String startUp = catchThrowableOfType(InvalidApiDefinitionException.class, () -> StageHarness.compiler(this.filter)
			.compile(StageHarness.deployment(broken), broken.stages().get("dev"))).getMessage();
		DeploymentRegistry registry = new DeploymentRegistry(StageHarness.compiler(this.filter), List.of(),
				Clock.systemUTC());
		registry.deployAll(List.of(api().build()));
		String serving = registry.stages("shop").get("dev").deploymentId();
		assertThatIllegalArgumentException().isThrownBy(() -> registry.deploy(broken, "dev", null, null, "test"))
			.withMessage(startUp);
		assertThat(registry.stages("shop").get("dev").deploymentId()).isEqualTo(serving);
		assertThat(registry.snapshot().stages()).singleElement()
			.satisfies((stage) -> assertThat(stage.deploymentId()).isEqualTo(serving));
	}

	@Test
	void methodsWithoutValidatorAreNotValidated() {
		Api api = api().requestValidator(new RequestValidator("none", false, false)).build();
		assertThat(StageHarness.deploy(api, "dev").compile(this.filter)).isNull();
		Api validated = api().requestValidator(new RequestValidator("none", false, false))
			.requestValidator(new RequestValidator("body", true, false))
			.resource(Resource.of("/owners", Method.builder("POST")
				.requestValidator("body")
				.integration(Integration.builder(IntegrationType.MOCK).build())
				.build()))
			.build();
		assertThat(StageHarness.deploy(validated, "dev").compile(this.filter)).isNotNull();
	}

	private Api load(Api api) {
		return new ApiDefinitions(List.of(() -> List.of(api))).load().get(0);
	}

	private static Api.Builder api() {
		return Api.builder("shop")
			.source("test")
			.stage(Stage.of("dev", Map.of()))
			.resource(Resource.of("/pets", Method.builder("POST")
				.requestValidator(null)
				.integration(Integration.builder(IntegrationType.MOCK).build())
				.build()));
	}

}
