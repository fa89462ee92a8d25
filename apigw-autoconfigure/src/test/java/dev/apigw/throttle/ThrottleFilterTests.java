package dev.apigw.throttle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.apigw.model.Api;
import dev.apigw.model.GatewayResponseType;
import dev.apigw.model.Integration;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.Method;
import dev.apigw.model.MethodSettings;
import dev.apigw.model.QuotaPeriod;
import dev.apigw.model.QuotaSettings;
import dev.apigw.model.Resource;
import dev.apigw.model.Stage;
import dev.apigw.model.ThrottleSettings;
import dev.apigw.model.UsagePlan;
import dev.apigw.model.UsagePlanMatch;
import dev.apigw.response.GatewayResponseException;
import dev.apigw.store.MemoryRateLimitStore;
import dev.apigw.test.MutableClock;
import dev.apigw.test.StageHarness;
import dev.apigw.test.StageHarness.RecordingChain;
import org.junit.jupiter.api.Test;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The throttling phase compiled for a stage: the stage's method throttles resolved per
 * method (the request's own verb on an {@code ANY} method, then the method's, over
 * {@code * / *}), the usage plan taken from the invocation, and the answer of the first
 * limit that refuses. The clock stands still, so no bucket refills.
 */
class ThrottleFilterTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));

	private final List<String> events = new ArrayList<>();

	private final ThrottleListener listener = new ThrottleListener() {

		@Override
		public void used(String plan) {
			ThrottleFilterTests.this.events.add("used " + plan);
		}

		@Override
		public void throttled(String plan, String level) {
			ThrottleFilterTests.this.events.add("throttled " + plan + " " + level);
		}

		@Override
		public void quotaExceeded(String plan) {
			ThrottleFilterTests.this.events.add("quota " + plan);
		}

	};

	private final UsagePlans plans = new UsagePlans(List.of(), ThrottleSettings.ACCOUNT_DEFAULT);

	private final ThrottleFilter phase = new ThrottleFilter(new MemoryRateLimitStore(), () -> this.plans, this.clock,
			true, List.of(this.listener));

	@Test
	void methodSettingsOfTheMethodThrottleItsRequestsOnlyAndTheRefusalIsThrottled() {
		StageHarness stage = deploy(Stage.builder("dev").methodSettings("/pets/GET", throttle(1.0, 1)).build());
		GatewayFilter filter = stage.compile(this.phase);
		assertThat(send(stage, filter, HttpMethod.GET, "/pets")).isNull();
		assertThat(send(stage, filter, HttpMethod.GET, "/pets")).isEqualTo(GatewayResponseType.THROTTLED);
		assertThat(this.events).containsExactly("throttled none method");
		for (int i = 0; i < 3; i++) {
			assertThat(send(stage, filter, HttpMethod.GET, "/owners")).isNull();
		}
	}

	@Test
	void anAnyMethodTakesTheSettingsOfTheRequestsVerbThenAllMethodsInABucketOfItsOwn() {
		StageHarness stage = deploy(Stage.builder("dev")
			.methodSettings("/any/POST", throttle(null, 1))
			.methodSettings(Stage.ALL_METHODS, throttle(1.0, 2))
			.build());
		GatewayFilter filter = stage.compile(this.phase);
		assertThat(send(stage, filter, HttpMethod.POST, "/any")).isNull();
		assertThat(send(stage, filter, HttpMethod.POST, "/any")).isEqualTo(GatewayResponseType.THROTTLED);
		// PUT has no settings of its own: * / *, with its own bucket for the method (not POST's)
		assertThat(send(stage, filter, HttpMethod.PUT, "/any")).isNull();
		assertThat(send(stage, filter, HttpMethod.PUT, "/any")).isNull();
		assertThat(send(stage, filter, HttpMethod.PUT, "/any")).isEqualTo(GatewayResponseType.THROTTLED);
		// and /pets GET a bucket of its own too
		assertThat(send(stage, filter, HttpMethod.GET, "/pets")).isNull();
		assertThat(send(stage, filter, HttpMethod.GET, "/pets")).isNull();
		assertThat(send(stage, filter, HttpMethod.GET, "/pets")).isEqualTo(GatewayResponseType.THROTTLED);
	}

	@Test
	void eachStageHasTheSettingsItWasCompiledWith() {
		Api api = api(Stage.builder("dev").methodSettings("/pets/GET", throttle(1.0, 1)).build(),
				Stage.builder("prod").build());
		StageHarness dev = StageHarness.deploy(api, "dev");
		StageHarness prod = StageHarness.deploy(api, "prod");
		GatewayFilter devFilter = dev.compile(this.phase);
		GatewayFilter prodFilter = prod.compile(this.phase);
		assertThat(send(dev, devFilter, HttpMethod.GET, "/pets")).isNull();
		assertThat(send(dev, devFilter, HttpMethod.GET, "/pets")).isEqualTo(GatewayResponseType.THROTTLED);
		assertThat(send(prod, prodFilter, HttpMethod.GET, "/pets")).isNull();
		assertThat(send(prod, prodFilter, HttpMethod.GET, "/pets")).isNull();
	}

	@Test
	void theUsagePlanOfTheInvocationMetersTheKeyAndItsQuotaRefusesWithQuotaExceeded() {
		StageHarness stage = deploy(Stage.builder("dev").build());
		GatewayFilter filter = stage.compile(this.phase);
		UsagePlan gold = new UsagePlan("gold", null, null, List.of(new UsagePlan.ApiStage("shop", "dev", Map.of())),
				null, new QuotaSettings(1, QuotaPeriod.DAY, 0), Set.of("partner"));
		UsagePlanMatch match = new UsagePlanMatch(gold, gold.apiStages().get(0), "partner");
		MockServerWebExchange first = stage.exchange(stage.request(HttpMethod.GET, "/pets").build());
		StageHarness.invocation(first).handoffs().usagePlanMatch(match);
		RecordingChain chain = new RecordingChain();
		assertThat(StageHarness.run(filter, first, chain)).isNull();
		assertThat(chain.called()).isTrue();
		first.getResponse().setComplete().block();
		assertThat(first.getResponse().getHeaders().getFirst("X-RateLimit-Limit")).isEqualTo("1");
		assertThat(first.getResponse().getHeaders().getFirst("X-RateLimit-Remaining")).isEqualTo("0");
		MockServerWebExchange second = stage.exchange(stage.request(HttpMethod.GET, "/pets").build());
		StageHarness.invocation(second).handoffs().usagePlanMatch(match);
		RecordingChain refused = new RecordingChain();
		Throwable error = StageHarness.run(filter, second, refused);
		assertThat(error).isInstanceOfSatisfying(GatewayResponseException.class,
				(ex) -> assertThat(ex.getType()).isEqualTo(GatewayResponseType.QUOTA_EXCEEDED));
		assertThat(refused.called()).isFalse();
		second.getResponse().setComplete().block();
		assertThat(second.getResponse().getHeaders().getFirst("Retry-After")).isEqualTo("50400");
		assertThat(this.events).containsExactly("used gold", "quota gold");
	}

	private GatewayResponseType send(StageHarness stage, GatewayFilter filter, HttpMethod method, String path) {
		RecordingChain chain = new RecordingChain();
		Throwable error = StageHarness.run(filter, stage.exchange(stage.request(method, path).build()), chain);
		if (error == null) {
			assertThat(chain.called()).isTrue();
			return null;
		}
		assertThat(chain.called()).isFalse();
		assertThat(error).isInstanceOf(GatewayResponseException.class);
		return ((GatewayResponseException) error).getType();
	}

	private static MethodSettings throttle(Double rate, Integer burst) {
		return new MethodSettings(rate, burst, null, null, null, null);
	}

	private static StageHarness deploy(Stage stage) {
		return StageHarness.deploy(api(stage), stage.name());
	}

	private static Api api(Stage... stages) {
		Api.Builder api = Api.builder("shop")
			.resource(Resource.of("/pets", method("GET")))
			.resource(Resource.of("/owners", method("GET")))
			.resource(Resource.of("/any", method("ANY")));
		for (Stage stage : stages) {
			api.stage(stage);
		}
		return api.build();
	}

	private static Method method(String verb) {
		return Method.builder(verb).integration(Integration.builder(IntegrationType.MOCK).build()).build();
	}

}
