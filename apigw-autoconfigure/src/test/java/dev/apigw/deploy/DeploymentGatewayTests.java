package dev.apigw.deploy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import dev.apigw.test.GatewayTestApplication;
import dev.apigw.test.TestBackend;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.cloud.context.refresh.ContextRefresher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deployments at runtime through a real gateway: deploy, roll back under concurrent load,
 * canaries split, promoted and cancelled, configuration refreshes deployed, and every
 * action in the history and the audit log.
 */
@SpringBootTest(classes = GatewayTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@ActiveProfiles("stages")
@Import(DeploymentGatewayTests.Sources.class)
class DeploymentGatewayTests {

	private static final TestBackend backend = TestBackend.start();

	private static final ConnectionProvider connections = ConnectionProvider.builder("deployment-tests")
		.maxConnections(64)
		.pendingAcquireMaxCount(-1)
		.build();

	private static final WebClient http = WebClient.builder()
		.clientConnector(new ReactorClientHttpConnector(HttpClient.create(connections)))
		.build();

	@Autowired
	private WebTestClient client;

	@Autowired
	private DeploymentRegistry registry;

	@Autowired
	private VersionedApiSource versioned;

	@LocalServerPort
	private int port;

	@AfterAll
	static void stop() {
		connections.dispose();
		backend.close();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Sources {

		@Bean
		VersionedApiSource versionedApiSource() {
			return new VersionedApiSource(backend.address());
		}

	}

	@Test
	void rollbackUnderConcurrentLoadLosesNoRequestAndMixesNoDeployments() {
		String first = this.registry.stages("versioned").get("live").deploymentId();
		this.versioned.version("B");
		Map<String, Object> deployed = write("", Map.of("apiId", "versioned", "stage", "live", "description",
				"version B"));
		String second = (String) deployed.get("id");
		assertThat(second).isNotEqualTo(first);
		assertThat(deployed).containsEntry("description", "version B");
		Map<String, String> versionOf = Map.of(first, "A", second, "B");
		AtomicInteger rollbacks = new AtomicInteger();
		Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
		List<String> inconsistent = java.util.Collections.synchronizedList(new ArrayList<>());
		Flux.range(0, 3000)
				// every 20th request also rolls the stage to the other deployment, while the
				// requests before it are still in flight
				.doOnNext((i) -> {
					if (i % 20 == 10) {
						String target = ((i / 20) % 2 == 0) ? first : second;
						Schedulers.boundedElastic().schedule(() -> {
							this.registry.rollback("versioned", "live", target, "load-test");
							rollbacks.incrementAndGet();
						});
					}
				})
				.flatMap((i) -> http.get()
					.uri("http://127.0.0.1:" + this.port + "/versioned/live/version")
					.exchangeToMono((response) -> response.bodyToMono(String.class)
						.defaultIfEmpty("")
						.map((body) -> response.statusCode().value() + " " + body)), 32)
				.doOnNext((outcome) -> {
					if (!outcome.startsWith("200 ")) {
						inconsistent.add(outcome);
						return;
					}
					Map<String, Object> json = TestBackend.echo(outcome.substring(4));
					String version = (String) json.get("version");
					String deploymentId = (String) json.get("deploymentId");
					String uri = (String) json.get("uri");
					if (!version.equals(versionOf.get(deploymentId))
							|| !uri.equals("/" + version.toLowerCase(java.util.Locale.ROOT) + "/version")) {
						inconsistent.add(outcome);
					}
					outcomes.computeIfAbsent(version, (key) -> new AtomicInteger()).incrementAndGet();
				})
				.blockLast(Duration.ofSeconds(120));
		assertThat(inconsistent).isEmpty();
		assertThat(outcomes.get("A").get() + outcomes.get("B").get()).isEqualTo(3000);
		assertThat(outcomes.get("A")).hasPositiveValue();
		assertThat(outcomes.get("B")).hasPositiveValue();
		Awaitility.await().untilAsserted(() -> assertThat(rollbacks).hasValue(150));
	}

	@Test
	void canarySplitsTrafficWithinTwoPercentagePointsOfItsShare() {
		Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
		Flux.range(0, 10_000)
			.flatMap((i) -> http.get()
				.uri("http://127.0.0.1:" + this.port + "/canaried/live/color")
				.retrieve()
				.bodyToMono(String.class), 32)
			.doOnNext((body) -> outcomes.computeIfAbsent(body.replaceAll("\"deploymentId\": \"[a-z0-9]+\"", ""),
					(key) -> new AtomicInteger())
				.incrementAndGet())
			.blockLast(Duration.ofSeconds(120));
		assertThat(outcomes).containsOnlyKeys("{\"color\": \"blue\", \"canary\": \"true\", }",
				"{\"color\": \"green\", \"canary\": \"false\", }");
		int canary = outcomes.get("{\"color\": \"blue\", \"canary\": \"true\", }").get();
		// 10 % configured; the standard deviation of the share over 10,000 requests is 0.3 points
		assertThat(canary).isBetween(800, 1200);
	}

	@Test
	void canaryDeploymentIsPromotedAndCancelledAtRuntime() {
		String stable = this.registry.stages("canaried").get("plain").deploymentId();
		Map<String, Object> canary = write("", Map.of("apiId", "canaried", "stage", "plain", "description", "canary",
				"percentTraffic", 100, "stageVariableOverrides", "{\"color\": \"red\"}"));
		String canaryId = (String) canary.get("id");
		assertThat(get("/canaried/plain/color")).isEqualTo(color("red", true, canaryId));
		write("/canary", Map.of("apiId", "canaried", "stage", "plain", "percentTraffic", 0));
		assertThat(get("/canaried/plain/color")).isEqualTo(color("green", false, stable));
		write("/canary/promote", Map.of("apiId", "canaried", "stage", "plain"));
		// the canary's deployment now serves the stage, without the canary's variable overrides
		assertThat(get("/canaried/plain/color")).isEqualTo(color("green", false, canaryId));
		write("/canary", Map.of("apiId", "canaried", "stage", "plain", "percentTraffic", 100, "deploymentId", stable,
				"stageVariableOverrides", "{\"color\": \"yellow\"}"));
		assertThat(get("/canaried/plain/color")).isEqualTo(color("yellow", true, stable));
		write("/canary/cancel", Map.of("apiId", "canaried", "stage", "plain"));
		assertThat(get("/canaried/plain/color")).isEqualTo(color("green", false, canaryId));
		List<String> actions = audit().stream()
			.filter((entry) -> "plain".equals(entry.get("stage")))
			.map((entry) -> (String) entry.get("action"))
			.toList();
		assertThat(actions).containsSubsequence("canary-cancel", "canary-update", "canary-promote", "canary-update",
				"deploy-canary");
	}

	@Test
	void historyListsEveryDeploymentAndUnknownDeploymentsAreRefused() {
		this.client.post()
			.uri("/actuator/apigw/deployments/rollback")
			.bodyValue(Map.of("apiId", "canaried", "stage", "live", "deploymentId", "nosuch"))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.message")
			.isEqualTo("Deployment id does not exist");
		this.client.post()
			.uri("/actuator/apigw/deployments")
			.bodyValue(Map.of("apiId", "canaried", "percentTraffic", 10))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.message")
			.isEqualTo("Invalid deployment content specified.Non null and non empty stageName must be provided for "
					+ "canary deployment. Provided value is null");
		this.client.get()
			.uri("/actuator/apigw/deployments/canaried")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.deployments[0].description")
			.isEqualTo("Deployed at start-up")
			.jsonPath("$.stages.live.canarySettings.percentTraffic")
			.isEqualTo(10.0)
			.jsonPath("$.stages.live.canarySettings.stageVariableOverrides.color")
			.isEqualTo("blue");
	}

	@Test
	void configurationRefreshDeploysOnlyChangedDefinitions(@Autowired ContextRefresher refresher,
			@Autowired ConfigurableEnvironment environment) {
		String before = this.registry.stages("refreshed").get("live").deploymentId();
		int canariedHistory = this.registry.deployments("canaried").size();
		assertThat(get("/refreshed/live/greeting")).isEqualTo("{\"greeting\": \"hello\", \"deploymentId\": \""
				+ before + "\"}");
		environment.getPropertySources().addFirst(new MapPropertySource("refreshed", Map.of("greeting", "hi")));
		refresher.refresh();
		String after = this.registry.stages("refreshed").get("live").deploymentId();
		assertThat(after).isNotEqualTo(before);
		assertThat(get("/refreshed/live/greeting")).isEqualTo("{\"greeting\": \"hi\", \"deploymentId\": \"" + after
				+ "\"}");
		assertThat(this.registry.deployments("canaried")).hasSize(canariedHistory);
		assertThat(audit()).anySatisfy((entry) -> assertThat(entry).containsEntry("principal", "configuration-refresh")
			.containsEntry("apiId", "refreshed")
			.containsEntry("deploymentId", after));
	}

	private static String color(String color, boolean canary, String deploymentId) {
		return "{\"color\": \"" + color + "\", \"canary\": \"" + canary + "\", \"deploymentId\": \"" + deploymentId
				+ "\"}";
	}

	private String get(String path) {
		return this.client.get().uri(path).exchange().expectStatus().isOk().expectBody(String.class).returnResult()
			.getResponseBody();
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> write(String path, Map<String, Object> body) {
		return this.client.post()
			.uri("/actuator/apigw/deployments" + path)
			.bodyValue(body)
			.exchange()
			.expectBody(Map.class)
			.consumeWith((result) -> assertThat(result.getStatus().value()).as("%s", result.getResponseBody())
				.isEqualTo(200))
			.returnResult()
			.getResponseBody();
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> audit() {
		Map<String, Object> audit = this.client.get()
			.uri("/actuator/apigw/audit")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		return (List<Map<String, Object>>) audit.get("entries");
	}

}
