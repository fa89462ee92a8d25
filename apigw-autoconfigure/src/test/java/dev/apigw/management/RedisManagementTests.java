package dev.apigw.management;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import dev.apigw.test.GatewayTestApplication;
import dev.apigw.test.TwoGateways;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.CreateApiKeyResponse;
import software.amazon.awssdk.services.apigateway.model.NotFoundException;
import software.amazon.awssdk.services.apigateway.model.QuotaPeriodType;
import software.amazon.awssdk.services.apigateway.model.RestApi;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The management API on two gateway instances sharing a real redis-server, driven by the AWS
 * SDK's own client: an API imported and deployed through one instance is served by the
 * other, a rollback made through the other applies to both, both instances restarted keep
 * serving it, and a delete through either stops it on both; an API key and a usage plan made
 * through one open a keyed method on the other, survive a restart of both, and a plan
 * deleted through one closes the method on the other.
 */
class RedisManagementTests {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static TwoGateways gateways;

	@BeforeAll
	static void start() {
		gateways = TwoGateways.start(new String[] { "management", "redis-stages" }, GatewayTestApplication.class,
				ManagementTestConfiguration.class);
	}

	@AfterAll
	static void stop() {
		if (gateways != null) {
			gateways.close();
		}
	}

	@Test
	void anApiManagedThroughOneInstanceIsServedByBothAndSurvivesARestartOfBoth() throws Exception {
		ApiGatewayClient first = client(gateways.first());
		String id = first.importRestApi((r) -> r.body(SdkBytes.fromUtf8String(ManagementTestApis.greeting("$stageVariables.color")))).id();
		String blue = first.createDeployment((r) -> r.restApiId(id).stageName("dev").variables(Map.of("color", "blue")))
			.id();
		assertThat(color(gateways.first(), id)).isEqualTo("blue");
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(color(gateways.second(), id)).isEqualTo("blue"));
		ApiGatewayClient second = client(gateways.second());
		assertThat(second.getRestApis().items()).extracting(RestApi::id).contains(id);
		first.createDeployment((r) -> r.restApiId(id).stageName("dev").variables(Map.of("color", "green")));
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(color(gateways.second(), id)).isEqualTo("green"));
		second.updateStage((r) -> r.restApiId(id)
			.stageName("dev")
			.patchOperations((op) -> op.op("replace").path("/deploymentId").value(blue)));
		assertThat(color(gateways.second(), id)).isEqualTo("blue");
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(color(gateways.first(), id)).isEqualTo("blue"));

		gateways.restart();
		assertThat(color(gateways.first(), id)).isEqualTo("blue");
		assertThat(color(gateways.second(), id)).isEqualTo("blue");
		assertThat(client(gateways.first()).getDeployments((r) -> r.restApiId(id)).items()).hasSize(2);

		client(gateways.second()).deleteRestApi((r) -> r.restApiId(id));
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> client(gateways.second()).getRestApi((r) -> r.restApiId(id)));
		Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(get(gateways.first(), "/" + id + "/dev/greeting").statusCode()).isEqualTo(404);
			assertThatExceptionOfType(NotFoundException.class)
				.isThrownBy(() -> client(gateways.first()).getRestApi((r) -> r.restApiId(id)));
		});
	}

	@Test
	void aKeyAndAPlanMadeThroughOneInstanceOpenTheMethodOnTheOtherAndSurviveARestart() throws Exception {
		ApiGatewayClient first = client(gateways.first());
		String id = first.importRestApi((r) -> r.body(SdkBytes.fromUtf8String(ManagementTestApis.KEYED))).id();
		first.createDeployment((r) -> r.restApiId(id).stageName("live"));
		CreateApiKeyResponse key = first.createApiKey((r) -> r.name("partner").enabled(true));
		String plan = first.createUsagePlan((r) -> r.name("Gold")
			.apiStages((stage) -> stage.apiId(id).stage("live"))
			.quota((quota) -> quota.limit(100).period(QuotaPeriodType.DAY))).id();
		first.createUsagePlanKey((r) -> r.usagePlanId(plan).keyId(key.id()).keyType("API_KEY"));
		assertThat(get(gateways.first(), "/" + id + "/live/greeting", key.value()).statusCode()).isEqualTo(200);
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(get(gateways.second(), "/" + id + "/live/greeting", key.value()).statusCode())
				.isEqualTo(200));
		assertThat(client(gateways.second()).getUsagePlan((r) -> r.usagePlanId(plan)).name()).isEqualTo("Gold");

		gateways.restart();
		assertThat(get(gateways.second(), "/" + id + "/live/greeting", key.value()).statusCode()).isEqualTo(200);
		assertThat(get(gateways.first(), "/" + id + "/live/greeting", "not-a-key-0123456789abcdef").statusCode())
			.isEqualTo(403);
		client(gateways.first()).deleteUsagePlanKey((r) -> r.usagePlanId(plan).keyId(key.id()));
		client(gateways.first()).deleteUsagePlan((r) -> r.usagePlanId(plan));
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(get(gateways.second(), "/" + id + "/live/greeting", key.value()).statusCode())
				.isEqualTo(403));
	}

	private static String color(ConfigurableApplicationContext gateway, String id)
			throws IOException, InterruptedException {
		HttpResponse<String> response = get(gateway, "/" + id + "/dev/greeting");
		return (response.statusCode() == 200) ? response.body() : response.statusCode() + " " + response.body();
	}

	private static HttpResponse<String> get(ConfigurableApplicationContext gateway, String path)
			throws IOException, InterruptedException {
		return get(gateway, path, null);
	}

	private static HttpResponse<String> get(ConfigurableApplicationContext gateway, String path, String apiKey)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + TwoGateways.port(gateway) + path));
		if (apiKey != null) {
			request.header("x-api-key", apiKey);
		}
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static ApiGatewayClient client(ConfigurableApplicationContext gateway) {
		return ApiGatewayClient.builder()
			.endpointOverride(URI.create("http://127.0.0.1:" + TwoGateways.port(gateway) + "/apigw/management"))
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials
				.create(ManagementTestConfiguration.ADMIN_KEY, ManagementTestConfiguration.SECRET)))
			.httpClient(Apache5HttpClient.create())
			.build();
	}

}
