package dev.apigw.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.apigw.test.GatewayTestApplication;
import dev.apigw.test.MutableClock;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cognito-style authorizers against a real OpenID Connect issuer (Spring Authorization
 * Server on a random port) with tokens from real client-credentials grants, in an
 * application with its own Spring Security configuration, which keeps protecting
 * everything outside the API mounts.
 */
@SpringBootTest(classes = { GatewayTestApplication.class, CognitoAuthorizerTests.ApplicationSecurity.class },
		webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@ActiveProfiles("jwt")
class CognitoAuthorizerTests {

	private static final OidcIssuer issuer = OidcIssuer.start();

	/** apigw.security.jwt.clock-skew's default. */
	private static final Duration SKEW = Duration.ofSeconds(60);

	@Autowired
	private WebTestClient client;

	@Autowired
	private MutableClock clock;

	@DynamicPropertySource
	static void issuer(DynamicPropertyRegistry registry) {
		registry.add("apigw.apis.jwt.authorizers.pool.provider-arns", issuer::issuer);
		registry.add("apigw.apis.jwt.authorizers.audience.provider-arns", issuer::issuer);
	}

	@AfterAll
	static void stop() {
		issuer.close();
	}

	@BeforeEach
	void now() {
		// the issuer stamps real time: the gateway's clock starts each test there
		this.clock.set(Instant.now());
	}

	@Test
	void idTokenOnAMethodWithoutScopesPassesItsClaims() {
		String token = issuer.token("profile", "profile");
		String body = get("/jwt/dev/profile", token).expectStatus().isOk().expectBody(String.class).returnResult()
			.getResponseBody();
		Instant exp = Instant.ofEpochSecond(Long.parseLong(claim(token, "exp")));
		assertThat(body).isEqualTo("{\"sub\":\"profile\",\"email\":\"alice@example.com\",\"verified\":\"true\","
				+ "\"username\":\"alice\",\"groups\":\"admins,users\",\"aud\":\"profile\",\"exp\":\""
				+ java.time.format.DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss zzz yyyy", java.util.Locale.US)
					.withZone(java.time.ZoneId.of("UTC"))
					.format(exp)
				+ "\"}");
	}

	@Test
	void bearerPrefixIsAccepted() {
		get("/jwt/dev/profile", "Bearer " + issuer.token("profile", "profile")).expectStatus().isOk();
	}

	@Test
	void accessTokenOnAMethodWithoutScopesIsUnauthorized() {
		assertUnauthorized(get("/jwt/dev/profile", issuer.token("orders", "orders/read")));
	}

	@Test
	void accessTokenWithOneOfTheMethodsScopesIsAuthorized() {
		get("/jwt/dev/orders", issuer.token("orders", "orders/read")).expectStatus()
			.isOk()
			.expectBody(String.class)
			.isEqualTo("{\"client\":\"orders\",\"scope\":\"orders/read\"}");
	}

	@Test
	void tokenWithoutAMethodScopeOrOfTheWrongUseIsUnauthorized() {
		assertUnauthorized(get("/jwt/dev/admin", issuer.token("orders", "orders/read orders/write")));
		assertUnauthorized(get("/jwt/dev/orders", issuer.token("profile", "profile")));
	}

	@Test
	void missingMalformedAndTamperedTokensAreUnauthorized() {
		assertUnauthorized(this.client.get().uri("/jwt/dev/profile").exchange());
		assertUnauthorized(get("/jwt/dev/profile", "not-a-jwt"));
		String token = issuer.token("profile", "profile");
		String[] parts = token.split("\\.");
		String payload = new String(Base64.getUrlDecoder().decode(parts[1])).replace("alice@example.com",
				"mallory@example.com");
		String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes())
				+ "." + parts[2];
		assertUnauthorized(get("/jwt/dev/profile", tampered));
	}

	@Test
	void tokenOfAnotherIssuerIsUnauthorized() {
		assertUnauthorized(get("/jwt/dev/foreign", issuer.token("profile", "profile")));
	}

	@Test
	void tokenForAnotherAudienceIsUnauthorized() {
		assertUnauthorized(get("/jwt/dev/audience", issuer.token("orders", "orders/read")));
	}

	@Test
	void expiredTokenIsUnauthorizedWithAwsMessage() {
		String token = issuer.token("profile", "profile");
		Instant exp = Instant.ofEpochSecond(Long.parseLong(claim(token, "exp")));
		this.clock.set(exp.plus(SKEW).plusSeconds(1));
		assertExpired(get("/jwt/dev/profile", token));
	}

	@Test
	void tokenExpiredLessThanTheClockSkewAgoIsStillAccepted() {
		Instant now = this.clock.instant();
		get("/jwt/dev/profile", idToken(now.minus(Duration.ofHours(1)), null, now.minusSeconds(30))).expectStatus()
			.isOk();
		assertExpired(get("/jwt/dev/profile", idToken(now.minus(Duration.ofHours(1)), null, now.minusSeconds(61))));
	}

	@Test
	void tokenWithoutExpiryIsUnauthorized() {
		Instant now = this.clock.instant();
		get("/jwt/dev/profile", idToken(now, null, now.plus(Duration.ofHours(1)))).expectStatus().isOk();
		assertUnauthorized(get("/jwt/dev/profile", idToken(now, null, null)));
	}

	@Test
	void tokenNotValidBeforeAMomentBeyondTheClockSkewIsUnauthorized() {
		Instant now = this.clock.instant();
		Instant exp = now.plus(Duration.ofHours(2));
		assertUnauthorized(get("/jwt/dev/profile", idToken(now, now.plus(Duration.ofHours(1)), exp)));
		assertUnauthorized(get("/jwt/dev/profile", idToken(now, now.plusSeconds(61), exp)));
		get("/jwt/dev/profile", idToken(now, now.plusSeconds(30), exp)).expectStatus().isOk();
		get("/jwt/dev/profile", idToken(now, now.minusSeconds(30), exp)).expectStatus().isOk();
	}

	@Test
	void tokenIssuedInTheFutureBeyondTheClockSkewIsUnauthorized() {
		Instant now = this.clock.instant();
		Instant exp = now.plus(Duration.ofHours(2));
		assertUnauthorized(get("/jwt/dev/profile", idToken(now.plus(Duration.ofHours(1)), null, exp)));
		assertUnauthorized(get("/jwt/dev/profile", idToken(now.plusSeconds(61), null, exp)));
		get("/jwt/dev/profile", idToken(now.plusSeconds(30), null, exp)).expectStatus().isOk();
	}

	@Test
	void grantedTokenIsUnauthorizedWhileTheGatewaysClockIsBehindItsIssueTimeBeyondTheSkew() {
		String token = issuer.token("profile", "profile");
		Instant iat = Instant.ofEpochSecond(Long.parseLong(claim(token, "iat")));
		this.clock.set(iat.minus(SKEW).minusSeconds(1));
		assertUnauthorized(get("/jwt/dev/profile", token));
		this.clock.set(iat.minus(SKEW).plusSeconds(1));
		get("/jwt/dev/profile", token).expectStatus().isOk();
	}

	@Test
	void applicationSecurityStillGuardsEverythingOutsideTheApiMounts() {
		String token = issuer.token("profile", "profile");
		this.client.get().uri("/actuator/health").exchange().expectStatus().isUnauthorized()
			.expectHeader().doesNotExist("x-amzn-ErrorType")
			.expectHeader().exists(HttpHeaders.WWW_AUTHENTICATE);
		this.client.get().uri("/actuator/health").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange()
			.expectStatus().isUnauthorized();
		this.client.get().uri("/actuator/health").headers((headers) -> headers.setBasicAuth("admin", "admin-password"))
			.exchange().expectStatus().isOk().expectBody(String.class).isEqualTo("{\"groups\":[\"liveness\",\"readiness\"],\"status\":\"UP\"}");
		this.client.get().uri("/hello").exchange().expectStatus().isUnauthorized();
		this.client.get().uri("/hello").headers((headers) -> headers.setBasicAuth("admin", "admin-password"))
			.exchange().expectStatus().isOk().expectBody(String.class).isEqualTo("hello");
		assertUnauthorized(this.client.get().uri("/jwt/dev/profile").exchange());
	}

	private WebTestClient.ResponseSpec get(String path, String token) {
		return this.client.get().uri(path).header(HttpHeaders.AUTHORIZATION, token).exchange();
	}

	private static void assertUnauthorized(WebTestClient.ResponseSpec response) {
		response.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.valueEquals("x-amzn-ErrorType", "UnauthorizedException")
			.expectBody(String.class)
			.isEqualTo("{\"message\":\"Unauthorized\"}");
	}

	private static void assertExpired(WebTestClient.ResponseSpec response) {
		response.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.valueEquals("x-amzn-ErrorType", "UnauthorizedException")
			.expectBody(String.class)
			.isEqualTo("{\"message\":\"The incoming token has expired\"}");
	}

	/** An ID token of the {@code profile} client, signed by the issuer, with the given times. */
	private static String idToken(Instant iat, @Nullable Instant nbf, @Nullable Instant exp) {
		Map<String, Object> claims = new LinkedHashMap<>();
		claims.put("sub", "profile");
		claims.put("aud", List.of("profile"));
		claims.put("token_use", "id");
		claims.put("iat", iat);
		if (nbf != null) {
			claims.put("nbf", nbf);
		}
		if (exp != null) {
			claims.put("exp", exp);
		}
		return issuer.sign(claims);
	}

	private static String claim(String token, String name) {
		String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
		java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("\"" + name + "\":\"?([^,\"}]+)").matcher(payload);
		assertThat(matcher.find()).isTrue();
		return matcher.group(1);
	}

	/**
	 * The application's own security: the actuator and its own endpoints need a user; the
	 * API mounts are left to the gateway, which authorizes them as AWS does.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	@EnableWebFluxSecurity
	static class ApplicationSecurity {

		@Bean
		MutableClock apigwClock() {
			return new MutableClock(Instant.now());
		}

		@Bean
		SecurityWebFilterChain applicationSecurity(ServerHttpSecurity http) {
			return http.authorizeExchange((exchanges) -> exchanges.pathMatchers("/jwt/**")
				.permitAll()
				.pathMatchers("/actuator/**")
				.hasRole("ADMIN")
				.anyExchange()
				.authenticated())
				.httpBasic((basic) -> {
				})
				.csrf(ServerHttpSecurity.CsrfSpec::disable)
				.build();
		}

		@Bean
		MapReactiveUserDetailsService users() {
			return new MapReactiveUserDetailsService(
					User.withUsername("admin").password("{noop}admin-password").roles("ADMIN").build());
		}

		@Bean
		RouterFunction<ServerResponse> hello() {
			return RouterFunctions.route()
				.GET("/hello", (request) -> ServerResponse.ok().bodyValue("hello"))
				.build();
		}

	}

}
