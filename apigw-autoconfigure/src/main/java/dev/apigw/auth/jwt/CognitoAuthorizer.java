package dev.apigw.auth.jwt;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jwt.JWTParser;
import dev.apigw.auth.authorizer.MethodAuthorization;
import dev.apigw.auth.authorizer.MethodAuthorizer;
import dev.apigw.definition.Problems;
import dev.apigw.model.AuthorizationType;
import dev.apigw.model.Authorizer;
import dev.apigw.model.GatewayResponseType;
import dev.apigw.response.GatewayResponseException;
import dev.apigw.routing.ApiInvocation;
import dev.apigw.routing.MethodRuntime;
import dev.apigw.routing.StageRuntime;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.web.server.ServerWebExchange;

/**
 * Cognito-style JWT authorizers ({@code COGNITO_USER_POOLS} methods). The token (the
 * identity source header, {@code Bearer } prefix optional) must be signed by one of the
 * authorizer's issuers ({@code providerARNs}: Cognito user pool ARNs or issuer URIs; keys
 * from {@code jwkSetUri} or the issuer's discovery document), carry an {@code exp} that
 * has not passed, and no {@code nbf} or {@code iat} in the future (all on the gateway's
 * clock, with a clock skew), and have an accepted audience when audiences are configured. A method
 * without scopes takes ID tokens; a method with scopes takes access tokens whose
 * {@code scope} holds one of them (Cognito's {@code token_use} claim tells the two apart
 * when present). Anything else is 401. Claims reach {@code $context.authorizer.claims}.
 * <p>
 * Each method's settings are checked and compiled once per deployed stage. Decoders are
 * kept per issuer, across deployments (they hold the issuer's keys, which a redeployment
 * does not change), and built without touching the issuer; keys are fetched (reactively)
 * on first use. No Spring Security bean is created, so the application's own
 * security configuration is not affected.
 */
public final class CognitoAuthorizer implements MethodAuthorizer {

	/** What AWS answers for an expired token. */
	public static final String EXPIRED = "The incoming token has expired";

	private static final Log logger = LogFactory.getLog(CognitoAuthorizer.class);

	/** Spring Security's default clock skew, which Cognito's hour-long tokens leave room for. */
	public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(60);

	private final TimeClaims time;

	private final Map<String, ReactiveJwtDecoder> decoders = new ConcurrentHashMap<>();

	/**
	 * Creates the authorizer with the default clock skew.
	 * @param clock the gateway's clock, time claims are judged by
	 */
	public CognitoAuthorizer(Clock clock) {
		this(clock, DEFAULT_CLOCK_SKEW);
	}

	/**
	 * Creates the authorizer.
	 * @param clock the gateway's clock, time claims are judged by
	 * @param clockSkew how far {@code exp}, {@code nbf} and {@code iat} may be off the clock
	 */
	public CognitoAuthorizer(Clock clock, Duration clockSkew) {
		if (clockSkew.isNegative()) {
			throw new IllegalArgumentException("The clock skew must not be negative, was " + clockSkew);
		}
		this.time = new TimeClaims(clock, clockSkew);
	}

	@Override
	public AuthorizationType type() {
		return AuthorizationType.COGNITO_USER_POOLS;
	}

	/**
	 * Checks the method's authorizer once per deployed stage (its type, issuers and
	 * identity source) and compiles the method's authorization: the token header, the
	 * accepted issuers and the method's scopes.
	 */
	@Override
	public @Nullable MethodAuthorization compile(StageRuntime stage, MethodRuntime method, Problems problems) {
		String path = method.resource().path();
		String verb = method.method().httpMethod();
		Authorizer authorizer = stage.api().authorizers().get(method.method().authorizerId());
		if (authorizer == null) {
			// as the API validator reports it, which runs first
			problems.add(path, verb, "authorizer", "Unknown authorizer '" + method.method().authorizerId() + "'");
			return null;
		}
		boolean valid = true;
		String prefix = "authorizers." + authorizer.name() + ".";
		if (!"COGNITO_USER_POOLS".equalsIgnoreCase(authorizer.type())) {
			valid = false;
			problems.add(path, verb, prefix + "type", "A COGNITO_USER_POOLS method needs a COGNITO_USER_POOLS "
					+ "authorizer, but '" + authorizer.name() + "' is " + authorizer.type());
		}
		if (authorizer.providerArns().isEmpty()) {
			valid = false;
			problems.add(path, verb, prefix + "provider-arns",
					"A COGNITO_USER_POOLS authorizer needs its issuers: user pool ARNs or issuer URIs");
		}
		List<String> issuers = new ArrayList<>();
		for (String provider : authorizer.providerArns()) {
			String issuer = Issuers.issuer(provider);
			if (issuer == null) {
				valid = false;
				problems.add(path, verb, prefix + "provider-arns", "'" + provider
						+ "' is neither a Cognito user pool ARN (arn:aws:cognito-idp:REGION:ACCOUNT:userpool/ID) nor an "
						+ "http(s) issuer URI");
			}
			else {
				issuers.add(issuer);
			}
		}
		String header = header(authorizer);
		if (header == null) {
			problems.add(path, verb, prefix + "identity-source",
					"A COGNITO_USER_POOLS authorizer reads its token from one method.request.header.NAME");
			return null;
		}
		return valid ? new Compiled(authorizer, header, List.copyOf(issuers), method.method().authorizationScopes())
				: null;
	}

	/** A method's Cognito-style authorization as compiled for a stage. */
	private final class Compiled implements MethodAuthorization {

		private final Authorizer authorizer;

		private final String header;

		private final List<String> issuers;

		private final List<String> scopes;

		Compiled(Authorizer authorizer, String header, List<String> issuers, List<String> scopes) {
			this.authorizer = authorizer;
			this.header = header;
			this.issuers = issuers;
			this.scopes = scopes;
		}

		@Override
		public Mono<Authorized> authorize(ServerWebExchange exchange, ApiInvocation invocation) {
			String token = token(exchange.getRequest().getHeaders().getFirst(this.header));
			String issuer = (token != null) ? unverifiedIssuer(token) : null;
			String accepted = (issuer != null) ? accepted(issuer) : null;
			if (accepted == null) {
				return unauthorized();
			}
			return decoder(accepted, this.authorizer.jwkSetUri()).decode(token)
				.onErrorMap((error) -> outcome(exchange, error))
				.flatMap((jwt) -> {
					if (CognitoAuthorizer.this.time.expired(jwt)) {
						return Mono.error(new GatewayResponseException(GatewayResponseType.UNAUTHORIZED, EXPIRED));
					}
					if (!audienceAccepted(this.authorizer, jwt) || !tokenUseAccepted(jwt, this.scopes)
							|| !scopeAccepted(jwt, this.scopes)) {
						return unauthorized();
					}
					invocation.authorizer(Map.of("claims", Claims.of(jwt.getClaims())));
					return Mono.just(new Authorized(exchange));
				});
		}

		/**
		 * The token's issuer when it is one of the authorizer's, as the token spells it (a
		 * trailing slash kept, for the issuer validation).
		 */
		private @Nullable String accepted(String issuer) {
			String normalized = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
			return this.issuers.contains(normalized) ? issuer : null;
		}

	}

	private static <T> Mono<T> unauthorized() {
		return Mono.error(new GatewayResponseException(GatewayResponseType.UNAUTHORIZED));
	}

	private static Throwable outcome(ServerWebExchange exchange, Throwable error) {
		if (error instanceof BadJwtException) {
			return new GatewayResponseException(GatewayResponseType.UNAUTHORIZED);
		}
		logger.warn(exchange.getLogPrefix() + "Cognito-style authorizer could not validate a token: " + error);
		return new GatewayResponseException(GatewayResponseType.AUTHORIZER_FAILURE);
	}

	private ReactiveJwtDecoder decoder(String issuer, @Nullable String jwkSetUri) {
		return this.decoders.computeIfAbsent(issuer + " " + Objects.toString(jwkSetUri, ""), (key) -> {
			NimbusReactiveJwtDecoder decoder = ((jwkSetUri != null) ? NimbusReactiveJwtDecoder.withJwkSetUri(jwkSetUri)
					: NimbusReactiveJwtDecoder.withIssuerLocation(issuer))
				.validateType(false)
				.build();
			// expiry is judged on the gateway's clock afterwards, to answer it as AWS does
			decoder.setJwtValidator(
					new DelegatingOAuth2TokenValidator<>(new JwtIssuerValidator(issuer), this.time.validity()));
			return decoder;
		});
	}

	private static boolean audienceAccepted(Authorizer authorizer, Jwt jwt) {
		if (authorizer.audiences().isEmpty()) {
			return true;
		}
		List<String> audiences = new ArrayList<>(jwt.getAudience() != null ? jwt.getAudience() : List.of());
		String clientId = jwt.getClaimAsString("client_id");
		if (clientId != null) {
			audiences.add(clientId);
		}
		return audiences.stream().anyMatch(authorizer.audiences()::contains);
	}

	private static boolean tokenUseAccepted(Jwt jwt, List<String> scopes) {
		String use = jwt.getClaimAsString("token_use");
		return use == null || use.equals(scopes.isEmpty() ? "id" : "access");
	}

	private static boolean scopeAccepted(Jwt jwt, List<String> scopes) {
		if (scopes.isEmpty()) {
			return true;
		}
		List<String> granted = new ArrayList<>();
		Object scope = jwt.getClaims().get("scope");
		if (scope == null) {
			scope = jwt.getClaims().get("scp");
		}
		if (scope instanceof String text) {
			granted.addAll(List.of(text.trim().split("\\s+")));
		}
		else if (scope instanceof Collection<?> values) {
			values.forEach((value) -> granted.add(String.valueOf(value)));
		}
		return scopes.stream().anyMatch(granted::contains);
	}

	private static @Nullable String unverifiedIssuer(String token) {
		try {
			return JWTParser.parse(token).getJWTClaimsSet().getIssuer();
		}
		catch (ParseException | RuntimeException ex) {
			return null;
		}
	}

	private static @Nullable String token(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String trimmed = value.trim();
		if (trimmed.regionMatches(true, 0, "Bearer ", 0, 7)) {
			trimmed = trimmed.substring(7).trim();
		}
		return trimmed.isEmpty() ? null : trimmed;
	}

	private static @Nullable String header(Authorizer authorizer) {
		String source = (authorizer.identitySource() != null) ? authorizer.identitySource().trim()
				: "method.request.header.Authorization";
		String prefix = "method.request.header.";
		if (!source.toLowerCase(Locale.ROOT).startsWith(prefix) || source.indexOf(',') >= 0) {
			return null;
		}
		return source.substring(prefix.length());
	}

}
