package dev.apigw.model;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An authorizer of an API: a Lambda-style TOKEN or REQUEST authorizer, or a Cognito-style
 * JWT authorizer.
 *
 * @param name the authorizer name, referenced by methods
 * @param type {@code TOKEN}, {@code REQUEST} or {@code COGNITO_USER_POOLS}
 * @param authorizerUri the function (ARN form or plain name) for Lambda authorizers
 * @param identitySource comma-separated identity sources, e.g.
 * {@code method.request.header.Authorization}
 * @param identityValidationExpression a regular expression a TOKEN must match
 * @param resultTtl how long results are cached (AWS default 300 s, 0 disables)
 * @param providerArns Cognito user pool ARNs, or issuer URIs
 * @param jwkSetUri where a Cognito-style authorizer reads the issuers' keys, {@code null} to
 * discover them from each issuer's OpenID configuration
 * @param audiences the audiences ({@code aud}, or {@code client_id} of access tokens) a
 * Cognito-style authorizer accepts; empty for any
 */
public record Authorizer(String name, String type, @Nullable String authorizerUri, @Nullable String identitySource,
		@Nullable String identityValidationExpression, Duration resultTtl, List<String> providerArns,
		@Nullable String jwkSetUri, List<String> audiences) {

	/** AWS's default result cache time. */
	public static final Duration DEFAULT_TTL = Duration.ofSeconds(300);

	public Authorizer {
		providerArns = Copies.list(providerArns);
		audiences = Copies.list(audiences);
	}

	/**
	 * An authorizer with only AWS's fields.
	 * @param name the name
	 * @param type the type
	 * @param authorizerUri the function
	 * @param identitySource the identity sources
	 * @param identityValidationExpression the TOKEN validation expression
	 * @param resultTtl the result cache time
	 * @param providerArns user pool ARNs or issuer URIs
	 */
	public Authorizer(String name, String type, @Nullable String authorizerUri, @Nullable String identitySource,
			@Nullable String identityValidationExpression, Duration resultTtl, List<String> providerArns) {
		this(name, type, authorizerUri, identitySource, identityValidationExpression, resultTtl, providerArns, null,
				List.of());
	}

}
