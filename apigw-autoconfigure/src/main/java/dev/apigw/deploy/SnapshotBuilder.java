package dev.apigw.deploy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;

import dev.apigw.definition.InvalidApiDefinitionException.Problem;
import dev.apigw.definition.InvalidApiDefinitionException;
import dev.apigw.model.Api;
import dev.apigw.model.BasePathMapping;
import dev.apigw.model.DeployableApi;
import dev.apigw.model.Deployment;
import dev.apigw.model.Stage;
import dev.apigw.model.StagePointer;
import dev.apigw.routing.DeployedStage;
import dev.apigw.routing.Mount;
import dev.apigw.routing.MountTable;
import dev.apigw.routing.StageRuntime;
import dev.apigw.websocket.WebSocketDeployments;
import dev.apigw.websocket.WebSocketStage;
import dev.apigw.websocket.WebSocketStageCompiler;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Builds {@link RoutingSnapshot}s from the served APIs (REST and WebSocket) and where
 * their stages point, compiling each (deployment, stage) once: a stage runtime is reused by every later
 * snapshot for as long as its stage keeps pointing at the same deployment.
 */
final class SnapshotBuilder {

	private static final Log logger = LogFactory.getLog(SnapshotBuilder.class);

	private final StageCompiler compiler;

	private final @Nullable WebSocketStageCompiler webSocketCompiler;

	private final List<BasePathMapping> mappings;

	private Map<String, DeployedStage> compiled = new HashMap<>();

	private Map<String, WebSocketStage> compiledWebSockets = new HashMap<>();

	SnapshotBuilder(StageCompiler compiler, @Nullable WebSocketStageCompiler webSocketCompiler,
			List<BasePathMapping> mappings) {
		this.compiler = compiler;
		this.webSocketCompiler = webSocketCompiler;
		this.mappings = List.copyOf(mappings);
	}

	/**
	 * Builds a snapshot; keeps what it compiled only when {@link #commit} is called.
	 * @param definitions the served APIs, REST and WebSocket (their stages are the stages
	 * served)
	 * @param pointers API id to stage name to pointer
	 * @param deployments looks a deployment up by API id and deployment id
	 * @return the snapshot and its compiled runtimes
	 * @throws InvalidApiDefinitionException when a deployment does not compile or mounts
	 * collide
	 */
	Built build(Map<String, DeployableApi> definitions, Map<String, Map<String, StagePointer>> pointers,
			BiFunction<String, String, @Nullable Deployment> deployments) {
		Map<String, DeployedStage> runtimes = new HashMap<>();
		Map<String, WebSocketStage> webSocketRuntimes = new HashMap<>();
		Map<String, Mount> byKey = new LinkedHashMap<>();
		MountTable.Builder<Mount> mounts = MountTable.builder();
		Map<String, WebSocketStage> webSockets = new LinkedHashMap<>();
		List<Problem> problems = new ArrayList<>();
		for (DeployableApi definition : definitions.values()) {
			Map<String, StagePointer> stages = pointers.getOrDefault(definition.id(), Map.of());
			for (String stageName : definition.stages().keySet()) {
				StagePointer pointer = stages.get(stageName);
				Deployment main = (pointer != null) ? deployments.apply(definition.id(), pointer.deploymentId()) : null;
				Stage stage = (main != null) ? main.definition().stages().get(stageName) : null;
				if (main == null || stage == null) {
					logger.warn("Stage " + definition.id() + "/" + stageName + " points at no deployment with the stage ("
							+ pointer + "); it is not served");
					continue;
				}
				try {
					if (main.definition() instanceof Api) {
						DeployedStage runtime = compile(main, stage, null, runtimes);
						Mount.Canary canary = canary(definition.id(), stage, pointer.canary(), deployments, runtimes);
						Mount mount = new Mount(runtime, true, canary);
						byKey.put(definition.id() + "/" + stageName, mount);
						mount(main.definition(), stageName, (host, path) -> mounts.mount(host, path, mount), problems);
					}
					else {
						webSockets.put(definition.id() + "/" + stageName, compileWebSocket(main, stage, webSocketRuntimes));
					}
				}
				catch (InvalidApiDefinitionException ex) {
					problems.addAll(ex.getProblems());
				}
			}
		}
		mapBasePaths(byKey, mounts, problems);
		MountTable<Mount> restMounts = mounts.build();
		MountTable.Builder<WebSocketStage> webSocketMounts = MountTable.builder();
		for (WebSocketStage stage : webSockets.values()) {
			mount(stage.api(), stage.stage().name(), (host, path) -> {
				MountTable.Mounted<Mount> rest = restMounts.match(host, path);
				if (rest != null && rest.remainingPath().isEmpty() && rest.mountPath().equals(path)) {
					throw new IllegalArgumentException(
							"A REST API is mounted at '" + path + "' too; give one of them another base-path");
				}
				webSocketMounts.mount(host, path, stage);
			}, problems);
		}
		if (!problems.isEmpty()) {
			// a problem of the API itself is found once per stage that serves it
			throw new InvalidApiDefinitionException(problems.stream().distinct().toList());
		}
		List<StageRuntime> served = byKey.values().stream().map(Mount::stage).toList();
		return new Built(new RoutingSnapshot(restMounts, served,
				new WebSocketDeployments(webSocketMounts.build(), List.copyOf(webSockets.values()))), runtimes,
				webSocketRuntimes);
	}

	/**
	 * Compiles every stage of a definition that is not deployed yet (one stage without
	 * variables when it has none), keeping nothing.
	 * @param api the definition
	 * @param now the time the trial deployment is dated by
	 * @throws InvalidApiDefinitionException when a stage does not compile
	 */
	void check(Api api, Instant now) {
		Api checked = api.stages().isEmpty() ? api.toBuilder().stage(Stage.of("check", Map.of())).build() : api;
		Deployment trial = new Deployment("check", now, null, checked);
		for (Stage stage : checked.stages().values()) {
			this.compiler.compile(trial, stage);
		}
	}

	/**
	 * Keeps the runtimes of a snapshot that is now served, forgetting those no stage uses.
	 * @param built the snapshot
	 */
	void commit(Built built) {
		this.compiled = built.runtimes();
		this.compiledWebSockets = built.webSocketRuntimes();
	}

	private static void mount(DeployableApi api, String stage, BiConsumer<@Nullable String, String> mounter,
			List<Problem> problems) {
		try {
			mounter.accept(api.host(), api.mountPath(stage));
		}
		catch (IllegalArgumentException ex) {
			problems.add(new Problem(api.source(), api.id(), null, null, "base-path", ex.getMessage()));
		}
	}

	private WebSocketStage compileWebSocket(Deployment deployment, Stage stage, Map<String, WebSocketStage> runtimes) {
		if (this.webSocketCompiler == null) {
			DeployableApi api = deployment.definition();
			throw new InvalidApiDefinitionException(List.of(new Problem(api.source(), api.id(), null, null, "protocol",
					"WebSocket APIs are not served (apigw.websocket is off)")));
		}
		String key = deployment.definition().id() + "/" + deployment.id() + "/" + stage.name();
		WebSocketStage runtime = this.compiledWebSockets.get(key);
		if (runtime == null || !runtime.stage().equals(stage)) {
			runtime = this.webSocketCompiler.compile(deployment, stage);
		}
		runtimes.put(key, runtime);
		return runtime;
	}

	private Mount.@Nullable Canary canary(String apiId, Stage stage, StagePointer.@Nullable Canary canary,
			BiFunction<String, String, @Nullable Deployment> deployments, Map<String, DeployedStage> runtimes) {
		if (canary == null) {
			return null;
		}
		Deployment deployment = deployments.apply(apiId, canary.deploymentId());
		if (deployment == null) {
			logger.warn("The canary of " + apiId + "/" + stage.name() + " points at no deployment (" + canary
					+ "); it is not served");
			return null;
		}
		Stage canaryStage = deployment.definition().stages().getOrDefault(stage.name(), stage)
			.withVariableOverrides(canary.stageVariableOverrides());
		DeployedStage runtime = compile(deployment, canaryStage, canary.stageVariableOverrides(), runtimes);
		return new Mount.Canary(runtime, canary.percentTraffic(), canary.useStageCache());
	}

	private DeployedStage compile(Deployment deployment, Stage stage, @Nullable Map<String, String> canaryOverrides,
			Map<String, DeployedStage> runtimes) {
		String key = deployment.definition().id() + "/" + deployment.id() + "/" + stage.name()
				+ ((canaryOverrides != null) ? " canary " + canaryOverrides : "");
		DeployedStage runtime = runtimes.get(key);
		if (runtime == null) {
			runtime = this.compiled.get(key);
			if (runtime == null || !runtime.stage().stage().equals(stage)) {
				runtime = this.compiler.compile(deployment, stage);
			}
			runtimes.put(key, runtime);
		}
		return runtime;
	}

	private void mapBasePaths(Map<String, Mount> byKey, MountTable.Builder<Mount> mounts,
			List<Problem> problems) {
		for (int i = 0; i < this.mappings.size(); i++) {
			BasePathMapping mapping = this.mappings.get(i);
			String field = "apigw.base-path-mappings[" + i + "]";
			Mount mount = byKey.get(mapping.apiId() + "/" + mapping.stage());
			if (mount == null) {
				problems.add(new Problem("application properties", mapping.apiId(), null, null, field,
						"No API '" + mapping.apiId() + "' with stage '" + mapping.stage() + "' to map"));
				continue;
			}
			try {
				mounts.mount(mapping.host(), mapping.basePath(), new Mount(mount.deployed(), false, mount.canary()));
			}
			catch (IllegalArgumentException ex) {
				problems.add(new Problem("application properties", mapping.apiId(), null, null, field, ex.getMessage()));
			}
		}
	}

	/**
	 * A snapshot and the runtimes compiled for it.
	 *
	 * @param snapshot the snapshot
	 * @param runtimes compile key to REST API stage runtime
	 * @param webSocketRuntimes compile key to WebSocket API stage runtime
	 */
	record Built(RoutingSnapshot snapshot, Map<String, DeployedStage> runtimes,
			Map<String, WebSocketStage> webSocketRuntimes) {

	}

}
