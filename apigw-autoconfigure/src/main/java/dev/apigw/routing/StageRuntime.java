package dev.apigw.routing;

import java.time.Instant;
import java.util.List;

import dev.apigw.model.Api;
import dev.apigw.model.ResourceTree;
import dev.apigw.model.Stage;

/**
 * A stage serving a deployment of an API: everything a request needs, compiled once when
 * the stage is (re)deployed, and what each pipeline phase compiles its stage filter from.
 * Requests hold on to the instance they started with, so a redeployment never mixes two
 * deployments within one request.
 *
 * @param api the deployed API definition
 * @param stage the stage
 * @param deploymentId the deployment id
 * @param deployedAt when the deployment was created
 * @param resources the resource tree
 * @param resourceList the resources of the tree, in definition order
 * @param environment region and account
 */
public record StageRuntime(Api api, Stage stage, String deploymentId, Instant deployedAt,
		ResourceTree<ResourceRuntime> resources, List<ResourceRuntime> resourceList,
		GatewayEnvironment environment) {

	/**
	 * The stage name.
	 * @return the name
	 */
	public String stageName() {
		return this.stage.name();
	}

	@Override
	public String toString() {
		return "StageRuntime[" + this.api.id() + "/" + this.stage.name() + " @" + this.deploymentId + "]";
	}

}
