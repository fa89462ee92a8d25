package dev.apigw.auth;

import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.apigw.model.Api;
import dev.apigw.model.ApiKey;
import dev.apigw.model.ApiKeySource;
import dev.apigw.model.GatewayResponseType;
import dev.apigw.model.Integration;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.Method;
import dev.apigw.model.Resource;
import dev.apigw.model.Stage;
import dev.apigw.model.ThrottleSettings;
import dev.apigw.model.UsagePlan;
import dev.apigw.response.GatewayResponseException;
import dev.apigw.routing.ApiInvocation;
import dev.apigw.routing.DeployedStage;
import dev.apigw.test.PhaseHarness.Outcome;
import dev.apigw.test.PhaseHarness;
import dev.apigw.throttle.UsagePlans;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API key phase compiled for a stage: skipped by stages without a method requiring a
 * key; keys taken from the header or the authorizer as the API says, and required to be
 * enabled and in a plan of the stage.
 */
class ApiKeyFilterTests {

	private static final ApiKey GOLD = new ApiKey("gold-key", "gold", null, true, ApiKeyHashes.sha256("gold-secret"),
			Set.of());

	private static final ApiKey DISABLED = new ApiKey("old-key", "old", null, false,
			ApiKeyHashes.sha256("old-secret"), Set.of("gold"));

	private static final UsagePlans PLANS = new UsagePlans(List.of(new UsagePlan("gold", null, null,
			List.of(new UsagePlan.ApiStage("shop", "dev", Map.of())), null, null, Set.of("gold-key", "old-key"))),
			ThrottleSettings.ACCOUNT_DEFAULT);

	private final ApiKeyFilter phase = new ApiKeyFilter((hash) -> Mono
		.justOrEmpty(List.of(GOLD, DISABLED).stream().filter((key) -> key.valueSha256().equals(hash)).findFirst()),
			() -> PLANS);

	@Test
	void aStageWithoutAMethodRequiringAKeyDoesNotPassThroughThePhase() {
		assertThat(PhaseHarness.compile(this.phase, PhaseHarness.deploy(api(ApiKeySource.HEADER, false), "dev")))
			.isNull();
	}

	@Test
	void aKeyInAPlanOfTheStageGoesOnWithItsIdentityAndPlan() {
		DeployedStage stage = PhaseHarness.deploy(api(ApiKeySource.HEADER, true), "dev");
		MockServerWebExchange exchange = PhaseHarness.exchange(stage,
				MockServerHttpRequest.get("/items").header("x-api-key", "gold-secret").build());
		Outcome outcome = PhaseHarness.run(filter(stage), exchange);
		assertThat(outcome.error()).isNull();
		assertThat(outcome.wentOn()).isTrue();
		assertThat(ApiInvocation.required(exchange).identity()).containsEntry("apiKeyId", "gold-key");
		assertThat(ApiInvocation.required(exchange).handoffs().usagePlanMatch().plan().id()).isEqualTo("gold");
	}

	@Test
	void aMissingUnknownOrDisabledKeyIsRefused() {
		DeployedStage stage = PhaseHarness.deploy(api(ApiKeySource.HEADER, true), "dev");
		for (MockServerHttpRequest request : List.of(MockServerHttpRequest.get("/items").build(),
				MockServerHttpRequest.get("/items").header("x-api-key", "guess").build(),
				MockServerHttpRequest.get("/items").header("x-api-key", "old-secret").build())) {
			Outcome outcome = PhaseHarness.run(filter(stage), PhaseHarness.exchange(stage, request));
			assertThat(outcome.wentOn()).isFalse();
			assertThat(outcome.error()).isInstanceOfSatisfying(GatewayResponseException.class,
					(error) -> assertThat(error.getType()).isEqualTo(GatewayResponseType.INVALID_API_KEY));
		}
	}

	@Test
	void withTheAuthorizerAsKeySourceTheHeaderIsNotTheKey() {
		DeployedStage stage = PhaseHarness.deploy(api(ApiKeySource.AUTHORIZER, true), "dev");
		MockServerWebExchange fromHeader = PhaseHarness.exchange(stage,
				MockServerHttpRequest.get("/items").header("x-api-key", "gold-secret").build());
		assertThat(PhaseHarness.run(filter(stage), fromHeader).wentOn()).isFalse();
		MockServerWebExchange fromAuthorizer = PhaseHarness.exchange(stage, MockServerHttpRequest.get("/items").build());
		ApiInvocation.required(fromAuthorizer).usageIdentifierKey("gold-secret");
		assertThat(PhaseHarness.run(filter(stage), fromAuthorizer).wentOn()).isTrue();
	}

	private GatewayFilter filter(DeployedStage stage) {
		GatewayFilter filter = PhaseHarness.compile(this.phase, stage);
		assertThat(filter).isNotNull();
		return filter;
	}

	private static Api api(ApiKeySource source, boolean keyRequired) {
		return Api.builder("shop")
			.resource(Resource.of("/items", Method.builder("GET")
				.apiKeyRequired(keyRequired)
				.integration(Integration.builder(IntegrationType.MOCK).build())
				.build()))
			.apiKeySource(source)
			.stage(Stage.of("dev", Map.of()))
			.source("test")
			.build();
	}

}
