package dev.apigw.definition;

import java.util.List;
import java.util.Map;

import dev.apigw.model.Api;
import dev.apigw.model.Integration;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.Method;
import dev.apigw.model.Resource;
import dev.apigw.model.Stage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ApiDefinitionsMergeTests {

	@Test
	void resourcesMethodsAndStagesOfOneApiFromTwoSourcesMerge() {
		Api first = api("one").resource(Resource.of("/a", mock("GET")))
			.stage(Stage.of("dev", Map.of("v", "1")))
			.build();
		Api second = api("two").resource(Resource.of("/a", mock("POST")))
			.resource(Resource.of("/b", mock("GET")))
			.stage(Stage.of("dev", Map.of()))
			.stage(Stage.of("prod", Map.of()))
			.build();
		Api merged = new ApiDefinitions(List.of(() -> List.of(first), () -> List.of(second))).load().get(0);
		assertThat(merged.resources()).extracting(Resource::path).containsExactly("/a", "/b");
		assertThat(merged.resource("/a").methods()).containsOnlyKeys("GET", "POST");
		assertThat(merged.stages()).containsOnlyKeys("dev", "prod");
		assertThat(merged.stages().get("dev").variables()).containsEntry("v", "1");
		assertThat(merged.source()).isEqualTo("one and two");
	}

	@Test
	void conflictingSettingsAreReportedOnceEach() {
		Api first = api("one").basePath("/x").resource(Resource.of("/a", mock("GET")))
			.stage(Stage.of("dev", Map.of("v", "1")))
			.build();
		Api second = api("two").basePath("/y").resource(Resource.of("/a", mock("GET")))
			.stage(Stage.of("dev", Map.of("v", "2")))
			.build();
		assertThatExceptionOfType(InvalidApiDefinitionException.class)
			.isThrownBy(() -> new ApiDefinitions(List.of(() -> List.of(first), () -> List.of(second))).load())
			.satisfies((ex) -> assertThat(ex.getProblems()).extracting(Object::toString)
				.containsExactlyInAnyOrder(
						"API 'shop', field 'base-path' (two): The base-path is also defined by one with another value; define it once",
						"API 'shop', resource '/a', method GET, field 'method' (two): The method is defined both by one and by two; remove one of the two definitions",
						"API 'shop', field 'stages.dev' (two): The stage 'dev' is also defined by one with another value; define it once"));
	}

	@Test
	void featureValidatorsRunOnValidApis() {
		Api api = api("one").resource(Resource.of("/a", mock("GET"))).stage(Stage.of("dev", Map.of())).build();
		ApiDefinitionValidator validator = (candidate) -> List
			.of(new InvalidApiDefinitionException.Problem("feature", candidate.id(), "/a", "GET", "x", "no"));
		assertThatExceptionOfType(InvalidApiDefinitionException.class)
			.isThrownBy(() -> new ApiDefinitions(List.of(() -> List.of(api)), List.of(validator)).load())
			.withMessage("API 'shop', resource '/a', method GET, field 'x' (feature): no");
	}

	private static Api.Builder api(String source) {
		return Api.builder("shop").source(source);
	}

	private static Method mock(String verb) {
		return Method.builder(verb).integration(Integration.builder(IntegrationType.MOCK).build()).build();
	}

}
