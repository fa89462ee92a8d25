package dev.apigw.management;

import java.util.List;
import java.util.Map;

import dev.apigw.deploy.DeploymentRegistry;
import dev.apigw.model.Api;
import dev.apigw.model.DeployableApi;
import dev.apigw.model.Deployment;
import dev.apigw.model.StagePointer;
import dev.apigw.routing.GatewayEnvironment;

/**
 * The REST APIs of the {@link DeploymentRegistry} as the management API sees them, with
 * AWS's answers for ids that name nothing. WebSocket APIs belong to AWS's other API
 * (apigatewayv2) and are not found here. Its methods may block.
 */
final class ManagedApis {

	private final DeploymentRegistry registry;

	private final GatewayEnvironment environment;

	ManagedApis(DeploymentRegistry registry, GatewayEnvironment environment) {
		this.registry = registry;
		this.environment = environment;
	}

	DeploymentRegistry registry() {
		return this.registry;
	}

	List<Api> all() {
		return this.registry.definitions().values().stream()
			.filter(Api.class::isInstance)
			.map(Api.class::cast)
			.toList();
	}

	Api require(String apiId) {
		DeployableApi api = this.registry.definitions().get(apiId);
		if (!(api instanceof Api rest)) {
			throw ManagementError.notFound("Invalid API identifier specified " + this.environment.accountId() + ":"
					+ apiId);
		}
		return rest;
	}

	Deployment requireDeployment(String apiId, String deploymentId) {
		require(apiId);
		return this.registry.deployments(apiId).stream()
			.filter((deployment) -> deployment.id().equals(deploymentId))
			.findFirst()
			.orElseThrow(() -> ManagementError.notFound("Invalid Deployment identifier specified"));
	}

	/**
	 * The stages of an API that point at a deployment, in the definition's order.
	 * @param api the API
	 * @return stage name to pointer
	 */
	Map<String, StagePointer> stages(Api api) {
		return this.registry.stages(api.id());
	}

	StagePointer requireStage(Api api, String stage) {
		StagePointer pointer = stages(api).get(stage);
		if (pointer == null || !api.stages().containsKey(stage)) {
			throw ManagementError.notFound("Invalid Stage identifier specified");
		}
		return pointer;
	}

}
