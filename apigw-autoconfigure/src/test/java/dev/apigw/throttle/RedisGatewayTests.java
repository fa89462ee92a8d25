package dev.apigw.throttle;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import dev.apigw.test.GatewayTestApplication;
import dev.apigw.test.TestRedis;
import io.micrometer.core.instrument.MeterRegistry;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import reactor.core.publisher.Flux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Usage plans on Redis with real gateways: two application contexts on their own ports
 * sharing one redis-server enforce one quota exactly; a Redis killed mid-run and restarted
 * leaves every gateway serving under its failure policy, counting goes on where it
 * stopped, and the health details tell that Redis lost its data.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RedisGatewayTests {

	private static final String SHARED = "shared-key-0123456789abcdef";

	private static final String FALLBACK = "fallback-key-0123456789abcdef";

	private static TestRedis redis;

	private static ConfigurableApplicationContext first;

	private static ConfigurableApplicationContext second;

	private static ConfigurableApplicationContext fallback;

	private static ConfigurableApplicationContext failClosed;

	private static ConnectionProvider connections;

	private static WebClient client;

	@BeforeAll
	static void start() {
		redis = TestRedis.start();
		// generous timeouts: one slow answer under load must not send a node to local counting
		first = gateway("apigw.store.redis.timeout=5s");
		second = gateway("apigw.store.redis.timeout=5s");
		fallback = gateway("apigw.store.redis.timeout=250ms", "apigw.store.redis.retry-interval=100ms");
		failClosed = gateway("apigw.store.redis.timeout=250ms", "apigw.store.redis.retry-interval=100ms",
				"apigw.store.redis.failure-policy=fail-closed");
		connections = ConnectionProvider.builder("redis-tests").maxConnections(400).pendingAcquireMaxCount(-1).build();
		client = WebClient.builder()
			.clientConnector(new ReactorClientHttpConnector(HttpClient.create(connections)))
			.build();
	}

	@AfterAll
	static void stop() {
		try {
			for (ConfigurableApplicationContext context : java.util.Arrays.asList(first, second, fallback, failClosed)) {
				if (context != null) {
					context.close();
				}
			}
			if (connections != null) {
				connections.dispose();
			}
		}
		finally {
			redis.close();
		}
	}

	private static ConfigurableApplicationContext gateway(String... properties) {
		return new SpringApplicationBuilder(GatewayTestApplication.class).profiles("redis")
			.properties("server.port=0", "spring.data.redis.host=127.0.0.1",
					"spring.data.redis.port=" + redis.port())
			.properties(properties)
			.run();
	}

	@Test
	@Order(1)
	void twoInstancesSharingRedisEnforceOneQuotaExactly() {
		int[] ports = { port(first), port(second) };
		Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
		AtomicInteger rateLimitHeaders = new AtomicInteger();
		Flux.range(0, 300)
			.flatMap((i) -> client.get()
				.uri("http://127.0.0.1:" + ports[i % 2] + "/shop/live/items")
				.header("x-api-key", SHARED)
				.exchangeToMono((response) -> {
					if (response.headers().asHttpHeaders().containsHeader("X-RateLimit-Remaining")) {
						rateLimitHeaders.incrementAndGet();
					}
					return response.bodyToMono(String.class)
						.defaultIfEmpty("")
						.map((body) -> response.statusCode().value() + " "
								+ response.headers().asHttpHeaders().getFirst("x-amzn-ErrorType") + " " + body);
				}), 300)
			.doOnNext((outcome) -> outcomes.computeIfAbsent(outcome, (key) -> new AtomicInteger()).incrementAndGet())
			.blockLast(Duration.ofSeconds(60));
		assertThat(outcomes).hasSize(2);
		assertThat(outcomes.get("200 null ")).hasValue(100);
		assertThat(outcomes.get("429 LimitExceededException {\"message\":\"Limit Exceeded\"}")).hasValue(200);
		assertThat(rateLimitHeaders).as("rate-limit headers are opt-in").hasValue(0);
		assertThat(usage(second, "hundred")).containsEntry("values", Map.of("shared", List.of(List.of(100, 0))));
		assertThat(usage(first, "hundred")).containsEntry("values", Map.of("shared", List.of(List.of(100, 0))));
	}

	@Test
	@Order(2)
	void redisKilledMidRunAndRestartedKeepsThePolicyAndTheCounts() {
		assertThat(statuses(fallback, 20)).containsOnly(200);
		assertThat(health(fallback)).isEqualTo(200);
		assertThat(healthDetails(fallback)).contains("\"countersLost\":false");
		redis.kill();
		// local fallback: the 30 requests left of the quota of 50 are admitted, then no more
		assertThat(statuses(fallback, 20)).containsOnly(200);
		List<Integer> statuses = statuses(fallback, 20);
		assertThat(statuses.subList(0, 10)).containsOnly(200);
		assertThat(statuses.subList(10, 20)).containsOnly(429);
		assertThat(health(fallback)).isEqualTo(503);
		assertThat(fallback.getBean(MeterRegistry.class).get("apigw.store.available").tag("store", "redis").gauge()
			.value()).isZero();
		// fail-closed: refused while Redis is away
		client.get()
			.uri(url(failClosed))
			.header("x-api-key", FALLBACK)
			.exchangeToMono((response) -> response.bodyToMono(String.class).map((body) -> {
				assertThat(response.statusCode().value()).isEqualTo(503);
				assertThat(body).isEqualTo("{\"message\":\"Service Unavailable\"}");
				return body;
			}))
			.block(Duration.ofSeconds(10));
		redis.restart();
		Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> health(fallback) == 200);
		// the restarted Redis kept nothing (no persistence): the health details say so
		assertThat(healthDetails(fallback)).contains("\"available\":true", "\"countersLost\":true",
				"\"countersLostAt\":\"");
		// the counts made without Redis were merged into the restarted, empty Redis
		assertThat(statuses(fallback, 1)).containsOnly(429);
		assertThat(usage(fallback, "fifty")).containsEntry("values", Map.of("fallback", List.of(List.of(50, 0))));
		Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> health(failClosed) == 200);
		assertThat(statuses(failClosed, 1)).containsOnly(429);
	}

	private static List<Integer> statuses(ConfigurableApplicationContext gateway, int count) {
		return Flux.range(0, count)
			.concatMap((i) -> client.get()
				.uri(url(gateway))
				.header("x-api-key", FALLBACK)
				.exchangeToMono((response) -> response.releaseBody().thenReturn(response.statusCode().value())))
			.collectList()
			.block(Duration.ofSeconds(30));
	}

	private static int health(ConfigurableApplicationContext gateway) {
		return client.get()
			.uri("http://127.0.0.1:" + port(gateway) + "/actuator/health/apigwStore")
			.exchangeToMono((response) -> response.releaseBody().thenReturn(response.statusCode().value()))
			.block(Duration.ofSeconds(10));
	}

	private static String healthDetails(ConfigurableApplicationContext gateway) {
		return client.get()
			.uri("http://127.0.0.1:" + port(gateway) + "/actuator/health/apigwStore")
			.exchangeToMono((response) -> response.bodyToMono(String.class))
			.block(Duration.ofSeconds(10));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> usage(ConfigurableApplicationContext gateway, String plan) {
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		return client.get()
			.uri("http://127.0.0.1:" + port(gateway) + "/actuator/apigw/usage/" + plan + "?startDate=" + today
					+ "&endDate=" + today)
			.retrieve()
			.bodyToMono(Map.class)
			.block(Duration.ofSeconds(10));
	}

	private static String url(ConfigurableApplicationContext gateway) {
		return "http://127.0.0.1:" + port(gateway) + "/shop/live/items";
	}

	private static int port(ConfigurableApplicationContext gateway) {
		return ((WebServerApplicationContext) gateway).getWebServer().getPort();
	}

}
