package dev.apigw.definition.openapi;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.apigw.model.Api;
import dev.apigw.model.AuthorizationType;
import dev.apigw.model.Authorizer;
import dev.apigw.model.Method;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Security schemes with AWS's authorizer extensions, the API key scheme, IAM and the
 * document-wide {@code security} default.
 */
class OpenApiImporterSecurityTests {

	private static final String LAMBDA = "arn:aws:apigateway:us-west-2:lambda:path/2015-03-31/functions/"
			+ "arn:aws:lambda:us-west-2:123456789012:function:";

	private final ImportResult result = new OpenApiImporter().importWithWarnings("auth", "authorizers-oas30.yaml",
			Resources.read("authorizers-oas30.yaml"));

	private final Api api = this.result.api();

	@Test
	void importsATokenAuthorizerWithTheSchemeHeaderAsIdentitySource() {
		assertThat(this.api.authorizers().get("token-authorizer")).isEqualTo(new Authorizer("token-authorizer",
				"TOKEN", LAMBDA + "token-auth/invocations", "method.request.header.Authorization", "^x-[a-z]+",
				Duration.ofSeconds(60), List.of()));
	}

	@Test
	void importsARequestAuthorizerWithItsIdentitySources() {
		assertThat(this.api.authorizers().get("request-authorizer")).isEqualTo(new Authorizer("request-authorizer",
				"REQUEST", LAMBDA + "request-auth/invocations",
				"method.request.header.HeaderAuth1, method.request.querystring.QueryString1", null,
				Duration.ofSeconds(300), List.of()));
		assertThat(this.api.authorizers().get("query-authorizer")).isEqualTo(new Authorizer("query-authorizer",
				"REQUEST", "query-auth", "method.request.querystring.token", null, Duration.ZERO, List.of()));
	}

	@Test
	void importsACognitoAuthorizerWithTheDefaultTtl() {
		assertThat(this.api.authorizers().get("cognito-authorizer")).isEqualTo(new Authorizer("cognito-authorizer",
				"COGNITO_USER_POOLS", null, "method.request.header.Authorization", null, Authorizer.DEFAULT_TTL,
				List.of("arn:aws:cognito-idp:us-west-2:123456789012:userpool/us-west-2_abcDEF123")));
		assertThat(this.api.authorizers().keySet()).containsExactly("token-authorizer", "request-authorizer",
				"query-authorizer", "cognito-authorizer");
	}

	@Test
	void methodsWithoutSecurityUseTheDocumentDefault() {
		Method method = method("/default-scope", "GET");
		assertThat(method.authorizationType()).isEqualTo(AuthorizationType.COGNITO_USER_POOLS);
		assertThat(method.authorizerId()).isEqualTo("cognito-authorizer");
		assertThat(method.authorizationScopes()).containsExactly("email");
		assertThat(method.apiKeyRequired()).isFalse();
	}

	@Test
	void anEmptySecurityListMakesAMethodOpen() {
		Method method = method("/open", "GET");
		assertThat(method.authorizationType()).isEqualTo(AuthorizationType.NONE);
		assertThat(method.authorizerId()).isNull();
		assertThat(method.authorizationScopes()).isEmpty();
	}

	@Test
	void aLambdaAuthorizerAndTheApiKeyTogether() {
		Method method = method("/token", "GET");
		assertThat(method.authorizationType()).isEqualTo(AuthorizationType.CUSTOM);
		assertThat(method.authorizerId()).isEqualTo("token-authorizer");
		assertThat(method.apiKeyRequired()).isTrue();
		assertThat(method("/request", "POST").authorizerId()).isEqualTo("request-authorizer");
		assertThat(method("/request", "POST").authorizationType()).isEqualTo(AuthorizationType.CUSTOM);
	}

	@Test
	void cognitoScopesOfTheMethod() {
		Method method = method("/cognito", "DELETE");
		assertThat(method.authorizationType()).isEqualTo(AuthorizationType.COGNITO_USER_POOLS);
		assertThat(method.authorizationScopes()).containsExactly("openid", "email");
	}

	@Test
	void awsSigv4SchemeAndTheLegacyAuthExtensionMeanIam() {
		assertThat(method("/iam", "GET").authorizationType()).isEqualTo(AuthorizationType.AWS_IAM);
		assertThat(method("/legacy-iam", "GET").authorizationType()).isEqualTo(AuthorizationType.AWS_IAM);
		assertThat(method("/iam", "GET").authorizerId()).isNull();
	}

	@Test
	void theServerUrlPathNamesTheStage() {
		assertThat(this.api.stages()).containsOnlyKeys("prod");
	}

	@Test
	void authorizerCredentialsAreIgnoredWithAWarning() {
		assertThat(this.result.warnings()).containsExactly(
				"/components/securitySchemes/token-authorizer/x-amazon-apigateway-authorizer/authorizerCredentials:"
						+ " not supported (authorizer credentials, an IAM role, are not used; the function is invoked"
						+ " without them); ignored");
	}

	private Method method(String path, String verb) {
		return this.api.resource(path).methods().get(verb);
	}

}
