package dev.apigw.cache;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import dev.apigw.model.Api;
import dev.apigw.model.CacheClusterSettings;
import dev.apigw.model.Integration;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.Method;
import dev.apigw.model.MethodSettings;
import dev.apigw.model.Resource;
import dev.apigw.model.Stage;
import dev.apigw.routing.ApiInvocation;
import dev.apigw.store.MemoryResponseCacheStore;
import dev.apigw.test.MutableClock;
import dev.apigw.test.StageHarness;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two cache phases compiled for a stage: the lookup chooses the entry a miss fills
 * ({@link dev.apigw.routing.Handoffs#cacheKey()}), the store phase fills it from the integration's
 * response, and the next request is answered from the cache without reaching the
 * integration, below the integration response phase.
 */
class ResponseCacheFilterTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));

	private final MemoryResponseCacheStore store = new MemoryResponseCacheStore(this.clock);

	private final ResponseCacheFilter lookupPhase = new ResponseCacheFilter(this.store,
			new ConfiguredInvalidationPolicy(new CacheProperties.Invalidation()), CacheMetrics.NONE);

	private final CacheStoreFilter storePhase = new CacheStoreFilter(this.store, 1024);

	private final StageHarness stage = StageHarness.deploy(Api.builder("shop")
		.resource(Resource.of("/pets", method("GET", List.of()), method("POST", List.of())))
		.resource(Resource.of("/pets/{petId}", method("GET", List.of("method.request.path.petId"))))
		.resource(Resource.of("/fresh", method("GET", List.of())))
		.stage(Stage.builder("dev")
			.cacheCluster(new CacheClusterSettings(true, 1024 * 1024))
			.methodSettings(Stage.ALL_METHODS, new MethodSettings(null, null, true, Duration.ofSeconds(60), null, null))
			.methodSettings("/fresh/GET",
					new MethodSettings(null, null, null, null, false, null))
			.build())
		.build(), "dev");

	private final GatewayFilter lookup = this.stage.compile(this.lookupPhase);

	private final GatewayFilter storing = this.stage.compile(this.storePhase);

	private int integrationCalls;

	private String answer = "";

	@Test
	void aMissChoosesTheEntryTheStorePhaseFillsItAndTheNextRequestIsAHit() {
		MockServerWebExchange miss = send(HttpMethod.GET, "/pets", HttpHeaders.EMPTY, "fresh 1");
		assertThat(body(miss)).isEqualTo("fresh 1");
		ApiInvocation invocation = StageHarness.invocation(miss);
		assertThat(invocation.handoffs().cacheKey()).isNotNull().contains("GET /pets");
		assertThat(invocation.handoffs().cacheTtl()).isEqualTo(Duration.ofSeconds(60));
		MockServerWebExchange hit = send(HttpMethod.GET, "/pets", HttpHeaders.EMPTY, "fresh 2");
		assertThat(this.integrationCalls).isEqualTo(1);
		assertThat(hit.getResponse().getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(body(hit)).isEqualTo("fresh 1");
		assertThat(hit.getResponse().getHeaders().getFirst("x-backend")).isEqualTo("yes");
		assertThat(hit.getResponse().getHeaders().getContentLength()).isEqualTo(7);
		assertThat(hit.getResponse().getHeaders().getFirst("x-amzn-RequestId"))
			.isEqualTo(StageHarness.invocation(hit).requestId());
		assertThat(StageHarness.invocation(hit).handoffs().cacheKey()).isNull();
	}

	@Test
	void cacheKeyParametersKeepEntriesApart() {
		assertThat(body(send(HttpMethod.GET, "/pets/1", HttpHeaders.EMPTY, "one"))).isEqualTo("one");
		assertThat(body(send(HttpMethod.GET, "/pets/2", HttpHeaders.EMPTY, "two"))).isEqualTo("two");
		assertThat(body(send(HttpMethod.GET, "/pets/1", HttpHeaders.EMPTY, "one again"))).isEqualTo("one");
		assertThat(this.integrationCalls).isEqualTo(2);
	}

	@Test
	void methodsThatAreNotCachedReachTheIntegrationEveryTime() {
		MockServerWebExchange first = send(HttpMethod.POST, "/pets", HttpHeaders.EMPTY, "created 1");
		assertThat(StageHarness.invocation(first).handoffs().cacheKey()).isNull();
		assertThat(body(send(HttpMethod.POST, "/pets", HttpHeaders.EMPTY, "created 2"))).isEqualTo("created 2");
		assertThat(this.integrationCalls).isEqualTo(2);
	}

	@Test
	void anInvalidationByACallerNotAllowedIsServedFromTheCacheWithAWarning() {
		send(HttpMethod.GET, "/pets", HttpHeaders.EMPTY, "cached");
		HttpHeaders invalidate = new HttpHeaders();
		invalidate.set(HttpHeaders.CACHE_CONTROL, "max-age=0");
		MockServerWebExchange refused = send(HttpMethod.GET, "/pets", invalidate, "fresh");
		assertThat(body(refused)).isEqualTo("cached");
		assertThat(refused.getResponse().getHeaders().getFirst(HttpHeaders.WARNING))
			.isEqualTo(ResponseCacheFilter.WARNING);
		assertThat(this.integrationCalls).isEqualTo(1);
	}

	@Test
	void anInvalidationWhereNoAuthorizationIsRequiredReplacesTheEntry() {
		send(HttpMethod.GET, "/fresh", HttpHeaders.EMPTY, "old");
		HttpHeaders invalidate = new HttpHeaders();
		invalidate.set(HttpHeaders.CACHE_CONTROL, "no-cache, max-age=0");
		assertThat(body(send(HttpMethod.GET, "/fresh", invalidate, "new"))).isEqualTo("new");
		assertThat(body(send(HttpMethod.GET, "/fresh", HttpHeaders.EMPTY, "newer"))).isEqualTo("new");
		assertThat(this.integrationCalls).isEqualTo(2);
	}

	@Test
	void aHitIsWrittenBelowTheIntegrationResponsePhase() {
		send(HttpMethod.GET, "/pets", HttpHeaders.EMPTY, "cached");
		MockServerWebExchange hit = this.stage.exchange(this.stage.request(HttpMethod.GET, "/pets").build());
		// stands in for HttpIntegrationResponseFilter, which sits between the store and the lookup
		GatewayFilterChain integrationResponse = (exchange) -> this.lookup.filter(
				exchange.mutate().response(new Shouting(exchange.getResponse())).build(), this::integration);
		StageHarness.run(this.storing, hit, integrationResponse);
		assertThat(body(hit)).isEqualTo("cached");
	}

	@Test
	void aResponseThatIsNotSuccessfulIsNotStored() {
		MockServerWebExchange failed = this.stage.exchange(this.stage.request(HttpMethod.GET, "/pets").build());
		StageHarness.run(this.storing, failed, (exchange) -> this.lookup.filter(exchange, (integration) -> {
			this.integrationCalls++;
			integration.getResponse().setStatusCode(HttpStatus.BAD_GATEWAY);
			return integration.getResponse().setComplete();
		}));
		assertThat(body(send(HttpMethod.GET, "/pets", HttpHeaders.EMPTY, "fine"))).isEqualTo("fine");
		assertThat(this.integrationCalls).isEqualTo(2);
	}

	@Test
	void stagesWhoseMethodsAreNotCachedRunNeitherPhase() {
		StageHarness uncached = StageHarness.deploy(Api.builder("shop")
			.resource(Resource.of("/pets", method("GET", List.of())))
			.stage(Stage.builder("dev").cacheCluster(new CacheClusterSettings(true, 1024)).build())
			.build(), "dev");
		assertThat(uncached.compile(this.lookupPhase)).isNull();
		assertThat(uncached.compile(this.storePhase)).isNull();
		StageHarness noCache = StageHarness.deploy(Api.builder("shop")
			.resource(Resource.of("/pets", method("GET", List.of())))
			.stage(Stage.builder("dev")
				.methodSettings(Stage.ALL_METHODS, new MethodSettings(null, null, true, null, null, null))
				.build())
			.build(), "dev");
		assertThat(noCache.compile(this.lookupPhase)).isNull();
		assertThat(noCache.compile(this.storePhase)).isNull();
	}

	/** Runs a request through the store phase, the lookup and, on a miss, the integration. */
	private MockServerWebExchange send(HttpMethod method, String path, HttpHeaders headers, String answer) {
		MockServerWebExchange exchange = this.stage.exchange(this.stage.request(method, path).headers(headers).build());
		this.answer = answer;
		Throwable error = StageHarness.run(this.storing, exchange,
				(stored) -> this.lookup.filter(stored, this::integration));
		assertThat(error).isNull();
		return exchange;
	}

	private Mono<Void> integration(ServerWebExchange exchange) {
		this.integrationCalls++;
		ServerHttpResponse response = exchange.getResponse();
		byte[] bytes = this.answer.getBytes(StandardCharsets.UTF_8);
		response.setStatusCode(HttpStatus.OK);
		response.getHeaders().set("x-backend", "yes");
		response.getHeaders().setContentLength(bytes.length);
		return response.writeWith(Mono.just(response.bufferFactory().wrap(bytes)));
	}

	private static String body(MockServerWebExchange exchange) {
		return exchange.getResponse().getBodyAsString().block();
	}

	private static Method method(String verb, List<String> cacheKeyParameters) {
		return Method.builder(verb)
			.integration(Integration.builder(IntegrationType.MOCK).cacheKeyParameters(cacheKeyParameters).build())
			.build();
	}

	/** A response phase that would rewrite what an integration writes (here: upper case). */
	private static final class Shouting extends ServerHttpResponseDecorator {

		Shouting(ServerHttpResponse delegate) {
			super(delegate);
		}

		@Override
		public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
			return super.writeWith(Flux.from(body).map((buffer) -> {
				String text = buffer.toString(StandardCharsets.UTF_8).toUpperCase(Locale.ROOT);
				return bufferFactory().wrap(text.getBytes(StandardCharsets.UTF_8));
			}));
		}

	}

}
