package dev.apigw.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.apigw.auth.authorizer.AuthorizerFunction;
import dev.apigw.test.GatewayTestApplication;
import dev.apigw.test.TwoGateways;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.http.ResponseEntity;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lambda authorizer results shared through a real redis-server by two gateways: a result
 * one gateway cached (an allow with its context, or an explicit deny) is a hit on the other,
 * which answers the same without invoking the function, until Redis expires it after the
 * authorizer's TTL.
 */
class RedisAuthorizerCacheGatewayTests {

	/** The tokens the authorizer function was invoked with, by either gateway. */
	static final List<String> calls = new CopyOnWriteArrayList<>();

	private static TwoGateways gateways;

	private static ConfigurableApplicationContext first;

	private static ConfigurableApplicationContext second;

	private static final WebClient client = WebClient.create();

	@BeforeAll
	static void start() {
		gateways = TwoGateways.start("redis-authorizers", GatewayTestApplication.class, AuthorizerFunctions.class);
		first = gateways.first();
		second = gateways.second();
	}

	@AfterAll
	static void stop() {
		if (gateways != null) {
			gateways.close();
		}
	}

	@BeforeEach
	void clear() {
		calls.clear();
	}

	@Test
	void anAllowCachedByOneGatewayIsAHitOnTheOtherWithItsContext() {
		ResponseEntity<String> fresh = get(first, "allow-alice");
		assertThat(fresh.getStatusCode().value()).isEqualTo(200);
		assertThat(fresh.getBody()).isEqualTo("{\"principalId\":\"alice\",\"user\":\"alice\",\"number\":\"1\"}");
		ResponseEntity<String> cached = get(second, "allow-alice");
		assertThat(cached.getStatusCode().value()).isEqualTo(200);
		assertThat(cached.getBody()).isEqualTo(fresh.getBody());
		assertThat(get(first, "allow-alice").getBody()).isEqualTo(fresh.getBody());
		assertThat(calls).containsExactly("allow-alice");
		get(second, "allow-bob");
		assertThat(calls).containsExactly("allow-alice", "allow-bob");
	}

	@Test
	void anExplicitDenyCachedByOneGatewayIsServedByTheOther() {
		String denied = "{\"Message\":\"User is not authorized to access this resource with an explicit deny\"}";
		ResponseEntity<String> fresh = get(second, "deny-mallory");
		assertThat(fresh.getStatusCode().value()).isEqualTo(403);
		assertThat(fresh.getBody()).isEqualTo(denied);
		ResponseEntity<String> cached = get(first, "deny-mallory");
		assertThat(cached.getStatusCode().value()).isEqualTo(403);
		assertThat(cached.getBody()).isEqualTo(denied);
		assertThat(calls).containsExactly("deny-mallory");
	}

	@Test
	void redisExpiresAResultAfterTheAuthorizersTtlAndHoldsNoToken() throws Exception {
		get(first, "allow-carol");
		String key = "authorizers-test:authorizer:shared/live/tokens/" + sha256("allow-carol");
		assertThat(gateways.redis().pttl(key)).isPositive().isLessThanOrEqualTo(120_000);
		assertThat(key).doesNotContain("carol");
		assertThat(gateways.redis().get(key)).startsWith("{\"principalId\":\"carol\",\"policyDocument\":{");
	}

	private static String sha256(String identity) throws Exception {
		MessageDigest digest = MessageDigest.getInstance("SHA-256");
		digest.update(identity.getBytes(StandardCharsets.UTF_8));
		digest.update((byte) 0);
		return HexFormat.of().formatHex(digest.digest());
	}

	private static ResponseEntity<String> get(ConfigurableApplicationContext gateway, String token) {
		int port = ((WebServerApplicationContext) gateway).getWebServer().getPort();
		return client.get()
			.uri("http://127.0.0.1:" + port + "/shared/live/whoami")
			.header("Authorization", token)
			.exchangeToMono((response) -> response.toEntity(String.class))
			.block(Duration.ofSeconds(10));
	}

	/**
	 * A TOKEN authorizer whose token says what it answers ({@code allow-<user>},
	 * {@code deny-<user>}), counting its invocations over both gateways.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class AuthorizerFunctions {

		@Bean
		AuthorizerFunction countingAuthorizer() {
			return (event) -> {
				String token = (String) event.get("authorizationToken");
				calls.add(token);
				String user = token.substring(token.indexOf('-') + 1);
				String effect = token.startsWith("allow-") ? "Allow" : "Deny";
				Map<String, Object> output = new LinkedHashMap<>();
				output.put("principalId", user);
				output.put("policyDocument", Map.of("Version", "2012-10-17", "Statement", List.of(Map.of("Action",
						"execute-api:Invoke", "Effect", effect, "Resource", event.get("methodArn")))));
				output.put("context", Map.of("user", user, "number", 1));
				return output;
			};
		}

	}

}
