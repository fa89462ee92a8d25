package dev.apigw.store;

import java.time.Duration;
import java.util.Map;

import dev.apigw.test.GatewayTestApplication;
import dev.apigw.test.TwoGateways;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deployments and stage caches shared through a real redis-server by two gateways: a
 * rollback or canary made on one is served by both, and a response cached by one is a hit
 * on the other until a flush on either.
 */
class RedisStagesTests {

	private static TwoGateways gateways;

	private static ConfigurableApplicationContext first;

	private static ConfigurableApplicationContext second;

	private static final WebClient client = WebClient.create();

	@BeforeAll
	static void start() {
		gateways = TwoGateways.start("redis-stages", GatewayTestApplication.class);
		first = gateways.first();
		second = gateways.second();
	}

	@AfterAll
	static void stop() {
		if (gateways != null) {
			gateways.close();
		}
	}

	@Test
	void bothInstancesServeOneDeploymentAndFollowARollbackMadeOnEither() {
		String initial = (String) get(first, "/shared/live/color").get("deploymentId");
		assertThat(get(second, "/shared/live/color")).containsEntry("deploymentId", initial);
		Map<String, Object> deployed = post(first, "/actuator/apigw/deployments",
				Map.of("apiId", "shared", "stage", "live", "description", "second"));
		String next = (String) deployed.get("id");
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(get(second, "/shared/live/color")).containsEntry("deploymentId", next));
		post(second, "/actuator/apigw/deployments/rollback",
				Map.of("apiId", "shared", "stage", "live", "deploymentId", initial));
		assertThat(get(second, "/shared/live/color")).containsEntry("deploymentId", initial);
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(get(first, "/shared/live/color")).containsEntry("deploymentId", initial));
		// the history is one, whichever instance is asked
		assertThat(get(second, "/actuator/apigw/deployments/shared").get("deployments"))
			.isEqualTo(get(first, "/actuator/apigw/deployments/shared").get("deployments"));
		post(first, "/actuator/apigw/deployments/canary", Map.of("apiId", "shared", "stage", "live", "percentTraffic",
				100, "stageVariableOverrides", "{\"color\": \"blue\"}"));
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(get(second, "/shared/live/color")).containsEntry("color", "blue"));
		post(second, "/actuator/apigw/deployments/canary/cancel", Map.of("apiId", "shared", "stage", "live"));
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(get(first, "/shared/live/color")).containsEntry("color", "green"));
	}

	@Test
	void aResponseCachedByOneInstanceIsAHitOnTheOtherUntilFlushed() {
		Map<String, Object> cached = get(first, "/shared/live/cached?page=1");
		assertThat(get(second, "/shared/live/cached?page=1")).isEqualTo(cached);
		assertThat(get(second, "/shared/live/cached?page=2")).isNotEqualTo(cached);
		assertThat(get(first, "/shared/live/cached?page=1")).isEqualTo(cached);
		Map<String, Object> flushed = post(second, "/actuator/apigw/cache/flush",
				Map.of("apiId", "shared", "stage", "live"));
		assertThat(flushed).containsEntry("entries", 2);
		assertThat(get(first, "/shared/live/cached?page=1")).isNotEqualTo(cached);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> get(ConfigurableApplicationContext gateway, String path) {
		return client.get().uri(url(gateway, path)).retrieve().bodyToMono(Map.class).block(Duration.ofSeconds(10));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> post(ConfigurableApplicationContext gateway, String path,
			Map<String, Object> body) {
		return client.post().uri(url(gateway, path)).bodyValue(body).retrieve().bodyToMono(Map.class)
			.block(Duration.ofSeconds(10));
	}

	private static String url(ConfigurableApplicationContext gateway, String path) {
		return "http://127.0.0.1:" + ((WebServerApplicationContext) gateway).getWebServer().getPort() + path;
	}

}
