package dev.apigw.samples.petstore;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.netty.http.Http11SslContextSpec;
import reactor.netty.http.client.HttpClient;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.CreateApiKeyResponse;
import software.amazon.awssdk.services.apigateway.model.Op;
import software.amazon.awssdk.services.apigateway.model.QuotaPeriodType;
import software.amazon.awssdk.services.apigateway.model.RestApi;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's AWS CLI walk-through (walkthrough/cli.sh), driven through the same
 * management API by the AWS SDK's own client, signed with the sample-only key pair, over the
 * sample's HTTPS: import, deploy with a stage variable, call, open a keyed method with an API
 * key and a usage plan, read its usage, change the variable, roll back, delete.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ManagementWalkthroughTests {

	@LocalServerPort
	private int port;

	@Autowired
	private SslBundles bundles;

	private ApiGatewayClient apigateway;

	private WebTestClient client;

	@BeforeEach
	void clients() {
		SslBundle bundle = this.bundles.getBundle("petstore");
		this.apigateway = ApiGatewayClient.builder()
			.endpointOverride(URI.create("https://localhost:" + this.port + "/apigw/management"))
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(
					AwsBasicCredentials.create(SampleOperators.ACCESS_KEY_ID, SampleOperators.SECRET_ACCESS_KEY)))
			.httpClient(Apache5HttpClient.builder()
				.tlsTrustManagersProvider(() -> bundle.getManagers().getTrustManagerFactory().getTrustManagers())
				.build())
			.build();
		Http11SslContextSpec spec = Http11SslContextSpec.forClient()
			.configure((builder) -> builder.trustManager(bundle.getManagers().getTrustManagerFactory()));
		this.client = WebTestClient
			.bindToServer(new ReactorClientHttpConnector(HttpClient.create().secure((ssl) -> ssl.sslContext(spec))))
			.baseUrl("https://localhost:" + this.port)
			.build();
	}

	@Test
	void importDeployCallOpenWithAKeyReadUsageChangeRollBackAndDelete() throws Exception {
		// the file the CLI walk-through imports (tests run in the module's directory)
		byte[] openApi = Files.readAllBytes(Path.of("walkthrough", "greetings-openapi.json"));
		String id = this.apigateway.importRestApi((r) -> r.body(SdkBytes.fromByteArray(openApi))).id();
		assertThat(this.apigateway.getRestApis().items()).extracting(RestApi::id).contains(id, "petstore");
		String first = this.apigateway
			.createDeployment((r) -> r.restApiId(id).stageName("dev").description("first")
				.variables(Map.of("greeting", "hello")))
			.id();
		assertGreeting(id, "hello");
		this.client.get().uri("/" + id + "/dev/vip").exchange().expectStatus().isForbidden();
		CreateApiKeyResponse key = this.apigateway.createApiKey((r) -> r.name("walkthrough").enabled(true));
		String plan = this.apigateway.createUsagePlan((r) -> r.name("walkthrough")
			.apiStages((stage) -> stage.apiId(id).stage("dev"))
			.quota((quota) -> quota.limit(1000).period(QuotaPeriodType.DAY))).id();
		this.apigateway.createUsagePlanKey((r) -> r.usagePlanId(plan).keyId(key.id()).keyType("API_KEY"));
		this.client.get()
			.uri("/" + id + "/dev/vip")
			.header("x-api-key", key.value())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.isEqualTo("{\"greeting\": \"welcome, " + key.id() + "\"}");
		String today = LocalDate.now(ZoneOffset.UTC).toString();
		assertThat(this.apigateway.getUsage((r) -> r.usagePlanId(plan).keyId(key.id()).startDate(today).endDate(today))
			.items()).containsEntry(key.id(), List.of(List.of(1L, 999L)));
		this.apigateway.updateStage((r) -> r.restApiId(id)
			.stageName("dev")
			.patchOperations((op) -> op.op(Op.REPLACE).path("/variables/greeting").value("bonjour")));
		assertGreeting(id, "bonjour");
		this.apigateway.updateStage((r) -> r.restApiId(id)
			.stageName("dev")
			.patchOperations((op) -> op.op(Op.REPLACE).path("/deploymentId").value(first)));
		assertGreeting(id, "hello");
		assertThat(this.apigateway.getDeployments((r) -> r.restApiId(id)).items()).hasSize(2);
		this.apigateway.deleteUsagePlanKey((r) -> r.usagePlanId(plan).keyId(key.id()));
		this.apigateway.deleteUsagePlan((r) -> r.usagePlanId(plan));
		this.apigateway.deleteApiKey((r) -> r.apiKey(key.id()));
		this.apigateway.deleteRestApi((r) -> r.restApiId(id));
		this.client.get().uri("/" + id + "/dev/greeting").exchange().expectStatus().isNotFound();
	}

	private void assertGreeting(String id, String greeting) {
		this.client.get()
			.uri("/" + id + "/dev/greeting")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.isEqualTo("{\"greeting\": \"" + greeting + "\"}");
	}

}
