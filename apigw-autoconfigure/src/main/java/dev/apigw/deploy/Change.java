package dev.apigw.deploy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import dev.apigw.model.Api;
import dev.apigw.model.CanarySettings;
import dev.apigw.model.DeployableApi;
import dev.apigw.model.Deployment;
import dev.apigw.model.Stage;
import dev.apigw.model.StagePointer;
import dev.apigw.observe.AuditLog;
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

	/**
	 * Deploys a definition to one stage (or every stage of it), or as a stage's canary.
	 * @throws IllegalArgumentException when the stage or the canary settings are wrong
	 */
	Deployment deploy(DeployableApi api, @Nullable String stageName, @Nullable String description,
			@Nullable CanarySettings canary) {
		if (stageName != null && !api.stages().containsKey(stageName)) {
			throw new IllegalArgumentException("Invalid stage identifier specified: API '" + api.id()
					+ "' has no stage '" + stageName + "'");
		}
		Map<String, StagePointer> pointers = this.pointers(api.id());
		if (canary != null) {
			if (stageName == null) {
				throw new IllegalArgumentException("Invalid deployment content specified.Non null and non empty stageName "
						+ "must be provided for canary deployment. Provided value is null");
			}
			if (!pointers.containsKey(stageName)) {
				throw new IllegalArgumentException("Invalid deployment content specified.Stage " + stageName
						+ " must already be created before making a canary release deployment");
			}
			checkPercent(canary.percentTraffic());
			requireRest(api);
		}
		Deployment deployment = this.create(api, description);
		for (Stage stage : api.stages().values()) {
			if (stageName != null && !stageName.equals(stage.name())) {
				continue;
			}
			StagePointer existing = pointers.get(stage.name());
			StagePointer pointer;
			if (canary != null) {
				pointer = existing.withCanary(new StagePointer.Canary(deployment.id(), canary.percentTraffic(),
						canary.stageVariableOverrides(), canary.useStageCache()));
			}
			else {
				pointer = (existing != null) ? existing.withDeployment(deployment.id())
						: initialPointer(deployment, stage);
			}
			this.point(api.id(), stage.name(), pointer);
		}
		return deployment;
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

	/**
	 * Records the change in the audit log: one entry per stage it points.
	 */
	void record(AuditLog audit, String principal, String action) {
		this.changed.forEach((apiId, pointers) -> pointers.forEach((stage, pointer) -> {
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("apiId", apiId);
			details.put("stage", stage);
			details.put("deploymentId", pointer.deploymentId());
			if (pointer.canary() != null) {
				details.put("canaryDeploymentId", pointer.canary().deploymentId());
			}
			details.putAll(this.details);
			this.created.stream()
				.filter((created) -> created.definition().id().equals(apiId))
				.findFirst()
				.ifPresent((created) -> details.put("description", created.description()));
			audit.record(principal, action, details);
		}));
	}

	/** AWS has canary releases for REST APIs only; a WebSocket API's stage has none. */
	static void requireRest(DeployableApi api) {
		if (!(api instanceof Api)) {
			throw new IllegalArgumentException("Canary settings are supported for REST APIs only; API '" + api.id()
					+ "' is a WebSocket API");
		}
	}

	static String kind(DeployableApi api) {
		return (api instanceof Api) ? "a REST API" : "a WebSocket API";
	}

	static void checkPercent(double percent) {
		if (!(percent >= 0 && percent <= 100)) {
			throw new IllegalArgumentException("percentTraffic must be between 0 and 100");
		}
	}

	static StagePointer initialPointer(Deployment deployment, Stage stage) {
		CanarySettings settings = stage.canarySettings();
		StagePointer.Canary canary = (settings != null) ? new StagePointer.Canary(deployment.id(),
				settings.percentTraffic(), settings.stageVariableOverrides(), settings.useStageCache()) : null;
		return new StagePointer(deployment.id(), canary);
	}

	/**
	 * Says where stages point, for the log.
	 * @param pointers stage name to pointer
	 * @return {@code {stage=deployment (canary deployment), ...}}
	 */
	static String describe(Map<String, StagePointer> pointers) {
		Map<String, String> described = new LinkedHashMap<>();
		pointers.forEach((stage, pointer) -> described.put(stage, pointer.deploymentId()
				+ ((pointer.canary() != null) ? " (canary " + pointer.canary().deploymentId() + ")" : "")));
		return described.toString();
	}

}
