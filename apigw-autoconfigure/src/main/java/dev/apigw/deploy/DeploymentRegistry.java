package dev.apigw.deploy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

import dev.apigw.definition.InvalidApiDefinitionException.Problem;
import dev.apigw.definition.InvalidApiDefinitionException;
import dev.apigw.model.Api;
import dev.apigw.model.BasePathMapping;
import dev.apigw.model.CanarySettings;
import dev.apigw.model.DeployableApi;
import dev.apigw.model.Deployment;
import dev.apigw.model.Stage;
import dev.apigw.model.StagePointer;
import dev.apigw.model.WebSocketApi;
import dev.apigw.observe.AuditLog;
import dev.apigw.store.DeploymentStore;
import dev.apigw.store.MemoryDeploymentStore;
import dev.apigw.websocket.WebSocketStageCompiler;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * The deployments of every API and the stages pointing at them. Publishes a
 * {@link RoutingSnapshot} that requests read without locking; every change (deploy,
 * rollback, canary change, a change another instance made in a shared
 * {@link DeploymentStore}) builds a new snapshot and swaps it in. A request keeps the
 * stage runtime it started with, so no request ever mixes two deployments.
 * <p>
 * Management methods are synchronized and may block on the store: call them from
 * start-up, actuator operations or other management threads, never from an event loop.
 */
public final class DeploymentRegistry {

	private static final Log logger = LogFactory.getLog(DeploymentRegistry.class);

	private static final String SYSTEM = "system";

	private final SnapshotBuilder builder;

	private final Clock clock;

	private final DeploymentStore store;

	private final @Nullable AuditLog audit;

	private final KnownDeployments known;

	private final Map<String, DeployableApi> definitions = new LinkedHashMap<>();

	private final Set<String> configured = new HashSet<>();

	private boolean started;

	private final AtomicReference<RoutingSnapshot> snapshot = new AtomicReference<>(RoutingSnapshot.empty());

	/**
	 * Creates a registry keeping deployments in memory.
	 * @param compiler compiles stages
	 * @param mappings custom-domain style base-path mappings
	 * @param clock the clock deployments are dated by
	 */
	public DeploymentRegistry(StageCompiler compiler, List<BasePathMapping> mappings, Clock clock) {
		this(compiler, null, mappings, clock, new MemoryDeploymentStore(), null);
	}

	/**
	 * Creates a registry.
	 * @param compiler compiles REST API stages
	 * @param webSocketCompiler compiles WebSocket API stages, {@code null} when WebSocket APIs
	 * are not served
	 * @param mappings custom-domain style base-path mappings
	 * @param clock the clock deployments are dated by
	 * @param store where deployments and stage pointers live
	 * @param audit records management actions, {@code null} for none
	 */
	public DeploymentRegistry(StageCompiler compiler, @Nullable WebSocketStageCompiler webSocketCompiler,
			List<BasePathMapping> mappings, Clock clock, DeploymentStore store, @Nullable AuditLog audit) {
		this.builder = new SnapshotBuilder(compiler, webSocketCompiler, mappings);
		this.clock = clock;
		this.store = store;
		this.audit = audit;
		this.known = new KnownDeployments(store);
		store.subscribe(this::changedElsewhere);
	}

	/**
	 * Deploys every API at start-up. An API whose definition equals its latest deployment
	 * (in a shared store: deployed by another instance or an earlier run) is not deployed
	 * again, and its stages stay where they point, rollbacks included; a new or changed
	 * definition becomes a new deployment that every stage of the API points at.
	 * @param apis the APIs, REST and WebSocket (their ids are distinct)
	 * @throws InvalidApiDefinitionException when a stage does not compile, mounts collide,
	 * two APIs have the same id or a mapping names an unknown API or stage
	 */
	public synchronized void deployAll(List<? extends DeployableApi> apis) {
		Map<String, DeployableApi> definitions = new LinkedHashMap<>();
		List<Problem> duplicates = new ArrayList<>();
		for (DeployableApi api : apis) {
			DeployableApi other = definitions.putIfAbsent(api.id(), api);
			if (other != null) {
				duplicates.add(new Problem(api.source(), api.id(), null, null, "id", "API id '" + api.id()
						+ "' is also the id of " + Change.kind(other) + " (" + other.source()
						+ "); API ids are unique"));
			}
		}
		if (!duplicates.isEmpty()) {
			throw new InvalidApiDefinitionException(duplicates);
		}
		this.configured.addAll(definitions.keySet());
		// configuration wins: an API of the store defined in configuration too is the configured one
		this.known.stored(definitions.keySet()).forEach(definitions::putIfAbsent);
		Change change = change(definitions);
		for (DeployableApi api : definitions.values()) {
			List<Deployment> history = this.store.deployments(api.id());
			Deployment latest = history.isEmpty() ? null : history.get(history.size() - 1);
			if (latest != null && latest.definition().equals(api)) {
				this.known.remember(latest);
				Map<String, StagePointer> pointers = change.pointers(api.id());
				for (Stage stage : api.stages().values()) {
					if (!pointers.containsKey(stage.name())) {
						change.point(api.id(), stage.name(), Change.initialPointer(latest, stage));
					}
				}
			}
			else {
				Deployment deployment = change.create(api, "Deployed at start-up");
				api.stages().values().forEach((stage) -> change.point(api.id(), stage.name(),
						Change.initialPointer(deployment, stage)));
			}
		}
		apply(change, SYSTEM, "deploy");
		this.started = true;
	}

	/**
	 * Deploys changed definitions, as after a configuration refresh: each API whose
	 * definition differs from its latest deployment gets a new deployment that its stages
	 * point at (keeping their canaries); REST APIs of the configuration no longer defined stop
	 * being served. WebSocket APIs (defined at start-up only) and APIs made through the
	 * management API are left as they are.
	 * @param apis the REST APIs as now defined
	 * @param principal who asked
	 * @return the deployments made
	 */
	public synchronized List<Deployment> refresh(List<Api> apis, String principal) {
		// REST APIs from configuration are replaced; WebSocket APIs and APIs made at run time stay
		Set<String> replaced = new HashSet<>(this.configured);
		replaced.removeIf((apiId) -> this.definitions.get(apiId) instanceof WebSocketApi);
		Map<String, DeployableApi> definitions = new LinkedHashMap<>(this.definitions);
		definitions.keySet().removeAll(replaced);
		apis.forEach((api) -> definitions.put(api.id(), api));
		Change change = change(definitions);
		for (Api api : apis) {
			List<Deployment> history = this.store.deployments(api.id());
			Deployment latest = history.isEmpty() ? null : history.get(history.size() - 1);
			if (latest == null || !latest.definition().equals(api)) {
				change.deploy(api, null, "Configuration refresh", null);
			}
		}
		apply(change, principal, "deploy");
		this.configured.removeAll(replaced);
		apis.forEach((api) -> this.configured.add(api.id()));
		return change.created;
	}

	/**
	 * Deploys an API's definition: a new deployment that one stage (or every stage) points
	 * at, or, with canary settings, that becomes the stage's canary.
	 * @param api the definition to deploy
	 * @param stage the stage, {@code null} for every stage of the definition
	 * @param description the deployment's description
	 * @param canary canary settings to deploy as the stage's canary, {@code null} to deploy
	 * to the stage itself
	 * @param principal who asked
	 * @return the deployment
	 * @throws IllegalArgumentException when the stage is unknown or the definition does not
	 * deploy
	 */
	public synchronized Deployment deploy(DeployableApi api, @Nullable String stage, @Nullable String description,
			@Nullable CanarySettings canary, String principal) {
		DeployableApi current = this.definitions.get(api.id());
		if (current != null && current.getClass() != api.getClass()) {
			throw new IllegalArgumentException("API '" + api.id() + "' is " + Change.kind(current)
					+ "; it cannot be deployed as " + Change.kind(api));
		}
		Map<String, DeployableApi> definitions = new LinkedHashMap<>(this.definitions);
		definitions.put(api.id(), api);
		Change change = change(definitions);
		Deployment deployment = change.deploy(api, stage, description, canary);
		apply(change, principal, (canary != null) ? "deploy-canary" : "deploy");
		return deployment;
	}

	/**
	 * Points a stage at an earlier (or any other) deployment of its API.
	 * @param apiId the API id
	 * @param stage the stage
	 * @param deploymentId the deployment
	 * @param principal who asked
	 * @throws IllegalArgumentException when the API, stage or deployment is unknown
	 */
	public synchronized void rollback(String apiId, String stage, String deploymentId, String principal) {
		Change change = change(this.definitions);
		StagePointer pointer = change.existing(apiId, stage);
		this.known.require(apiId, stage, deploymentId);
		change.point(apiId, stage, pointer.withDeployment(deploymentId));
		change.details.put("from", pointer.deploymentId());
		apply(change, principal, "rollback");
	}

	/**
	 * Creates or changes a stage's canary.
	 * @param apiId the API id
	 * @param stage the stage
	 * @param deploymentId the canary deployment, {@code null} to keep the canary's (or, for a
	 * new canary, to use the stage's own)
	 * @param percentTraffic the share of requests, {@code null} to keep it (0 for a new canary)
	 * @param overrides the stage variable overrides, {@code null} to keep them
	 * @param useStageCache whether canary requests share the stage cache, {@code null} to keep it
	 * @param principal who asked
	 */
	public synchronized void canary(String apiId, String stage, @Nullable String deploymentId,
			@Nullable Double percentTraffic, @Nullable Map<String, String> overrides, @Nullable Boolean useStageCache,
			String principal) {
		Change change = change(this.definitions);
		StagePointer pointer = change.existing(apiId, stage);
		Change.requireRest(change.definition(apiId));
		StagePointer.Canary existing = pointer.canary();
		String id = (deploymentId != null) ? deploymentId
				: (existing != null) ? existing.deploymentId() : pointer.deploymentId();
		this.known.require(apiId, stage, id);
		double percent = (percentTraffic != null) ? percentTraffic : (existing != null) ? existing.percentTraffic() : 0;
		Change.checkPercent(percent);
		StagePointer.Canary canary = new StagePointer.Canary(id, percent,
				(overrides != null) ? overrides : (existing != null) ? existing.stageVariableOverrides() : Map.of(),
				(useStageCache != null) ? useStageCache : existing != null && existing.useStageCache());
		change.point(apiId, stage, pointer.withCanary(canary));
		change.details.put("percentTraffic", percent);
		apply(change, principal, "canary-update");
	}

	/**
	 * Promotes a stage's canary: the stage points at the canary deployment, and the canary
	 * is removed.
	 * @param apiId the API id
	 * @param stage the stage
	 * @param principal who asked
	 */
	public synchronized void promoteCanary(String apiId, String stage, String principal) {
		Change change = change(this.definitions);
		StagePointer pointer = change.existing(apiId, stage);
		if (pointer.canary() == null) {
			throw new IllegalArgumentException("Stage '" + stage + "' of API '" + apiId + "' has no canary");
		}
		change.point(apiId, stage, new StagePointer(pointer.canary().deploymentId(), null));
		change.details.put("from", pointer.deploymentId());
		apply(change, principal, "canary-promote");
	}

	/**
	 * Removes a stage's canary; all requests go to the stage's deployment again.
	 * @param apiId the API id
	 * @param stage the stage
	 * @param principal who asked
	 */
	public synchronized void cancelCanary(String apiId, String stage, String principal) {
		Change change = change(this.definitions);
		StagePointer pointer = change.existing(apiId, stage);
		if (pointer.canary() == null) {
			throw new IllegalArgumentException("Stage '" + stage + "' of API '" + apiId + "' has no canary");
		}
		change.point(apiId, stage, pointer.withCanary(null));
		apply(change, principal, "canary-cancel");
	}

	/**
	 * Adds a REST API that has no deployment yet, as an import through the management API
	 * makes: it is listed with the definitions and deploys like any other. It is compiled
	 * now as its deployments will be (with a stage of no variables when it has none), so
	 * that a definition the gateway cannot serve is refused before anything refers to it.
	 * @param api the definition
	 * @param principal who asked
	 * @throws InvalidApiDefinitionException when the definition does not compile
	 * @throws IllegalArgumentException when the id is taken
	 */
	public synchronized void define(Api api, String principal) {
		if (this.definitions.containsKey(api.id())) {
			throw new IllegalArgumentException("API id '" + api.id() + "' is taken");
		}
		this.builder.check(api, this.clock.instant());
		this.definitions.put(api.id(), api);
		if (this.audit != null) {
			this.audit.record(principal, "define", Map.of("apiId", api.id()));
		}
	}

	/**
	 * Removes an API: its stages stop being served on this instance. Its deployments stay
	 * in the store, as after a configuration refresh that drops an API.
	 * @param apiId the API id
	 * @param principal who asked
	 * @throws IllegalArgumentException when the API is unknown
	 */
	public synchronized void remove(String apiId, String principal) {
		Map<String, DeployableApi> definitions = new LinkedHashMap<>(this.definitions);
		if (definitions.remove(apiId) == null) {
			throw new IllegalArgumentException("Invalid API identifier specified: no API '" + apiId + "'");
		}
		apply(change(definitions), principal, "delete");
		this.store.delete(apiId);
		this.store.publish(apiId);
		if (this.audit != null) {
			this.audit.record(principal, "delete", Map.of("apiId", apiId));
		}
	}

	/**
	 * Deploys a stage again with changed settings (its variables, say): a new deployment of
	 * the definition the stage serves now, with the stage changed, that the stage points at,
	 * keeping its canary. The API's definition takes the changed stage too, so that its
	 * next deployment keeps the change.
	 * @param apiId the API id
	 * @param stage the stage
	 * @param update changes the stage
	 * @param description the deployment's description
	 * @param principal who asked
	 * @return the deployment
	 * @throws IllegalArgumentException when the API or stage is unknown, the API is a
	 * WebSocket API or the changed stage does not deploy
	 */
	public synchronized Deployment redeploy(String apiId, String stage, UnaryOperator<Stage> update,
			@Nullable String description, String principal) {
		Change change = change(this.definitions);
		StagePointer pointer = change.existing(apiId, stage);
		Change.requireRest(change.definition(apiId));
		Deployment current = this.known.find(apiId, pointer.deploymentId());
		if (current == null) {
			throw new IllegalArgumentException("Deployment id does not exist");
		}
		Api served = current.api();
		Stage changed = update.apply(served.stages().get(stage));
		Api definition = (Api) change.definition(apiId);
		change.definitions.put(apiId, definition.toBuilder().stage(changed).build());
		Deployment deployment = change.create(served.toBuilder().stage(changed).build(), description);
		change.point(apiId, stage, pointer.withDeployment(deployment.id()));
		apply(change, principal, "deploy");
		return deployment;
	}

	/**
	 * What the gateway routes by now.
	 * @return the current snapshot
	 */
	public RoutingSnapshot snapshot() {
		return this.snapshot.get();
	}

	/**
	 * The deployments of an API, oldest first.
	 * @param apiId the API id
	 * @return the deployments
	 */
	public synchronized List<Deployment> deployments(String apiId) {
		return this.store.deployments(apiId);
	}

	/**
	 * Where the stages of an API point.
	 * @param apiId the API id
	 * @return stage name to pointer
	 */
	public synchronized Map<String, StagePointer> stages(String apiId) {
		Map<String, StagePointer> pointers = this.store.stages(apiId);
		DeployableApi definition = this.definitions.get(apiId);
		if (definition != null) {
			pointers.keySet().retainAll(definition.stages().keySet());
		}
		return pointers;
	}

	/**
	 * The APIs served, REST and WebSocket.
	 * @return API id to the definition this instance loaded
	 */
	public synchronized Map<String, DeployableApi> definitions() {
		return Map.copyOf(this.definitions);
	}

	/**
	 * Another instance changed an API's stages ({@code *}: any API, as after the store was
	 * unreachable): serve what the store now says. An API this instance does not know yet
	 * (deployed on another instance through the management API) is served with the
	 * definition of its latest deployment.
	 */
	private synchronized void changedElsewhere(String apiId) {
		if (!this.started || (!"*".equals(apiId) && !this.definitions.containsKey(apiId) && !adopt(apiId))) {
			return;
		}
		if ("*".equals(apiId)) {
			// the change channel (re)connected: changes may have been missed, adoptions and deletes too
			this.known.stored(this.definitions.keySet()).forEach(this.definitions::putIfAbsent);
			this.definitions.keySet()
				.removeIf((id) -> !this.configured.contains(id) && this.known.latest(id) == null);
		}
		else if (this.known.latest(apiId) == null) {
			this.definitions.remove(apiId); // deleted on another instance
		}
		try {
			Change change = change(this.definitions);
			SnapshotBuilder.Built built = build(change);
			this.builder.commit(built);
			this.snapshot.set(built.snapshot());
			if (!"*".equals(apiId)) {
				logger.info("Stages of API '" + apiId + "' changed on another instance; now serving "
						+ Change.describe(stages(apiId)));
			}
		}
		catch (RuntimeException ex) {
			logger.error("Could not apply the change another instance made to API '" + apiId + "'", ex);
		}
	}

	private boolean adopt(String apiId) {
		Deployment latest = this.known.latest(apiId);
		if (latest == null) {
			return false;
		}
		this.definitions.put(apiId, latest.definition());
		return true;
	}

	private void apply(Change change, String principal, String action) {
		SnapshotBuilder.Built built;
		try {
			built = build(change);
		}
		catch (InvalidApiDefinitionException ex) {
			if (this.snapshot.get().stages().isEmpty() && this.definitions.isEmpty()) {
				throw ex;
			}
			throw new IllegalArgumentException(ex.getMessage(), ex);
		}
		change.created.forEach(this.store::save);
		change.pointers.forEach((apiId, pointers) -> {
			Map<String, StagePointer> changed = change.changed.get(apiId);
			if (changed != null && !changed.isEmpty()) {
				this.store.point(apiId, changed);
			}
		});
		this.definitions.clear();
		this.definitions.putAll(change.definitions);
		this.builder.commit(built);
		this.snapshot.set(built.snapshot());
		change.changed.keySet().forEach(this.store::publish);
		if (this.audit != null) {
			change.record(this.audit, principal, action);
		}
	}

	private SnapshotBuilder.Built build(Change change) {
		return this.builder.build(change.definitions, change.pointers,
				(apiId, id) -> (change.byId.containsKey(id)) ? change.byId.get(id) : this.known.find(apiId, id));
	}


	private Change change(Map<String, ? extends DeployableApi> definitions) {
		return new Change(definitions, this.store, this.clock, this.known::remember);
	}


}
