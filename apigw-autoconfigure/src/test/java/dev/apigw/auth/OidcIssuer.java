package dev.apigw.auth;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;

/**
 * A real OAuth 2.1 / OpenID Connect issuer for tests (outside the packages the test
 * applications scan): Spring Authorization Server on
 * Tomcat on a random loopback port (servlet filters only: no Spring MVC and no Boot
 * auto-configuration, so it does not change the other test applications), issuing
 * Cognito-shaped tokens through the client-credentials grant. Client {@code orders}
 * gets access tokens ({@code token_use: access}, {@code client_id}, scopes
 * {@code orders/read orders/write}); client {@code profile} gets tokens shaped like
 * Cognito ID tokens ({@code token_use: id}, {@code email}, {@code cognito:username}).
 */
final class OidcIssuer implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final ConfigurableApplicationContext context;

	private final int port;

	private OidcIssuer(ConfigurableApplicationContext context) {
		this.context = context;
		this.port = ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	/**
	 * Starts an issuer.
	 * @return the running issuer
	 */
	public static OidcIssuer start() {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(IssuerConfiguration.class)
			.web(WebApplicationType.SERVLET)
			.properties("spring.main.banner-mode=off", "spring.main.register-shutdown-hook=false")
			.run();
		return new OidcIssuer(context);
	}

	/**
	 * The issuer URI ({@code iss} of its tokens).
	 * @return the URI
	 */
	public String issuer() {
		return "http://127.0.0.1:" + this.port;
	}

	/**
	 * Gets a token with the client-credentials grant.
	 * @param client {@code orders} or {@code profile}
	 * @param scopes the scopes to ask for, space separated, or {@code null}
	 * @return the access token
	 */
	@SuppressWarnings("unchecked")
	public String token(String client, String scopes) {
		String credentials = Base64.getEncoder()
			.encodeToString((client + ":" + client + "-secret").getBytes(StandardCharsets.UTF_8));
		String form = "grant_type=client_credentials" + ((scopes != null) ? "&scope=" + scopes.replace(" ", "+") : "");
		String body = HttpClient.create()
			.headers((headers) -> headers.set("Authorization", "Basic " + credentials)
				.set("Content-Type", "application/x-www-form-urlencoded"))
			.post()
			.uri(issuer() + "/oauth2/token")
			.send(reactor.netty.ByteBufFlux.fromString(reactor.core.publisher.Mono.just(form)))
			.responseSingle((response, content) -> content.asString().map((text) -> {
				if (response.status().code() != 200) {
					throw new IllegalStateException("Token request failed: " + response.status() + " " + text);
				}
				return text;
			}))
			.block(Duration.ofSeconds(10));
		return (String) JSON.readValue(body, Map.class).get("access_token");
	}

	/**
	 * Signs a token with the issuer's own key (the one its JWK set publishes), with exactly
	 * the given claims besides {@code iss}: for tokens the grants do not issue, such as one
	 * without {@code exp}.
	 * @param claims the claims; {@code exp}, {@code nbf} and {@code iat} as {@link java.time.Instant}
	 * @return the signed token
	 */
	@SuppressWarnings("unchecked")
	public String sign(Map<String, Object> claims) {
		JwtEncoder encoder = new NimbusJwtEncoder(this.context.getBean(JWKSource.class));
		JwtClaimsSet.Builder set = JwtClaimsSet.builder().issuer(issuer());
		claims.forEach(set::claim);
		return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), set.build()))
			.getTokenValue();
	}

	@Override
	public void close() {
		this.context.close();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableWebSecurity
	static class IssuerConfiguration {

		@Bean
		TomcatServletWebServerFactory tomcat() {
			TomcatServletWebServerFactory tomcat = new TomcatServletWebServerFactory(0);
			tomcat.setAddress(InetAddress.getLoopbackAddress());
			// a servlet to map requests to, so they reach the security filters
			tomcat.setRegisterDefaultServlet(true);
			return tomcat;
		}

		@Bean
		SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
			http.oauth2AuthorizationServer((server) -> server.oidc(Customizer.withDefaults()))
				.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated());
			return http.build();
		}

		@Bean
		RegisteredClientRepository clients() {
			return new InMemoryRegisteredClientRepository(client("orders", "orders/read", "orders/write"),
					client("profile", "profile"));
		}

		private static RegisteredClient client(String id, String... scopes) {
			return RegisteredClient.withId(UUID.randomUUID().toString())
				.clientId(id)
				.clientSecret("{noop}" + id + "-secret")
				.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
				.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
				.scopes((set) -> set.addAll(List.of(scopes)))
				.tokenSettings(TokenSettings.builder().accessTokenTimeToLive(Duration.ofMinutes(60)).build())
				.build();
		}

		@Bean
		OAuth2TokenCustomizer<JwtEncodingContext> cognitoShapedTokens() {
			return (context) -> {
				String client = context.getRegisteredClient().getClientId();
				if (client.equals("profile")) {
					context.getClaims()
						.claim("token_use", "id")
						.claim("email", "alice@example.com")
						.claim("email_verified", true)
						.claim("cognito:username", "alice")
						.claim("cognito:groups", List.of("admins", "users"));
				}
				else {
					context.getClaims().claim("token_use", "access").claim("client_id", client);
				}
			};
		}

		@Bean
		KeyPair signingKey() throws NoSuchAlgorithmException {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		}

		/** What the OpenID Connect user info endpoint validates its tokens with. */
		@Bean
		JwtDecoder userInfoTokens(KeyPair signingKey) {
			return NimbusJwtDecoder.withPublicKey((RSAPublicKey) signingKey.getPublic()).build();
		}

		@Bean
		JWKSource<SecurityContext> keys(KeyPair pair) {
			RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
				.keyID(UUID.randomUUID().toString())
				.build();
			return new ImmutableJWKSet<>(new JWKSet(key));
		}

		@Bean
		AuthorizationServerSettings settings() {
			return AuthorizationServerSettings.builder().build();
		}

	}

}
