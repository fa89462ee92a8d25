package dev.apigw.deploy;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.apigw.model.Api;
import dev.apigw.model.Deployment;
import dev.apigw.model.Integration;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.Method;
import dev.apigw.model.Resource;
import dev.apigw.model.Stage;
import dev.apigw.observe.AuditLog;
import dev.apigw.routing.GatewayEnvironment;
import dev.apigw.routing.StageRuntime;
import dev.apigw.store.RedisDeploymentStore;
import dev.apigw.test.TestRedis;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two registries (two gateway instances) sharing deployments through a real redis-server:
 * an API one of them deploys at run time (as the management API does) that the other has
 * never been configured with is served by the other too, with the same deployment, and
 * follows its rollbacks and its deletion; an instance started afterwards serves it too,
 * unless its configuration defines the same API, which then wins.
 */
class SharedRegistryTests {

	private static final GatewayEnvironment ENVIRONMENT = new GatewayEnvironment("us-east-1", "123456789012");

	private TestRedis redis;

	private LettuceConnectionFactory firstConnection;

	private LettuceConnectionFactory secondConnection;

	private DeploymentRegistry first;

	private DeploymentRegistry second;

	@BeforeEach
	void start() {
		this.redis = TestRedis.start();
		this.firstConnection = connect();
		this.secondConnection = connect();
		this.first = registry(this.firstConnection);
		this.second = registry(this.secondConnection);
		this.first.deployAll(List.of());
		this.second.deployAll(List.of());
	}

	@AfterEach
	void stop() {
		this.firstConnection.destroy();
		this.secondConnection.destroy();
		this.redis.close();
	}

	@Test
	void anApiDeployedAtRunTimeOnOneInstanceIsServedByTheOtherAndFollowsItsRollbacks() {
		Deployment blue = this.first.deploy(api("blue"), null, "blue", null, "test");
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(served(this.second)).isEqualTo(blue.id()));
		assertThat(this.second.definitions()).containsKey("fresh");
		Deployment green = this.first.deploy(api("green"), "dev", "green", null, "test");
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(served(this.second)).isEqualTo(green.id()));
		this.second.rollback("fresh", "dev", blue.id(), "test");
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(served(this.first)).isEqualTo(blue.id()));
	}

	@Test
	void anApiDeletedOnOneInstanceIsNoLongerServedByTheOther() {
		this.first.deploy(api("blue"), null, "blue", null, "test");
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.second.definitions()).containsKey("fresh"));
		this.first.remove("fresh", "test");
		assertThat(served(this.first)).isEqualTo("none");
		Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(this.second.definitions()).doesNotContainKey("fresh");
			assertThat(served(this.second)).isEqualTo("none");
		});
		DeploymentRegistry restarted = registry(this.firstConnection);
		restarted.deployAll(List.of());
		assertThat(restarted.definitions()).doesNotContainKey("fresh");
	}

	@Test
	void anInstanceStartedAfterwardsServesWhatWasDeployedAtRunTimeAndConfigurationWins() {
		Deployment blue = this.first.deploy(api("blue"), null, "blue", null, "test");
		Deployment other = this.first.deploy(api("other", "red"), null, "other", null, "test");
		DeploymentRegistry restarted = registry(this.firstConnection);
		restarted.deployAll(List.of(api("other", "configured")));
		assertThat(restarted.stages("fresh").get("dev").deploymentId()).isEqualTo(blue.id());
		assertThat(restarted.deployments("fresh")).extracting(Deployment::id).containsExactly(blue.id());
		assertThat(restarted.deployments("other")).hasSize(2).first().extracting(Deployment::id).isEqualTo(other.id());
		assertThat(restarted.definitions().get("other").stages().get("dev").variables())
			.containsEntry("color", "configured");
		assertThat(restarted.snapshot().stages()).extracting(StageRuntime::deploymentId)
			.contains(blue.id())
			.doesNotContain(other.id());
	}

	private static String served(DeploymentRegistry registry) {
		List<StageRuntime> stages = registry.snapshot().stages();
		return stages.isEmpty() ? "none" : stages.get(0).deploymentId();
	}

	private DeploymentRegistry registry(LettuceConnectionFactory connection) {
		return new DeploymentRegistry(new StageCompiler(List.of(), List.of(), ENVIRONMENT, null), null, List.of(),
				Clock.systemUTC(), new RedisDeploymentStore(connection, "shared-test:", Duration.ofSeconds(2),
						Duration.ofMillis(200)), (AuditLog) null);
	}

	private LettuceConnectionFactory connect() {
		LettuceConnectionFactory factory = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration("127.0.0.1", this.redis.port()));
		factory.afterPropertiesSet();
		factory.start();
		return factory;
	}

	private static Api api(String color) {
		return api("fresh", color);
	}

	private static Api api(String id, String color) {
		return Api.builder(id)
			.resource(Resource.of("/color", Method.builder("GET")
				.integration(Integration.builder(IntegrationType.MOCK).build())
				.build()))
			.stage(Stage.of("dev", Map.of("color", color)))
			.source("management")
			.build();
	}

}
