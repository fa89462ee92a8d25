package dev.apigw.deploy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import dev.apigw.model.DeployableApi;
import dev.apigw.model.Deployment;
import dev.apigw.model.StagePointer;
import dev.apigw.store.DeploymentStore;
import org.jspecify.annotations.Nullable;

/**
 * A change of the {@link DeploymentRegistry} being prepared: new deployments and stage
 * pointers over the store's state, applied only once the snapshot they make compiles.
 */
final class Change {

	final Map<String, DeployableApi> definitions;

	final Map<String, Map<String, StagePointer>> pointers = new LinkedHashMap<>();

	final Map<String, Map<String, StagePointer>> changed = new LinkedHashMap<>();

	final List<Deployment> created = new ArrayList<>();

	final Map<String, Deployment> byId = new HashMap<>();

	final Map<String, Object> details = new LinkedHashMap<>();

	private final Clock clock;

	private final Consumer<Deployment> remember;

	Change(Map<String, ? extends DeployableApi> definitions, DeploymentStore store, Clock clock,
			Consumer<Deployment> remember) {
		this.definitions = new LinkedHashMap<>(definitions);
		this.clock = clock;
		this.remember = remember;
		for (String apiId : this.definitions.keySet()) {
			this.pointers.put(apiId, store.stages(apiId));
		}
	}

	Map<String, StagePointer> pointers(String apiId) {
		return this.pointers.computeIfAbsent(apiId, (id) -> new LinkedHashMap<>());
	}

	DeployableApi definition(String apiId) {
		DeployableApi definition = this.definitions.get(apiId);
		if (definition == null) {
			throw new IllegalArgumentException("Invalid API identifier specified: no API '" + apiId + "'");
		}
		return definition;
	}

	StagePointer existing(String apiId, String stage) {
		DeployableApi definition = definition(apiId);
		StagePointer pointer = pointers(apiId).get(stage);
		if (pointer == null || !definition.stages().containsKey(stage)) {
			throw new IllegalArgumentException("Invalid stage identifier specified: API '" + apiId
					+ "' has no stage '" + stage + "'");
		}
		return pointer;
	}

	Deployment create(DeployableApi api, @Nullable String description) {
		Deployment deployment = new Deployment(Ids.random(6), this.clock.instant(), description, api);
		this.created.add(deployment);
		this.byId.put(deployment.id(), deployment);
		this.remember.accept(deployment);
		return deployment;
	}

	void point(String apiId, String stage, StagePointer pointer) {
		pointers(apiId).put(stage, pointer);
		this.changed.computeIfAbsent(apiId, (id) -> new LinkedHashMap<>()).put(stage, pointer);
	}

}
