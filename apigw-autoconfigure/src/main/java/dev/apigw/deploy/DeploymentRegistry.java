package dev.apigw.deploy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import dev.apigw.definition.InvalidApiDefinitionException;
import dev.apigw.definition.InvalidApiDefinitionException.Problem;
import dev.apigw.model.Api;
import dev.apigw.model.BasePathMapping;
import dev.apigw.model.Stage;
import dev.apigw.routing.Mount;
import dev.apigw.routing.MountTable;
import dev.apigw.routing.StageRuntime;

/**
 * The deployments of every API and the stages pointing at them. Publishes a
 * {@link RoutingSnapshot} that requests read without locking; every change builds a new
 * snapshot and swaps it in.
 */
public final class DeploymentRegistry {

	private final StageCompiler compiler;

	private final List<BasePathMapping> mappings;

	private final Clock clock;

	private final Map<String, List<Deployment>> deployments = new LinkedHashMap<>();

	private final AtomicReference<RoutingSnapshot> snapshot = new AtomicReference<>(
			new RoutingSnapshot(MountTable.<Mount>builder().build(), List.of()));

	/**
	 * Creates a registry.
	 * @param compiler compiles stages
	 * @param mappings custom-domain style base-path mappings
	 * @param clock the clock deployments are dated by
	 */
	public DeploymentRegistry(StageCompiler compiler, List<BasePathMapping> mappings, Clock clock) {
		this.compiler = compiler;
		this.mappings = List.copyOf(mappings);
		this.clock = clock;
	}

	/**
	 * Deploys every API to all of its stages, replacing what was served.
	 * @param apis the APIs
	 * @throws InvalidApiDefinitionException when mounts collide or a mapping names an
	 * unknown API or stage
	 */
	public synchronized void deployAll(List<Api> apis) {
		Map<String, StageRuntime> byKey = new LinkedHashMap<>();
		MountTable.Builder<Mount> mounts = MountTable.builder();
		List<Problem> problems = new ArrayList<>();
		for (Api api : apis) {
			Deployment deployment = new Deployment(Ids.random(6), this.clock.instant(), "Deployed at start-up", api);
			this.deployments.computeIfAbsent(api.id(), (id) -> new ArrayList<>()).add(deployment);
			String basePath = (api.basePath() != null) ? api.basePath() : "/" + api.id();
			for (Stage stage : api.stages().values()) {
				StageRuntime runtime;
				try {
					runtime = this.compiler.compile(deployment, stage);
				}
				catch (InvalidApiDefinitionException ex) {
					problems.addAll(ex.getProblems());
					break;
				}
				byKey.put(api.id() + "/" + stage.name(), runtime);
				String mountPath = (basePath.endsWith("/") ? basePath : basePath + "/") + stage.name();
				try {
					mounts.mount(api.host(), mountPath, new Mount(runtime, true));
				}
				catch (IllegalArgumentException ex) {
					problems.add(new Problem(api.source(), api.id(), null, null, "base-path", ex.getMessage()));
				}
			}
		}
		for (int i = 0; i < this.mappings.size(); i++) {
			BasePathMapping mapping = this.mappings.get(i);
			String field = "apigw.base-path-mappings[" + i + "]";
			StageRuntime runtime = byKey.get(mapping.apiId() + "/" + mapping.stage());
			if (runtime == null) {
				problems.add(new Problem("application properties", mapping.apiId(), null, null, field,
						"No API '" + mapping.apiId() + "' with stage '" + mapping.stage() + "' to map"));
				continue;
			}
			try {
				mounts.mount(mapping.host(), mapping.basePath(), new Mount(runtime, false));
			}
			catch (IllegalArgumentException ex) {
				problems.add(new Problem("application properties", mapping.apiId(), null, null, field, ex.getMessage()));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidApiDefinitionException(problems);
		}
		this.snapshot.set(new RoutingSnapshot(mounts.build(), List.copyOf(byKey.values())));
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
		return List.copyOf(this.deployments.getOrDefault(apiId, List.of()));
	}

}
