package dev.apigw.documentation;

import java.util.List;
import java.util.function.Supplier;

import dev.apigw.definition.openapi.OpenApiExporter;
import dev.apigw.definition.openapi.OpenApiExporter.Format;
import dev.apigw.definition.openapi.OpenApiExporter.Output;
import dev.apigw.model.Api;
import dev.apigw.routing.StageRuntime;
import org.jspecify.annotations.Nullable;

/**
 * Exports of deployed stages, as AWS's GetExport gives them: the definition the stage
 * serves, documented by the documentation version asked for, else by the version the stage
 * uses, else by its own texts.
 */
public final class ApiExports {

	private final Supplier<List<StageRuntime>> stages;

	private final DocumentationVersions documentation;

	private final OpenApiExporter exporter = new OpenApiExporter();

	/**
	 * Creates the exports.
	 * @param stages the stages deployed now (the deployments' current routing snapshot)
	 * @param documentation the documentation history
	 */
	public ApiExports(Supplier<List<StageRuntime>> stages, DocumentationVersions documentation) {
		this.stages = stages;
		this.documentation = documentation;
	}

	/**
	 * Every deployed stage.
	 * @return the stages, API by API
	 */
	public List<StageRuntime> stages() {
		return this.stages.get();
	}

	/**
	 * A deployed stage.
	 * @param apiId the API id
	 * @param stage the stage name
	 * @return the stage, {@code null} when the API has no such deployed stage
	 */
	public @Nullable StageRuntime stage(String apiId, String stage) {
		for (StageRuntime runtime : this.stages.get()) {
			if (runtime.api().id().equals(apiId) && runtime.stageName().equals(stage)) {
				return runtime;
			}
		}
		return null;
	}

	/**
	 * The definition a stage serves, with the documentation an export of it carries.
	 * @param stage the stage
	 * @param documentationVersion the version asked for, {@code null} for the stage's
	 * @return the documented definition
	 * @throws IllegalArgumentException when the API has no such documentation version
	 */
	public Api documented(StageRuntime stage, @Nullable String documentationVersion) {
		Api api = stage.api();
		String version = (documentationVersion != null) ? documentationVersion
				: this.documentation.stageVersion(api.id(), stage.stageName());
		if (version == null) {
			return api;
		}
		DocumentationVersion found = this.documentation.find(api.id(), version)
			.orElseThrow(() -> new IllegalArgumentException(
					"API '" + api.id() + "' has no documentation version '" + version + "'"));
		return found.documentation().applyTo(api);
	}

	/**
	 * Exports a stage.
	 * @param stage the stage
	 * @param format OpenAPI 3.0 or Swagger 2.0
	 * @param withExtensions whether the {@code x-amazon-apigateway-*} extensions are written
	 * @param output JSON or YAML
	 * @param documentationVersion the documentation version, {@code null} for the stage's
	 * @return the document
	 * @throws IllegalArgumentException when the API has no such documentation version
	 */
	public String export(StageRuntime stage, Format format, boolean withExtensions, Output output,
			@Nullable String documentationVersion) {
		return this.exporter.export(documented(stage, documentationVersion), stage.stageName(), format,
				withExtensions, output);
	}

}
