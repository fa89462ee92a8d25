package dev.apigw.deploy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import dev.apigw.definition.ApiDefinitionSource;
import dev.apigw.model.Api;
import dev.apigw.model.Integration;
import dev.apigw.model.IntegrationResponse;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.Method;
import dev.apigw.model.Resource;
import dev.apigw.model.Stage;

/**
 * An API whose definition a test switches between versions: version {@code X} calls the
 * backend at {@code /x/version} and renders {@code {"version": "X", ...}}, so a response
 * whose version, backend path and deployment id disagree mixed two deployments.
 */
final class VersionedApiSource implements ApiDefinitionSource {

	private final AtomicReference<String> version = new AtomicReference<>("A");

	private final String backend;

	VersionedApiSource(String backend) {
		this.backend = backend;
	}

	void version(String version) {
		this.version.set(version);
	}

	@Override
	public List<Api> apis() {
		String version = this.version.get();
		String template = "{\"version\": \"" + version + "\", \"deploymentId\": \"$context.deploymentId\", "
				+ "\"uri\": $input.json('$.uri')}";
		Integration integration = Integration.builder(IntegrationType.HTTP)
			.uri("http://${stageVariables.backend}/" + version.toLowerCase(java.util.Locale.ROOT) + "/version")
			.response(new IntegrationResponse(null, "200", Map.of(), Map.of("application/json", template), null))
			.build();
		return List.of(Api.builder("versioned")
			.resource(Resource.of("/version", Method.builder("GET").integration(integration).build()))
			.stage(Stage.of("live", Map.of("backend", this.backend)))
			.source("test")
			.build());
	}

}
