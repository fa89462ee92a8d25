package dev.apigw.auth.authorizer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.apigw.definition.InvalidApiDefinitionException;
import dev.apigw.definition.Problems;
import dev.apigw.model.Api;
import dev.apigw.model.AuthorizationType;
import dev.apigw.model.Authorizer;
import dev.apigw.model.GatewayResponseType;
import dev.apigw.model.Integration;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.Method;
import dev.apigw.model.Resource;
import dev.apigw.model.Stage;
import dev.apigw.response.GatewayResponseException;
import dev.apigw.routing.ApiInvocation;
import dev.apigw.routing.DeployedStage;
import dev.apigw.routing.MethodRuntime;
import dev.apigw.routing.StageRuntime;
import dev.apigw.test.PhaseHarness;
import dev.apigw.test.PhaseHarness.Outcome;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The authorization phase compiled for a stage: each authorized method's authorization
 * compiled once by the authorizer of its type, calls handed to it, a type without an
 * authorizer refused at compile.
 */
class AuthorizationFilterTests {

	private final RecordingAuthorizer custom = new RecordingAuthorizer();

	private final AuthorizationFilter phase = new AuthorizationFilter(List.of(this.custom));

	@Test
	void aStageWithoutAuthorizedMethodsDoesNotPassThroughThePhase() {
		DeployedStage stage = PhaseHarness.deploy(api(Method.builder("GET").integration(mock()).build()), "dev");
		assertThat(PhaseHarness.compile(this.phase, stage)).isNull();
	}

	@Test
	void eachAuthorizedMethodIsCompiledOnceAndItsCallsGoToWhatWasCompiledForIt() {
		DeployedStage stage = deploy();
		GatewayFilter filter = PhaseHarness.compile(this.phase, stage);
		assertThat(this.custom.compiled).containsExactly("GET /guarded", "POST /guarded");
		MockServerWebExchange exchange = PhaseHarness.exchange(stage,
				MockServerHttpRequest.post("/guarded").header("Authorization", "allow").build());
		Outcome outcome = PhaseHarness.run(filter, exchange);
		assertThat(outcome.error()).isNull();
		assertThat(outcome.passed()).isNotSameAs(exchange);
		assertThat(outcome.passed().getAttributes()).containsEntry("authorized-by", "POST /guarded");
		assertThat(ApiInvocation.required(exchange).authorizer()).containsEntry("principalId", "user");
		assertThat(this.custom.compiled).hasSize(2);
	}

	@Test
	void aRefusedCallEndsTheRequest() {
		DeployedStage stage = deploy();
		Outcome outcome = PhaseHarness.run(PhaseHarness.compile(this.phase, stage),
				PhaseHarness.exchange(stage, MockServerHttpRequest.get("/guarded").build()));
		assertThat(outcome.wentOn()).isFalse();
		assertThat(outcome.error()).isInstanceOfSatisfying(GatewayResponseException.class,
				(error) -> assertThat(error.getType()).isEqualTo(GatewayResponseType.UNAUTHORIZED));
	}

	@Test
	void callsOfMethodsWithoutAuthorizationGoOnUntouched() {
		DeployedStage stage = deploy();
		MockServerWebExchange exchange = PhaseHarness.exchange(stage, MockServerHttpRequest.get("/open").build());
		Outcome outcome = PhaseHarness.run(PhaseHarness.compile(this.phase, stage), exchange);
		assertThat(outcome.passed()).isSameAs(exchange);
		assertThat(ApiInvocation.required(exchange).authorizer()).isNull();
	}

	@Test
	void aMethodWhoseTypeHasNoAuthorizerIsAProblemOfTheDeployment() {
		Api api = api(Method.builder("GET").authorizationType(AuthorizationType.AWS_IAM).integration(mock()).build());
		assertThatExceptionOfType(InvalidApiDefinitionException.class)
			.isThrownBy(() -> PhaseHarness.deploy(api, "dev", this.phase))
			.withMessage("API 'shop', resource '/guarded', method GET, field 'authorization-type' (test): "
					+ "AWS_IAM needs an IamCredentialsRepository bean that finds the secret of an access key");
	}

	@Test
	void aMethodItsAuthorizerCompiledNothingForIsRefusedRatherThanLetThrough() {
		this.custom.compileNothing = true;
		DeployedStage stage = deploy();
		Outcome outcome = PhaseHarness.run(PhaseHarness.compile(this.phase, stage), PhaseHarness.exchange(stage,
				MockServerHttpRequest.get("/guarded").header("Authorization", "allow").build()));
		assertThat(outcome.wentOn()).isFalse();
		assertThat(outcome.error()).isInstanceOfSatisfying(GatewayResponseException.class, (error) -> assertThat(
				error.getType()).isEqualTo(GatewayResponseType.AUTHORIZER_CONFIGURATION_ERROR));
	}

	private static DeployedStage deploy() {
		Method get = guarded("GET");
		Method post = guarded("POST");
		Api api = Api.builder("shop")
			.resource(Resource.of("/guarded", get, post))
			.resource(Resource.of("/open", Method.builder("GET").integration(mock()).build()))
			.authorizer(new Authorizer("tokens", "TOKEN", "check", "method.request.header.Authorization", null,
					Authorizer.DEFAULT_TTL, List.of()))
			.stage(Stage.of("dev", Map.of()))
			.source("test")
			.build();
		return PhaseHarness.deploy(api, "dev");
	}

	private static Method guarded(String verb) {
		return Method.builder(verb)
			.authorizationType(AuthorizationType.CUSTOM)
			.authorizerId("tokens")
			.integration(mock())
			.build();
	}

	private static Api api(Method method) {
		return Api.builder("shop")
			.resource(Resource.of("/guarded", method))
			.stage(Stage.of("dev", Map.of()))
			.source("test")
			.build();
	}

	private static Integration mock() {
		return Integration.builder(IntegrationType.MOCK).build();
	}

	/**
	 * Compiles an authorization per method that lets a call with {@code Authorization:
	 * allow} through (on a new exchange, as an authorizer that read the body would) and
	 * answers 401 otherwise.
	 */
	private static final class RecordingAuthorizer implements MethodAuthorizer {

		private final List<String> compiled = new ArrayList<>();

		private boolean compileNothing;

		@Override
		public AuthorizationType type() {
			return AuthorizationType.CUSTOM;
		}

		@Override
		public @Nullable MethodAuthorization compile(StageRuntime stage, MethodRuntime method, Problems problems) {
			String name = method.method().httpMethod() + " " + method.resource().path();
			this.compiled.add(name);
			if (this.compileNothing) {
				return null;
			}
			return (exchange, invocation) -> {
				if (!"allow".equals(exchange.getRequest().getHeaders().getFirst("Authorization"))) {
					return Mono.error(new GatewayResponseException(GatewayResponseType.UNAUTHORIZED));
				}
				invocation.authorizer(Map.of("principalId", "user"));
				MockServerWebExchange replaced = MockServerWebExchange.from(MockServerHttpRequest.get("/replaced"));
				replaced.getAttributes().put("authorized-by", name);
				return Mono.just(new Authorized(replaced));
			};
		}

	}

}
