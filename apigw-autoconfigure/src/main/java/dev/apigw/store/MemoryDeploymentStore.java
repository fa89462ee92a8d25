package dev.apigw.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.apigw.model.Deployment;
import dev.apigw.model.StagePointer;
import org.jspecify.annotations.Nullable;

/**
 * Deployments and stage pointers in this instance's memory: the default store.
 */
public final class MemoryDeploymentStore implements DeploymentStore {

	private final Map<String, List<Deployment>> deployments = new LinkedHashMap<>();

	private final Map<String, Map<String, StagePointer>> stages = new LinkedHashMap<>();

	@Override
	public synchronized List<Deployment> deployments(String apiId) {
		return List.copyOf(this.deployments.getOrDefault(apiId, List.of()));
	}

	@Override
	public synchronized @Nullable Deployment deployment(String apiId, String deploymentId) {
		for (Deployment deployment : this.deployments.getOrDefault(apiId, List.of())) {
			if (deployment.id().equals(deploymentId)) {
				return deployment;
			}
		}
		return null;
	}

	@Override
	public synchronized void save(Deployment deployment) {
		this.deployments.computeIfAbsent(deployment.definition().id(), (id) -> new ArrayList<>()).add(deployment);
	}

	@Override
	public synchronized Map<String, StagePointer> stages(String apiId) {
		return new LinkedHashMap<>(this.stages.getOrDefault(apiId, Map.of()));
	}

	@Override
	public synchronized void point(String apiId, Map<String, StagePointer> pointers) {
		this.stages.computeIfAbsent(apiId, (id) -> new LinkedHashMap<>()).putAll(pointers);
	}

	@Override
	public synchronized Set<String> apiIds() {
		return Set.copyOf(this.deployments.keySet());
	}

	@Override
	public synchronized void delete(String apiId) {
		this.deployments.remove(apiId);
		this.stages.remove(apiId);
	}

}
