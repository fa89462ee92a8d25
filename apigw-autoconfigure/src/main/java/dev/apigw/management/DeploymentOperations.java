package dev.apigw.management;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import dev.apigw.definition.InvalidApiDefinitionException;
import dev.apigw.model.Api;
import dev.apigw.model.CanarySettings;
import dev.apigw.model.Deployment;
import dev.apigw.model.Stage;
import org.jspecify.annotations.Nullable;

/**
 * CreateDeployment, GetDeployments and GetDeployment. A deployment is made through the
 * {@link dev.apigw.deploy.DeploymentRegistry} from the API's definition, compiled exactly as
 * at start-up. In apigw's model a stage lives in the definition: a {@code stageName} the API
 * does not have yet adds that stage (with the {@code variables} and
 * {@code stageDescription}); for a stage it has, the {@code variables} given replace or add
 * to the stage's.
 */
final class DeploymentOperations {

	private static final Pattern STAGE_NAME = Pattern.compile("[A-Za-z0-9_-]{1,128}");

	private final ManagedApis apis;

	DeploymentOperations(ManagedApis apis) {
		this.apis = apis;
	}

	ManagementResult list(String apiId, ManagementRequest request) {
		this.apis.require(apiId);
		List<Map<String, Object>> items = this.apis.registry().deployments(apiId).stream()
			.map(Shapes::deployment)
			.toList();
		return ManagementResult.ok(Shapes.page(items, request));
	}

	ManagementResult get(String apiId, String deploymentId) {
		return ManagementResult.ok(Shapes.deployment(this.apis.requireDeployment(apiId, deploymentId)));
	}

	ManagementResult create(String apiId, ManagementRequest request) {
		Api api = this.apis.require(apiId);
		Map<String, Object> body = JsonBodies.object(request.body());
		String stageName = JsonBodies.string(body, "stageName");
		CanarySettings canary = canary(JsonBodies.objectOf(body, "canarySettings"), body.containsKey("canarySettings"));
		if (stageName == null || stageName.isEmpty()) {
			if (canary != null) {
				throw ManagementError.badRequest("Invalid deployment content specified.Non null and non empty stageName "
						+ "must be provided for canary deployment. Provided value is null");
			}
			throw ManagementError.badRequest("apigw needs a stageName: a deployment that no stage serves is not kept "
					+ "yet (see docs/management.md)");
		}
		if (!STAGE_NAME.matcher(stageName).matches()) {
			throw ManagementError.badRequest("Stage name only allows a-zA-Z0-9_-, up to 128 characters");
		}
		Api deployed = (canary != null) ? api : withStage(api, stageName, JsonBodies.string(body, "stageDescription"),
				JsonBodies.strings(body, "variables"));
		try {
			Deployment deployment = this.apis.registry().deploy(deployed, stageName,
					JsonBodies.string(body, "description"), canary, request.principal());
			return ManagementResult.created(Shapes.deployment(deployment));
		}
		catch (InvalidApiDefinitionException | IllegalArgumentException ex) {
			throw ManagementError.badRequest(ex.getMessage());
		}
	}

	private static Api withStage(Api api, String name, @Nullable String description, Map<String, String> variables) {
		Stage existing = api.stages().get(name);
		Stage.Builder stage = (existing != null) ? existing.toBuilder() : Stage.builder(name);
		Map<String, String> merged = new LinkedHashMap<>((existing != null) ? existing.variables() : Map.of());
		merged.putAll(variables);
		stage.variables(merged);
		if (description != null) {
			stage.description(description);
		}
		return api.toBuilder().stage(stage.build()).build();
	}

	private static @Nullable CanarySettings canary(Map<String, Object> settings, boolean given) {
		if (!given) {
			return null;
		}
		Double percent = JsonBodies.number(settings, "percentTraffic");
		return new CanarySettings((percent != null) ? percent : 0, JsonBodies.strings(settings,
				"stageVariableOverrides"), Boolean.parseBoolean(JsonBodies.string(settings, "useStageCache")));
	}

}
