package dev.apigw.deploy;

import java.util.HashMap;
import java.util.Map;

import dev.apigw.model.Deployment;
import dev.apigw.store.DeploymentStore;
import org.jspecify.annotations.Nullable;

/**
 * The deployments the {@link DeploymentRegistry} has read or made, kept so that building a
 * snapshot does not read the store again for deployments that never change. Not
 * thread-safe: the registry's lock guards it.
 */
final class KnownDeployments {

	private final Map<String, Deployment> byKey = new HashMap<>();

	private final DeploymentStore store;

	KnownDeployments(DeploymentStore store) {
		this.store = store;
	}

	@Nullable Deployment find(String apiId, String deploymentId) {
		Deployment deployment = this.byKey.get(apiId + "/" + deploymentId);
		if (deployment == null) {
			deployment = this.store.deployment(apiId, deploymentId);
			if (deployment != null) {
				remember(deployment);
			}
		}
		return deployment;
	}

	void remember(Deployment deployment) {
		this.byKey.put(deployment.definition().id() + "/" + deployment.id(), deployment);
	}

}
