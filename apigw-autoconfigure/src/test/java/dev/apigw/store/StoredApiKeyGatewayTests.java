package dev.apigw.store;

import java.time.Duration;
import java.util.Set;

import dev.apigw.auth.ApiKeyHashes;
import dev.apigw.model.ApiKey;
import dev.apigw.test.GatewayTestApplication;
import dev.apigw.test.TwoGateways;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.ResponseEntity;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * API keys created at run time (as the management API creates them) in the store two
 * gateway instances share through a real redis-server: a key saved on one authenticates on
 * the other under its usage plan, a disabled key is refused on both, and a deleted key is
 * forbidden again; keys from configuration keep working beside them.
 */
class StoredApiKeyGatewayTests {

	private static final String VALUE = "runtime-key-0123456789abcdefghij";

	private static final WebClient client = WebClient.create();

	private static TwoGateways gateways;

	@BeforeAll
	static void start() {
		gateways = TwoGateways.start("redis", GatewayTestApplication.class);
	}

	@AfterAll
	static void stop() {
		if (gateways != null) {
			gateways.close();
		}
	}

	@Test
	void aKeySavedOnOneInstanceAuthenticatesOnTheOtherUntilItIsDisabledOrDeleted() {
		ApiKeyStore first = gateways.first().getBean(ApiKeyStore.class);
		assertThat(gateways.second().getBean(ApiKeyStore.class)).isInstanceOf(RedisApiKeyStore.class);
		assertThat(get(gateways.second(), VALUE).getStatusCode().value()).isEqualTo(403);
		ApiKey key = new ApiKey("rk1", "runtime", null, true, ApiKeyHashes.sha256(VALUE), Set.of("hundred"));
		first.save(key).block();
		ResponseEntity<String> served = get(gateways.second(), VALUE);
		assertThat(served.getStatusCode().value()).isEqualTo(200);
		first.save(new ApiKey("rk1", "runtime", null, false, ApiKeyHashes.sha256(VALUE), Set.of("hundred"))).block();
		assertThat(get(gateways.second(), VALUE).getStatusCode().value()).isEqualTo(403);
		assertThat(get(gateways.first(), VALUE).getStatusCode().value()).isEqualTo(403);
		first.save(key).block();
		assertThat(get(gateways.first(), VALUE).getStatusCode().value()).isEqualTo(200);
		assertThat(first.delete("rk1").block()).isTrue();
		assertThat(get(gateways.second(), VALUE).getStatusCode().value()).isEqualTo(403);
		assertThat(get(gateways.second(), "shared-key-0123456789abcdef").getStatusCode().value()).isEqualTo(200);
	}

	private static ResponseEntity<String> get(ConfigurableApplicationContext gateway, String key) {
		return client.get()
			.uri("http://127.0.0.1:" + TwoGateways.port(gateway) + "/shop/live/items")
			.header("x-api-key", key)
			.exchangeToMono((response) -> response.toEntity(String.class))
			.block(Duration.ofSeconds(10));
	}

}
