package dev.apigw.auth.authorizer;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import dev.apigw.definition.InvalidApiDefinitionException;
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
import dev.apigw.store.MemoryAuthorizerResultCache;
import dev.apigw.test.PhaseHarness;
import dev.apigw.test.PhaseHarness.Outcome;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.scheduler.Schedulers;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Lambda authorizers compiled per deployed stage: the function resolved once with the
 * stage's variables (a function that does not resolve refuses the deployment), each call
 * handed to what was compiled.
 */
class LambdaAuthorizationTests {

	private final Functions functions = new Functions();

	private final LambdaAuthorizer authorizer = new LambdaAuthorizer(this.functions,
			new MemoryAuthorizerResultCache(Clock.systemUTC(), 100), Schedulers.newSingle("authorizer-test"),
			Duration.ofSeconds(5));

	private final AuthorizationFilter phase = new AuthorizationFilter(List.of(this.authorizer));

	@AfterEach
	void close() {
		this.authorizer.close();
	}

	@Test
	void aFunctionThatDoesNotExistIsAProblemOfTheDeployment() {
		this.functions.add("check", "check");
		assertThatExceptionOfType(InvalidApiDefinitionException.class)
			.isThrownBy(() -> PhaseHarness.deploy(api("missing", Map.of()), "dev", this.phase))
			.withMessage("API 'shop', resource '/guarded', method GET, field 'authorizers.tokens.authorizer-uri' "
					+ "(test): No authorizer function 'missing' (known: [check]); declare an AuthorizerFunction, "
					+ "Function or RequestHandler bean of that name");
	}

	@Test
	void aStageVariableTheStageDoesNotDefineIsAProblemOfTheDeployment() {
		assertThatExceptionOfType(InvalidApiDefinitionException.class)
			.isThrownBy(() -> PhaseHarness.deploy(api("${stageVariables.fn}", Map.of()), "dev", this.phase))
			.withMessage("API 'shop', resource '/guarded', method GET, field 'authorizers.tokens.authorizer-uri' "
					+ "(test): '${stageVariables.fn}' uses a stage variable that stage 'dev' does not define");
	}

	@Test
	void theFunctionIsResolvedOncePerDeploymentAndEveryCallGoesToIt() {
		this.functions.add("check", "checked");
		DeployedStage stage = PhaseHarness.deploy(api("check", Map.of()), "dev");
		GatewayFilter filter = PhaseHarness.compile(this.phase, stage);
		for (String token : List.of("one", "two", "three")) {
			MockServerWebExchange exchange = PhaseHarness.exchange(stage,
					MockServerHttpRequest.get("/guarded").header("Authorization", token).build());
			Outcome outcome = PhaseHarness.run(filter, exchange);
			assertThat(outcome.error()).isNull();
			assertThat(outcome.wentOn()).isTrue();
			assertThat(ApiInvocation.required(exchange).authorizer()).containsEntry("principalId", "checked-" + token);
		}
		assertThat(this.functions.resolved).containsExactly("check");
	}

	@Test
	void eachStageCallsTheFunctionItsVariablesName() {
		this.functions.add("devCheck", "dev");
		this.functions.add("prodCheck", "prod");
		Api api = api("${stageVariables.fn}", Map.of("dev", "devCheck", "prod", "prodCheck"));
		for (String name : List.of("dev", "prod")) {
			DeployedStage stage = PhaseHarness.deploy(api, name);
			MockServerWebExchange exchange = PhaseHarness.exchange(stage,
					MockServerHttpRequest.get("/guarded").header("Authorization", "token").build());
			assertThat(PhaseHarness.run(PhaseHarness.compile(this.phase, stage), exchange).wentOn()).isTrue();
			assertThat(ApiInvocation.required(exchange).authorizer()).containsEntry("principalId", name + "-token");
		}
	}

	@Test
	void aCallWithoutItsTokenIsUnauthorizedWithoutInvokingTheFunction() {
		this.functions.add("check", "checked");
		DeployedStage stage = PhaseHarness.deploy(api("check", Map.of()), "dev");
		Outcome outcome = PhaseHarness.run(PhaseHarness.compile(this.phase, stage),
				PhaseHarness.exchange(stage, MockServerHttpRequest.get("/guarded").build()));
		assertThat(outcome.wentOn()).isFalse();
		assertThat(outcome.error()).isInstanceOfSatisfying(GatewayResponseException.class,
				(error) -> assertThat(error.getType()).isEqualTo(GatewayResponseType.UNAUTHORIZED));
		assertThat(this.functions.invocations).isZero();
	}

	/**
	 * An API whose GET /guarded uses a TOKEN authorizer calling the given function, with a
	 * stage per entry of variables ({@code fn} set to the value), or a stage {@code dev}.
	 */
	private static Api api(String function, Map<String, String> fnByStage) {
		Api.Builder api = Api.builder("shop")
			.resource(Resource.of("/guarded",
					Method.builder("GET")
						.authorizationType(AuthorizationType.CUSTOM)
						.authorizerId("tokens")
						.integration(Integration.builder(IntegrationType.MOCK).build())
						.build()))
			.authorizer(new Authorizer("tokens", "TOKEN", function, "method.request.header.Authorization", null,
					Duration.ZERO, List.of()))
			.source("test");
		if (fnByStage.isEmpty()) {
			api.stage(Stage.of("dev", Map.of()));
		}
		fnByStage.forEach((stage, fn) -> api.stage(Stage.of(stage, Map.of("fn", fn))));
		return api.build();
	}

	/**
	 * Functions that allow every call, as principal {@code <prefix>-<token>}, counting how
	 * often they are resolved and invoked.
	 */
	private static final class Functions implements AuthorizerFunctionResolver {

		private final Map<String, AuthorizerFunction> byName = new TreeMap<>();

		private final List<String> resolved = new ArrayList<>();

		private int invocations;

		void add(String name, String principalPrefix) {
			this.byName.put(name, (event) -> {
				this.invocations++;
				return Map.of("principalId", principalPrefix + "-" + event.get("authorizationToken"), "policyDocument",
						Map.of("Version", "2012-10-17", "Statement", List.of(Map.of("Action", "execute-api:Invoke",
								"Effect", "Allow", "Resource", event.get("methodArn")))));
			});
		}

		@Override
		public @Nullable AuthorizerFunction resolve(String name) {
			this.resolved.add(name);
			return this.byName.get(name);
		}

		@Override
		public Set<String> names() {
			return this.byName.keySet();
		}

	}

}
