package dev.apigw.samples.benchmark;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.apigw.deploy.StageCompiler;
import dev.apigw.model.Api;
import dev.apigw.model.Deployment;
import dev.apigw.model.Integration;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.Method;
import dev.apigw.model.Resource;
import dev.apigw.model.ResourceTree;
import dev.apigw.model.Stage;
import dev.apigw.routing.DeployedStage;
import dev.apigw.routing.GatewayEnvironment;
import dev.apigw.routing.MethodRuntime;
import dev.apigw.routing.Mount;
import dev.apigw.routing.MountTable;
import dev.apigw.routing.ResourceRuntime;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Route resolution as every request does it: mount lookup, resource tree walk, method
 * lookup, for an API with one method and one with 3,000 methods (request hitting the first
 * or the last defined resource).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RouteResolutionBenchmark {

	@Param({ "1", "3000" })
	public int methods;

	@Param({ "first", "last" })
	public String target;

	private MountTable<Mount> mounts;

	private String path;

	@Setup(Level.Trial)
	public void setUp() {
		Api.Builder api = Api.builder("bench").stage(Stage.of("live", Map.of()));
		for (int i = 0; i < this.methods; i++) {
			api.resource(Resource.of("/resource" + i + "/{id}", Method.builder("GET")
				.integration(Integration.builder(IntegrationType.MOCK).build())
				.build()));
		}
		Api built = api.build();
		StageCompiler compiler = new StageCompiler(List.of(), List.of(),
				new GatewayEnvironment("us-east-1", "123456789012"), null);
		DeployedStage stage = compiler.compile(new Deployment("d1", Instant.EPOCH, null, built), built.stages().get("live"));
		this.mounts = MountTable.<Mount>builder().mount(null, "/bench/live", new Mount(stage, true)).build();
		int index = "first".equals(this.target) ? 0 : this.methods - 1;
		this.path = "/bench/live/resource" + index + "/42";
	}

	@Benchmark
	public MethodRuntime resolve() {
		MountTable.Mounted<Mount> mounted = this.mounts.match("localhost", this.path);
		ResourceTree.Match<ResourceRuntime> match = mounted.target().stage().resources().match(mounted.remainingPath());
		return match.resource().method("GET");
	}

}
