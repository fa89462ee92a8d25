package dev.apigw.auth.resource;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;

import dev.apigw.auth.policy.Cidr;
import dev.apigw.definition.InvalidApiDefinitionException;
import dev.apigw.model.Api;
import dev.apigw.model.AuthorizationType;
import dev.apigw.model.GatewayResponseType;
import dev.apigw.model.Integration;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.Method;
import dev.apigw.model.PolicyDecision;
import dev.apigw.model.Resource;
import dev.apigw.model.Stage;
import dev.apigw.response.GatewayResponseException;
import dev.apigw.routing.ApiInvocation;
import dev.apigw.routing.DeployedStage;
import dev.apigw.test.PhaseHarness;
import dev.apigw.test.PhaseHarness.Outcome;
import org.junit.jupiter.api.Test;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The resource policy phase compiled for a stage: the policy parsed once, its decision
 * ending the request or handed to the authorizers through the invocation.
 */
class ResourcePolicyFilterTests {

	private static final String POLICY = """
			{"Statement": [
			  {"Effect": "Allow", "Principal": "*", "Action": "execute-api:Invoke", "Resource": "execute-api:/*",
			   "Condition": {"IpAddress": {"aws:SourceIp": "10.0.0.0/8"}}},
			  {"Effect": "Deny", "Principal": "*", "Action": "execute-api:Invoke", "Resource": "execute-api:/*/GET/private",
			   "Condition": {"IpAddress": {"aws:SourceIp": "10.0.0.3"}}}
			]}""";

	private static final String ARN = "arn:aws:execute-api:us-east-1:123456789012:shop/dev/GET/private";

	private final ResourcePolicyFilter phase = new ResourcePolicyFilter(
			new ClientAddresses(List.of(Cidr.parse("192.0.2.1/32"))));

	@Test
	void anExplicitDenyEndsTheRequestWithAwsMessage() {
		Outcome outcome = run(deploy(POLICY), "/private", "10.0.0.3");
		assertThat(outcome.wentOn()).isFalse();
		assertThat(outcome.error()).isInstanceOfSatisfying(GatewayResponseException.class, (error) -> {
			assertThat(error.getType()).isEqualTo(GatewayResponseType.ACCESS_DENIED);
			assertThat(error.getMessage()).isEqualTo("User: anonymous is not authorized to perform: execute-api:Invoke "
					+ "on resource: " + ARN + " with an explicit deny");
		});
	}

	@Test
	void anImplicitDenyEndsTheRequestOfAMethodWithoutAuthorization() {
		Outcome outcome = run(deploy(POLICY), "/private", "172.16.0.1");
		assertThat(outcome.wentOn()).isFalse();
		assertThat(outcome.error()).isInstanceOfSatisfying(GatewayResponseException.class,
				(error) -> assertThat(error.getMessage()).isEqualTo(
						"User: anonymous is not authorized to perform: execute-api:Invoke on resource: " + ARN));
	}

	@Test
	void anImplicitDenyOfAnAuthorizedMethodGoesOnWithTheDecisionForItsAuthorizer() {
		DeployedStage stage = deploy(POLICY);
		MockServerWebExchange exchange = exchange(stage, "/signed", "172.16.0.1");
		Outcome outcome = PhaseHarness.run(filter(stage), exchange);
		assertThat(outcome.error()).isNull();
		assertThat(outcome.wentOn()).isTrue();
		assertThat(ApiInvocation.required(exchange).handoffs().policyDecision()).isEqualTo(PolicyDecision.IMPLICIT_DENY);
	}

	@Test
	void anAllowedCallerGoesOnFromTheAddressATrustedProxyNames() {
		DeployedStage stage = deploy(POLICY);
		MockServerWebExchange exchange = PhaseHarness.exchange(stage, MockServerHttpRequest.get("/private")
			.remoteAddress(new InetSocketAddress("192.0.2.1", 4711))
			.header("X-Forwarded-For", "10.0.0.1")
			.build());
		Outcome outcome = PhaseHarness.run(filter(stage), exchange);
		assertThat(outcome.wentOn()).isTrue();
		ApiInvocation invocation = ApiInvocation.required(exchange);
		assertThat(invocation.handoffs().policyDecision()).isEqualTo(PolicyDecision.ALLOW);
		assertThat(invocation.identity()).containsEntry("sourceIp", "10.0.0.1");
	}

	@Test
	void withoutAPolicyEveryCallerGoesOnWithoutADecision() {
		DeployedStage stage = deploy(null);
		MockServerWebExchange exchange = exchange(stage, "/private", "172.16.0.1");
		Outcome outcome = PhaseHarness.run(filter(stage), exchange);
		assertThat(outcome.wentOn()).isTrue();
		assertThat(ApiInvocation.required(exchange).handoffs().policyDecision()).isNull();
	}

	@Test
	void aPolicyThatDoesNotParseIsAProblemOfTheDeployment() {
		assertThatExceptionOfType(InvalidApiDefinitionException.class)
			.isThrownBy(() -> PhaseHarness.deploy(api("{\"Statement\": {\"Effect\": \"Allow\"}}"), "dev", this.phase))
			.satisfies((ex) -> assertThat(ex.getProblems()).singleElement().satisfies((problem) -> {
				assertThat(problem.api()).isEqualTo("shop");
				assertThat(problem.resource()).isNull();
				assertThat(problem.field()).isEqualTo("policy");
			}))
			.withMessageStartingWith("API 'shop', field 'policy' (test): ");
	}

	private GatewayFilter filter(DeployedStage stage) {
		GatewayFilter filter = PhaseHarness.compile(this.phase, stage);
		assertThat(filter).isNotNull();
		return filter;
	}

	private Outcome run(DeployedStage stage, String path, String from) {
		return PhaseHarness.run(filter(stage), exchange(stage, path, from));
	}

	private static MockServerWebExchange exchange(DeployedStage stage, String path, String from) {
		return PhaseHarness.exchange(stage,
				MockServerHttpRequest.get(path).remoteAddress(new InetSocketAddress(from, 4711)).build());
	}

	private static DeployedStage deploy(String policy) {
		return PhaseHarness.deploy(api(policy), "dev");
	}

	private static Api api(String policy) {
		Integration mock = Integration.builder(IntegrationType.MOCK).build();
		return Api.builder("shop")
			.resource(Resource.of("/private", Method.builder("GET").integration(mock).build()))
			.resource(Resource.of("/signed",
					Method.builder("GET").authorizationType(AuthorizationType.AWS_IAM).integration(mock).build()))
			.stage(Stage.of("dev", Map.of()))
			.policy(policy)
			.source("test")
			.build();
	}

}
