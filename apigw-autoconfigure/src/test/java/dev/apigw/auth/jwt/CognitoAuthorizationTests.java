package dev.apigw.auth.jwt;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.apigw.auth.authorizer.AuthorizationFilter;
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
import dev.apigw.routing.DeployedStage;
import dev.apigw.test.PhaseHarness;
import dev.apigw.test.PhaseHarness.Outcome;
import org.junit.jupiter.api.Test;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Cognito-style authorizers compiled per deployed stage: their settings checked once (what
 * is wrong refuses the deployment), calls without a token of an accepted issuer refused.
 */
class CognitoAuthorizationTests {

	private final AuthorizationFilter phase = new AuthorizationFilter(
			List.of(new CognitoAuthorizer(Clock.systemUTC())));

	@Test
	void settingsThatCannotWorkAreProblemsOfTheDeployment() {
		Api api = api(new Authorizer("pool", "COGNITO_USER_POOLS", null, "method.request.querystring.token", null,
				Duration.ZERO, List.of("not-an-issuer")));
		assertThatExceptionOfType(InvalidApiDefinitionException.class)
			.isThrownBy(() -> PhaseHarness.deploy(api, "dev", this.phase))
			.withMessage("API 'shop', resource '/claims', method GET, field 'authorizers.pool.provider-arns' (test): "
					+ "'not-an-issuer' is neither a Cognito user pool ARN "
					+ "(arn:aws:cognito-idp:REGION:ACCOUNT:userpool/ID) nor an http(s) issuer URI\n"
					+ "API 'shop', resource '/claims', method GET, field 'authorizers.pool.identity-source' (test): "
					+ "A COGNITO_USER_POOLS authorizer reads its token from one method.request.header.NAME");
	}

	@Test
	void aCallWithoutATokenOfAnAcceptedIssuerIsUnauthorized() {
		DeployedStage stage = PhaseHarness.deploy(api(new Authorizer("pool", "COGNITO_USER_POOLS", null, null, null,
				Duration.ZERO, List.of("https://issuer.example"))), "dev");
		Outcome outcome = PhaseHarness.run(PhaseHarness.compile(this.phase, stage),
				PhaseHarness.exchange(stage, MockServerHttpRequest.get("/claims").build()));
		assertThat(outcome.wentOn()).isFalse();
		assertThat(outcome.error()).isInstanceOfSatisfying(GatewayResponseException.class,
				(error) -> assertThat(error.getType()).isEqualTo(GatewayResponseType.UNAUTHORIZED));
	}

	private static Api api(Authorizer authorizer) {
		return Api.builder("shop")
			.resource(Resource.of("/claims",
					Method.builder("GET")
						.authorizationType(AuthorizationType.COGNITO_USER_POOLS)
						.authorizerId("pool")
						.integration(Integration.builder(IntegrationType.MOCK).build())
						.build()))
			.authorizer(authorizer)
			.stage(Stage.of("dev", Map.of()))
			.source("test")
			.build();
	}

}
