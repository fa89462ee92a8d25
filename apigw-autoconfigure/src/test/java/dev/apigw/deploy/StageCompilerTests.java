package dev.apigw.deploy;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.apigw.cache.CacheMetrics;
import dev.apigw.cache.CacheProperties;
import dev.apigw.cache.CacheStoreFilter;
import dev.apigw.cache.ConfiguredInvalidationPolicy;
import dev.apigw.cache.ResponseCacheFilter;
import dev.apigw.definition.InvalidApiDefinitionException;
import dev.apigw.definition.Problems;
import dev.apigw.model.Api;
import dev.apigw.model.CacheClusterSettings;
import dev.apigw.model.Deployment;
import dev.apigw.model.Integration;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.Method;
import dev.apigw.model.MethodSettings;
import dev.apigw.model.Resource;
import dev.apigw.model.Stage;
import dev.apigw.pipeline.FilterOrders;
import dev.apigw.pipeline.PipelinePhase;
import dev.apigw.pipeline.StageFilteringWebHandler;
import dev.apigw.routing.DeployedStage;
import dev.apigw.routing.GatewayEnvironment;
import dev.apigw.routing.StageRuntime;
import dev.apigw.store.MemoryResponseCacheStore;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Every deployment compiles each pipeline phase for the stage: a stage's route holds the
 * filters the phases returned for it (none for a phase with nothing to do), they run in the
 * order of their phases, and every problem a phase reports fails the compile in one message.
 */
class StageCompilerTests {

	private static final GatewayEnvironment ENVIRONMENT = new GatewayEnvironment("us-east-1", "123456789012");

	private final MemoryResponseCacheStore store = new MemoryResponseCacheStore(Clock.systemUTC());

	private final ResponseCacheFilter lookup = new ResponseCacheFilter(this.store,
			new ConfiguredInvalidationPolicy(new CacheProperties.Invalidation()), CacheMetrics.NONE);

	private final CacheStoreFilter storing = new CacheStoreFilter(this.store, 1024);

	private final List<String> ran = new ArrayList<>();

	@Test
	void aStageWithoutACacheGetsNoCacheFiltersAndOneWithACachedMethodGetsBoth() {
		StageCompiler compiler = compiler(List.of(this.lookup, this.storing));
		assertThat(orders(compiler, Stage.of("dev", Map.of()))).isEmpty();
		Stage uncached = Stage.builder("dev").cacheCluster(new CacheClusterSettings(true, 1024)).build();
		assertThat(orders(compiler, uncached)).isEmpty();
		Stage cached = Stage.builder("prod")
			.cacheCluster(new CacheClusterSettings(true, 1024))
			.methodSettings(Stage.ALL_METHODS, new MethodSettings(null, null, true, null, null, null))
			.build();
		assertThat(orders(compiler, cached)).containsExactlyInAnyOrder(FilterOrders.CACHE_STORE, FilterOrders.CACHE);
	}

	@Test
	void phasesWithNothingToDoForAStageAreLeftOutOfItsRoute() {
		StageCompiler compiler = compiler(List.of(new Recording("first", 1, true), new Recording("none", 2, false),
				new Recording("third", 3, true)));
		assertThat(orders(compiler, Stage.of("dev", Map.of()))).containsExactly(1, 3);
	}

	@Test
	void filtersRunInTheOrderOfTheirPhases() {
		StageCompiler compiler = compiler(
				List.of(new Recording("thirty", 30, true), new Recording("ten", 10, true),
						new Recording("twenty", 20, true)));
		DeployedStage deployed = compile(compiler, Stage.of("dev", Map.of()));
		run(deployed.route());
		assertThat(this.ran).containsExactly("ten", "twenty", "thirty");
	}

	@Test
	void everyProblemThePhasesReportFailsTheCompileInOneMessage() {
		PipelinePhase policy = new Problematic(1, (stage, problems) -> problems.add("policy", "The policy is broken"));
		PipelinePhase authorizer = new Problematic(2, (stage, problems) -> problems.add("/pets", "GET",
				"authorizer-id", "Unknown authorizer 'nope' of stage " + stage.stageName()));
		StageCompiler compiler = compiler(List.of(policy, new Recording("fine", 3, true), authorizer));
		assertThatExceptionOfType(InvalidApiDefinitionException.class)
			.isThrownBy(() -> compile(compiler, Stage.of("dev", Map.of())))
			.withMessage("API 'pets', field 'policy' (test): The policy is broken\n"
					+ "API 'pets', resource '/pets', method GET, field 'authorizer-id' (test): "
					+ "Unknown authorizer 'nope' of stage dev");
	}

	private StageCompiler compiler(List<PipelinePhase> phases) {
		return new StageCompiler(phases, List.of(), ENVIRONMENT, null);
	}

	private static List<Integer> orders(StageCompiler compiler, Stage stage) {
		return compile(compiler, stage).route()
			.getFilters()
			.stream()
			.map((filter) -> ((Ordered) filter).getOrder())
			.toList();
	}

	private static DeployedStage compile(StageCompiler compiler, Stage stage) {
		Api api = Api.builder("pets")
			.source("test")
			.resource(Resource.of("/pets",
					Method.builder("GET").integration(Integration.builder(IntegrationType.MOCK).build()).build()))
			.stage(stage)
			.build();
		return compiler.compile(new Deployment("d1", Instant.EPOCH, null, api), stage);
	}

	/** Runs a request through a route's filters as the gateway's handler does. */
	private static void run(Route route) {
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/pets/dev/pets"));
		exchange.getAttributes().put(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR, route);
		new StageFilteringWebHandler(List.of()).handle(exchange).block();
	}

	/** A phase that records when its stage filter runs, or has nothing to do. */
	private final class Recording implements PipelinePhase {

		private final String name;

		private final int order;

		private final boolean applies;

		Recording(String name, int order, boolean applies) {
			this.name = name;
			this.order = order;
			this.applies = applies;
		}

		@Override
		public int getOrder() {
			return this.order;
		}

		@Override
		public @Nullable GatewayFilter compile(StageRuntime stage, Problems problems) {
			if (!this.applies) {
				return null;
			}
			return (exchange, chain) -> {
				StageCompilerTests.this.ran.add(this.name);
				return chain.filter(exchange);
			};
		}

	}

	/** A phase that reports a problem. */
	private record Problematic(int order, Reporter reporter) implements PipelinePhase {

		@Override
		public int getOrder() {
			return this.order;
		}

		@Override
		public @Nullable GatewayFilter compile(StageRuntime stage, Problems problems) {
			this.reporter.report(stage, problems);
			return (exchange, chain) -> chain.filter(exchange);
		}

	}

	@FunctionalInterface
	private interface Reporter {

		void report(StageRuntime stage, Problems problems);

	}

}
