package dev.apigw.deploy;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.apigw.cache.CacheMetrics;
import dev.apigw.cache.CacheProperties;
import dev.apigw.cache.CacheStoreFilter;
import dev.apigw.cache.ConfiguredInvalidationPolicy;
import dev.apigw.cache.ResponseCacheFilter;
import dev.apigw.model.Api;
import dev.apigw.model.CacheClusterSettings;
import dev.apigw.model.Deployment;
import dev.apigw.model.Integration;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.Method;
import dev.apigw.model.Resource;
import dev.apigw.model.Stage;
import dev.apigw.pipeline.PipelineFilter;
import dev.apigw.routing.DeployedStage;
import dev.apigw.routing.GatewayEnvironment;
import dev.apigw.store.MemoryResponseCacheStore;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.web.server.ServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stage's route holds the pipeline phases that can act on it, decided per deployment.
 */
class StageCompilerTests {

	private final MemoryResponseCacheStore store = new MemoryResponseCacheStore(Clock.systemUTC());

	private final ResponseCacheFilter lookup = new ResponseCacheFilter(this.store,
			new ConfiguredInvalidationPolicy(new CacheProperties.Invalidation()), CacheMetrics.NONE);

	private final CacheStoreFilter storing = new CacheStoreFilter(this.store, 1024);

	private final PipelineFilter always = new PipelineFilter() {

		@Override
		public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
			return chain.filter(exchange);
		}

		@Override
		public int getOrder() {
			return 0;
		}

	};

	private final StageCompiler compiler = new StageCompiler(List.of(),
			List.of(this.always, this.lookup, this.storing), List.of(), new GatewayEnvironment("us-east-1", "123456789012"),
			null);

	@Test
	void stageWithoutACacheSkipsTheCachePhases() {
		assertThat(filters(Stage.of("dev", Map.of()))).containsExactly(this.always);
	}

	@Test
	void stageWithACacheRunsThem() {
		Stage cached = Stage.builder("prod").cacheCluster(new CacheClusterSettings(true, 1024)).build();
		assertThat(filters(cached)).containsExactly(this.always, this.lookup, this.storing);
	}

	private List<GatewayFilter> filters(Stage stage) {
		Api api = Api.builder("pets")
			.resource(Resource.of("/pets",
					Method.builder("GET").integration(Integration.builder(IntegrationType.MOCK).build()).build()))
			.stage(stage)
			.build();
		DeployedStage runtime = this.compiler.compile(new Deployment("d1", Instant.EPOCH, null, api), stage);
		return runtime.route().getFilters();
	}

}
