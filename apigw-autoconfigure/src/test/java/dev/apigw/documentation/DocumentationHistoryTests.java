package dev.apigw.documentation;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import dev.apigw.definition.openapi.OpenApiExporter.Format;
import dev.apigw.definition.openapi.OpenApiExporter.Output;
import dev.apigw.deploy.DeploymentRegistry;
import dev.apigw.deploy.StageCompiler;
import dev.apigw.model.Api;
import dev.apigw.model.Integration;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.Method;
import dev.apigw.model.Resource;
import dev.apigw.model.Stage;
import dev.apigw.routing.GatewayEnvironment;
import dev.apigw.routing.StageRuntime;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Documentation versions as history: each is the documentation of the definition deployed
 * when it was published; exports select one, and a stage pointed at an older one is rolled
 * back.
 */
class DocumentationHistoryTests {

	private final Clock clock = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);

	private final DeploymentRegistry registry = new DeploymentRegistry(
			new StageCompiler(List.of(), List.of(), new GatewayEnvironment("us-east-1", "123456789012"), null), List.of(),
			this.clock);

	private final DocumentationVersions versions = new DocumentationVersions(this.clock);

	private final ApiExports exports = new ApiExports(() -> this.registry.snapshot().stages(), this.versions);

	@Test
	void exportsSelectAVersionAndStagesRollBackToOne() {
		this.registry.deployAll(List.of(api("Lists the pets", "The first words")));
		DocumentationVersion first = this.versions.create(stage().api(), "1.0", "first");
		assertThat(first.createdDate()).isEqualTo(this.clock.instant());
		this.registry.deployAll(List.of(api("Lists every pet", "Better words")));
		this.versions.create(stage().api(), "2.0", null);

		assertThat(export(null)).contains("Lists every pet").contains("Better words");
		assertThat(export("1.0")).contains("Lists the pets").contains("The first words").doesNotContain("Better");
		assertThat(export("2.0")).contains("Lists every pet");

		this.versions.associate("pets", "prod", "1.0");
		assertThat(export(null)).contains("Lists the pets");
		assertThat(export("2.0")).contains("Lists every pet");
		this.versions.associate("pets", "prod", null);
		assertThat(export(null)).contains("Lists every pet");
		assertThat(this.versions.versions("pets")).extracting(DocumentationVersion::version).containsExactly("1.0", "2.0");
	}

	@Test
	void aVersionDocumentsOnlyWhatItKnewAndWhatStillExists() {
		Api older = api("Old summary", "Old description");
		DocumentationSnapshot snapshot = DocumentationSnapshot.of(older);
		Api newer = Api.builder("pets")
			.title("Pets, renamed")
			.resource(new Resource("/pets", "now described", Map.of("GET", mock("GET", "new", null), "POST",
					mock("POST", "added later", null))))
			.resource(new Resource("/owners", null, Map.of()))
			.build();
		Api documented = snapshot.applyTo(newer);
		assertThat(documented.title()).isEqualTo("Pets");
		assertThat(documented.description()).isEqualTo("Old description");
		assertThat(documented.resource("/pets").description()).isNull();
		assertThat(documented.resource("/pets").methods().get("GET").summary()).isEqualTo("Old summary");
		assertThat(documented.resource("/pets").methods().get("POST").summary()).isNull();
		assertThat(documented.resource("/owners")).isNotNull();
	}

	@Test
	void versionNamesAreCheckedAndUnique() {
		this.registry.deployAll(List.of(api("a", "b")));
		Api api = stage().api();
		this.versions.create(api, "v1", null);
		assertThatIllegalArgumentException().isThrownBy(() -> this.versions.create(api, "v1", null))
			.withMessage("Documentation version 'v1' of API 'pets' already exists");
		assertThatIllegalArgumentException().isThrownBy(() -> this.versions.create(api, "v 2", null))
			.withMessageStartingWith("Invalid documentation version 'v 2'");
		assertThatIllegalArgumentException().isThrownBy(() -> this.versions.associate("pets", "prod", "v9"))
			.withMessage("API 'pets' has no documentation version 'v9'");
	}

	private String export(String version) {
		return this.exports.export(stage(), Format.OAS30, false, Output.JSON, version);
	}

	private StageRuntime stage() {
		return this.registry.snapshot().stages().get(0);
	}

	private static Api api(String summary, String description) {
		return Api.builder("pets")
			.title("Pets")
			.description(description)
			.resource(Resource.of("/pets", mock("GET", summary, null)))
			.stage(Stage.of("prod", Map.of()))
			.build();
	}

	private static Method mock(String verb, String summary, String description) {
		return Method.builder(verb)
			.summary(summary)
			.description(description)
			.integration(Integration.builder(IntegrationType.MOCK).build())
			.build();
	}

}
