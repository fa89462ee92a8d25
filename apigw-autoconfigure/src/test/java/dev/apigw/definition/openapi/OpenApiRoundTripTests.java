package dev.apigw.definition.openapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.apigw.definition.openapi.OpenApiExporter.Format;
import dev.apigw.definition.openapi.OpenApiExporter.Output;
import dev.apigw.model.Api;
import dev.apigw.model.Method;
import dev.apigw.model.MethodResponse;
import dev.apigw.model.Resource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code importApi(export(api))} gives the API back, for APIs built in code that set every
 * field the mapping carries.
 */
class OpenApiRoundTripTests {

	private final OpenApiExporter exporter = new OpenApiExporter();

	private final OpenApiImporter importer = new OpenApiImporter();

	@ParameterizedTest
	@EnumSource(Output.class)
	void oas30ExportWithExtensionsImportsBackToAnEqualApi(Output output) {
		Api api = FullApi.build();
		String document = this.exporter.export(api, "prod", Format.OAS30, true, output);
		ImportResult result = this.importer.importWithWarnings(FullApi.ID, FullApi.SOURCE, document);
		assertThat(result.warnings()).isEmpty();
		assertEqualInOrder(result.api(), api);
	}

	@ParameterizedTest
	@EnumSource(Output.class)
	void swagger2ExportWithExtensionsImportsBackToAnEqualApiLessWhatSwagger2CannotCarry(Output output) {
		Api api = FullApi.build();
		String document = this.exporter.export(api, "prod", Format.SWAGGER2, true, output, "api.example.com");
		ImportResult result = this.importer.importWithWarnings(FullApi.ID, FullApi.SOURCE, document);
		assertThat(result.warnings()).isEmpty();
		assertEqualInOrder(result.api(), withoutResourceDescriptionsAndRequiredHeaders(api));
	}

	@ParameterizedTest
	@EnumSource(Format.class)
	void awsPetStoreExportImportsBackUnchanged(Format format) {
		Api petStore = this.importer.importApi("petstore", "test", Resources.read("petstore-swagger2.json"));
		String document = this.exporter.export(petStore, "test", format, true, Output.JSON);
		assertEqualInOrder(this.importer.importApi("petstore", "test", document), petStore);
	}

	private static void assertEqualInOrder(Api actual, Api expected) {
		assertThat(actual).isEqualTo(expected);
		// records compare maps regardless of order; their text shows the order too
		assertThat(actual.toString()).isEqualTo(expected.toString());
	}

	private static Api withoutResourceDescriptionsAndRequiredHeaders(Api api) {
		List<Resource> resources = api.resources().stream().map((resource) -> {
			Map<String, Method> methods = new LinkedHashMap<>();
			resource.methods().forEach((verb, method) -> {
				Method.Builder builder = method.toBuilder();
				method.methodResponses().values().forEach((response) -> {
					Map<String, Boolean> headers = new LinkedHashMap<>();
					response.responseParameters().keySet().forEach((header) -> headers.put(header, false));
					builder.methodResponse(new MethodResponse(response.statusCode(), headers, response.responseModels()));
				});
				methods.put(verb, builder.build());
			});
			return new Resource(resource.path(), null, methods);
		}).toList();
		Api copy = api.toBuilder().build();
		return new Api(copy.id(), copy.title(), copy.description(), copy.version(), copy.basePath(), copy.host(),
				copy.apiKeySource(), copy.binaryMediaTypes(), resources, copy.stages(), copy.gatewayResponses(),
				copy.models(), copy.requestValidators(), copy.defaultRequestValidator(), copy.authorizers(),
				copy.source(), copy.policy());
	}

}
