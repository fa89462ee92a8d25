package dev.apigw.deploy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import dev.apigw.model.DeployableApi;
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

	/**
	 * The deployment a stage is to point at.
	 * @throws IllegalArgumentException when the deployment is unknown or lacks the stage
	 */
	Deployment require(String apiId, String stage, String deploymentId) {
		Deployment deployment = find(apiId, deploymentId);
		if (deployment == null) {
			throw new IllegalArgumentException("Deployment id does not exist");
		}
		if (!deployment.definition().stages().containsKey(stage)) {
			throw new IllegalArgumentException("Deployment " + deploymentId + " has no stage '" + stage + "'");
		}
		return deployment;
	}

	/**
	 * The latest deployment of an API the store holds, as another instance made it.
	 * @param apiId the API
	 * @return the deployment, {@code null} when the API has none
	 */
	@Nullable Deployment latest(String apiId) {
		List<Deployment> history = this.store.deployments(apiId);
		if (history.isEmpty()) {
			return null;
		}
		Deployment latest = history.get(history.size() - 1);
		remember(latest);
		return latest;
	}

	/**
	 * The APIs the store holds that are not among the given ones (made through the
	 * management API on this or another instance, before a restart), each with the
	 * definition of its latest deployment.
	 * @param known the APIs already defined
	 * @return API id to definition
	 */
	Map<String, DeployableApi> stored(Set<String> known) {
		Map<String, DeployableApi> stored = new TreeMap<>();
		for (String apiId : this.store.apiIds()) {
			Deployment latest = known.contains(apiId) ? null : latest(apiId);
			if (latest != null) {
				stored.put(apiId, latest.definition());
			}
		}
		return stored;
	}

	void remember(Deployment deployment) {
		this.byKey.put(deployment.definition().id() + "/" + deployment.id(), deployment);
	}

}
