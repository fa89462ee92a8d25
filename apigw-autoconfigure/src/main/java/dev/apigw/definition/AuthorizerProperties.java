package dev.apigw.definition;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An authorizer ("apigw.apis.<id>.authorizers.<name>"): a Lambda-style TOKEN or REQUEST
 * authorizer backed by an in-process function, or a Cognito-style JWT authorizer.
 */
public class AuthorizerProperties {

	/**
	 * TOKEN, REQUEST or COGNITO_USER_POOLS.
	 */
	private String type = "TOKEN";

	/**
	 * Function a TOKEN or REQUEST authorizer invokes: AWS's invocation ARN ("arn:aws:apigateway:{region}:lambda:path/2015-03-31/functions/{function ARN}/invocations"), a Lambda function ARN or a plain function name (a bean name); may use ${stageVariables.name}.
	 */
	private @Nullable String authorizerUri;

	/**
	 * Function name a TOKEN or REQUEST authorizer invokes (a bean name); a shorter alternative to authorizer-uri.
	 */
	private @Nullable String function;

	/**
	 * Where the identity comes from: one "method.request.header.NAME" for TOKEN and COGNITO_USER_POOLS (default Authorization); for REQUEST a comma-separated list of method.request.header.X, method.request.querystring.X, stageVariables.X and context.X.
	 */
	private @Nullable String identitySource;

	/**
	 * Regular expression a TOKEN must match; a token that does not is answered 401 without invoking the function.
	 */
	private @Nullable String identityValidationExpression;

	/**
	 * How long results are cached, 0 to 3600 seconds (0 disables caching).
	 */
	private int authorizerResultTtlInSeconds = 300;

	/**
	 * COGNITO_USER_POOLS: the token issuers, as Cognito user pool ARNs (arn:aws:cognito-idp:{region}:{account}:userpool/{id}) or issuer URIs of any OpenID Connect provider.
	 */
	private List<String> providerArns = new ArrayList<>();

	/**
	 * COGNITO_USER_POOLS: where the issuers' signing keys are read; discovered from each issuer's OpenID configuration when not set.
	 */
	private @Nullable String jwkSetUri;

	/**
	 * COGNITO_USER_POOLS: accepted audiences ("aud", or "client_id" of access tokens); any when empty.
	 */
	private List<String> audiences = new ArrayList<>();

	public String getType() {
		return this.type;
	}

	public void setType(String type) {
		this.type = type;
	}

	public @Nullable String getAuthorizerUri() {
		return this.authorizerUri;
	}

	public void setAuthorizerUri(@Nullable String authorizerUri) {
		this.authorizerUri = authorizerUri;
	}

	public @Nullable String getFunction() {
		return this.function;
	}

	public void setFunction(@Nullable String function) {
		this.function = function;
	}

	public @Nullable String getIdentitySource() {
		return this.identitySource;
	}

	public void setIdentitySource(@Nullable String identitySource) {
		this.identitySource = identitySource;
	}

	public @Nullable String getIdentityValidationExpression() {
		return this.identityValidationExpression;
	}

	public void setIdentityValidationExpression(@Nullable String identityValidationExpression) {
		this.identityValidationExpression = identityValidationExpression;
	}

	public int getAuthorizerResultTtlInSeconds() {
		return this.authorizerResultTtlInSeconds;
	}

	public void setAuthorizerResultTtlInSeconds(int authorizerResultTtlInSeconds) {
		this.authorizerResultTtlInSeconds = authorizerResultTtlInSeconds;
	}

	public List<String> getProviderArns() {
		return this.providerArns;
	}

	public void setProviderArns(List<String> providerArns) {
		this.providerArns = providerArns;
	}

	public @Nullable String getJwkSetUri() {
		return this.jwkSetUri;
	}

	public void setJwkSetUri(@Nullable String jwkSetUri) {
		this.jwkSetUri = jwkSetUri;
	}

	public List<String> getAudiences() {
		return this.audiences;
	}

	public void setAudiences(List<String> audiences) {
		this.audiences = audiences;
	}

}
