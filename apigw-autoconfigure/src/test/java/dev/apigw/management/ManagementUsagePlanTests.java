package dev.apigw.management;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import dev.apigw.test.GatewayTestApplication;
import dev.apigw.test.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.ApiGatewayException;
import software.amazon.awssdk.services.apigateway.model.ApiKey;
import software.amazon.awssdk.services.apigateway.model.BadRequestException;
import software.amazon.awssdk.services.apigateway.model.ConflictException;
import software.amazon.awssdk.services.apigateway.model.CreateApiKeyResponse;
import software.amazon.awssdk.services.apigateway.model.CreateUsagePlanKeyResponse;
import software.amazon.awssdk.services.apigateway.model.CreateUsagePlanResponse;
import software.amazon.awssdk.services.apigateway.model.GetApiKeyResponse;
import software.amazon.awssdk.services.apigateway.model.GetUsageResponse;
import software.amazon.awssdk.services.apigateway.model.NotFoundException;
import software.amazon.awssdk.services.apigateway.model.Op;
import software.amazon.awssdk.services.apigateway.model.QuotaPeriodType;
import software.amazon.awssdk.services.apigateway.model.UpdateUsagePlanResponse;
import software.amazon.awssdk.services.apigateway.model.UsagePlan;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * API keys, usage plans, usage plan keys and usage through the management API, driven by
 * the AWS SDK for Java v2's {@code ApiGatewayClient}: a key and a plan made at run time
 * open a method that requires a key, GetUsage counts its calls, disabling and deleting
 * close it again; and AWS's answers to unknown ids, a key in two plans for one stage and a
 * principal allowed only to read.
 */
@SpringBootTest(classes = { GatewayTestApplication.class, ManagementTestConfiguration.class,
		ManagementUsagePlanTests.ClockConfiguration.class }, webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("management")
class ManagementUsagePlanTests {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	private ApiGatewayClient admin;

	@BeforeEach
	void clients() {
		this.admin = client(ManagementTestConfiguration.ADMIN_KEY);
	}

	@Test
	void keyAndPlanMadeAtRunTimeOpenAMethodAndUsageCountsItsCalls() throws Exception {
		String apiId = deployKeyedApi("live");
		assertThat(get("/" + apiId + "/live/greeting", null).statusCode()).isEqualTo(403);

		CreateApiKeyResponse key = this.admin.createApiKey((r) -> r.name("partner").description("a partner")
			.enabled(true).customerId("customer-1"));
		assertThat(key.id()).matches("[a-z0-9]{10}");
		assertThat(key.value()).matches("[A-Za-z0-9]{40}");
		assertThat(key.enabled()).isTrue();
		assertThat(key.customerId()).isEqualTo("customer-1");
		assertThat(key.createdDate()).isNotNull();
		GetApiKeyResponse read = this.admin.getApiKey((r) -> r.apiKey(key.id()).includeValue(true));
		assertThat(read.name()).isEqualTo("partner");
		assertThat(read.value()).isNull();
		assertThat(this.admin.getApiKeys((r) -> r.nameQuery("part")).items()).extracting(ApiKey::id)
			.containsExactly(key.id());
		assertThat(get("/" + apiId + "/live/greeting", key.value()).statusCode()).isEqualTo(403);

		CreateUsagePlanResponse plan = this.admin.createUsagePlan((r) -> r.name("Gold")
			.apiStages((stage) -> stage.apiId(apiId).stage("live"))
			.throttle((throttle) -> throttle.rateLimit(100.0).burstLimit(200))
			.quota((quota) -> quota.limit(100).period(QuotaPeriodType.DAY)));
		assertThat(plan.id()).matches("[a-z0-9]{6}");
		assertThat(plan.apiStages()).singleElement().satisfies((stage) -> {
			assertThat(stage.apiId()).isEqualTo(apiId);
			assertThat(stage.stage()).isEqualTo("live");
		});
		assertThat(plan.quota().limit()).isEqualTo(100);
		assertThat(plan.quota().period()).isEqualTo(QuotaPeriodType.DAY);
		assertThat(plan.throttle().burstLimit()).isEqualTo(200);

		CreateUsagePlanKeyResponse planKey = this.admin.createUsagePlanKey((r) -> r.usagePlanId(plan.id())
			.keyId(key.id())
			.keyType("API_KEY"));
		assertThat(planKey.id()).isEqualTo(key.id());
		assertThat(planKey.type()).isEqualTo("API_KEY");
		assertThat(planKey.name()).isEqualTo("partner");
		assertThat(this.admin.getUsagePlanKeys((r) -> r.usagePlanId(plan.id())).items()).singleElement()
			.satisfies((item) -> assertThat(item.id()).isEqualTo(key.id()));
		assertThat(this.admin.getUsagePlans((r) -> r.keyId(key.id())).items()).extracting(UsagePlan::id)
			.containsExactly(plan.id());

		HttpResponse<String> first = get("/" + apiId + "/live/greeting", key.value());
		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(first.body()).isEqualTo("{\"hello\":1}");
		assertThat(get("/" + apiId + "/live/greeting", key.value()).statusCode()).isEqualTo(200);
		String today = LocalDate.ofInstant(ClockConfiguration.START, ZoneOffset.UTC).toString();
		GetUsageResponse usage = this.admin.getUsage((r) -> r.usagePlanId(plan.id()).startDate(today).endDate(today));
		assertThat(usage.usagePlanId()).isEqualTo(plan.id());
		assertThat(usage.startDate()).isEqualTo(today);
		assertThat(usage.endDate()).isEqualTo(today);
		assertThat(usage.items()).containsOnlyKeys(key.id());
		assertThat(usage.items().get(key.id())).containsExactly(List.of(2L, 98L));

		UpdateUsagePlanResponse updated = this.admin.updateUsagePlan((r) -> r.usagePlanId(plan.id())
			.patchOperations((op) -> op.op(Op.REPLACE).path("/quota/limit").value("2")));
		assertThat(updated.quota().limit()).isEqualTo(2);
		assertThat(get("/" + apiId + "/live/greeting", key.value()).statusCode()).isEqualTo(429);

		this.admin.updateApiKey((r) -> r.apiKey(key.id())
			.patchOperations((op) -> op.op(Op.REPLACE).path("/enabled").value("false")));
		assertThat(this.admin.getApiKey((r) -> r.apiKey(key.id())).enabled()).isFalse();
		assertThat(get("/" + apiId + "/live/greeting", key.value()).statusCode()).isEqualTo(403);

		this.admin.deleteUsagePlanKey((r) -> r.usagePlanId(plan.id()).keyId(key.id()));
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> this.admin.getUsagePlanKey((r) -> r.usagePlanId(plan.id()).keyId(key.id())))
			.satisfies((ex) -> assertThat(ex.awsErrorDetails().errorMessage())
				.isEqualTo("Invalid API Key identifier specified"));
		this.admin.deleteApiKey((r) -> r.apiKey(key.id()));
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> this.admin.getApiKey((r) -> r.apiKey(key.id())))
			.satisfies((ex) -> assertThat(ex.awsErrorDetails().errorMessage())
				.isEqualTo("Invalid API Key identifier specified"));
		this.admin.deleteUsagePlan((r) -> r.usagePlanId(plan.id()));
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> this.admin.getUsagePlan((r) -> r.usagePlanId(plan.id())))
			.satisfies((ex) -> assertThat(ex.awsErrorDetails().errorMessage())
				.isEqualTo("Invalid Usage Plan ID specified"));
	}

	@Test
	void keyCanBeInOnePlanPerStage() {
		String apiId = deployKeyedApi("shared");
		String key = this.admin.createApiKey((r) -> r.name("twice").enabled(true)).id();
		String gold = this.admin.createUsagePlan((r) -> r.name("Gold")
			.apiStages((stage) -> stage.apiId(apiId).stage("shared"))).id();
		String silver = this.admin.createUsagePlan((r) -> r.name("Silver")
			.apiStages((stage) -> stage.apiId(apiId).stage("shared"))).id();
		this.admin.createUsagePlanKey((r) -> r.usagePlanId(gold).keyId(key).keyType("API_KEY"));
		assertThatExceptionOfType(ConflictException.class)
			.isThrownBy(() -> this.admin.createUsagePlanKey((r) -> r.usagePlanId(silver).keyId(key).keyType("API_KEY")))
			.satisfies((ex) -> {
				assertThat(ex.statusCode()).isEqualTo(409);
				assertThat(ex.awsErrorDetails().errorMessage()).isEqualTo("Usage Plan " + silver + " cannot be added "
						+ "because API Key " + key + " cannot reference multiple Usage Plans with the same API Stage: "
						+ apiId + ":shared");
			});
		assertThat(this.admin.getUsagePlanKeys((r) -> r.usagePlanId(silver)).items()).isEmpty();
	}

	@Test
	void plansAreCheckedAsAtStartUp() {
		assertThatExceptionOfType(BadRequestException.class)
			.isThrownBy(() -> this.admin.createUsagePlan((r) -> r.name("Broken")
				.apiStages((stage) -> stage.apiId("configured").stage("nosuchstage"))
				.throttle((throttle) -> throttle.rateLimit(10.0).burstLimit(0))))
			.satisfies((ex) -> assertThat(ex.awsErrorDetails().errorMessage())
				.contains("A burst limit must be set and at least 1")
				.contains("Unknown stage 'nosuchstage'; stages of configured: [prod]"));
	}

	@Test
	void unknownIdsAreNotFound() {
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> this.admin.getApiKey((r) -> r.apiKey("nosuchkey0")))
			.satisfies((ex) -> assertThat(ex.awsErrorDetails().errorMessage())
				.isEqualTo("Invalid API Key identifier specified"));
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> this.admin.getUsagePlan((r) -> r.usagePlanId("nosuch")))
			.satisfies((ex) -> assertThat(ex.awsErrorDetails().errorMessage())
				.isEqualTo("Invalid Usage Plan ID specified"));
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> this.admin.createUsagePlanKey((r) -> r.usagePlanId("nosuch").keyId("nosuchkey0")
				.keyType("API_KEY")))
			.satisfies((ex) -> assertThat(ex.awsErrorDetails().errorMessage())
				.isEqualTo("Invalid Usage Plan ID specified"));
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> this.admin.getUsage((r) -> r.usagePlanId("nosuch").startDate("2026-01-01")
				.endDate("2026-01-02")))
			.satisfies((ex) -> assertThat(ex.awsErrorDetails().errorMessage())
				.isEqualTo("Invalid Usage Plan ID specified"));
	}

	@Test
	void principalAllowedOnlyToReadCannotCreateAKey() {
		ApiGatewayClient reader = client(ManagementTestConfiguration.READER_KEY);
		int before = reader.getApiKeys((r) -> r.limit(500)).items().size();
		assertThatExceptionOfType(ApiGatewayException.class)
			.isThrownBy(() -> reader.createApiKey((r) -> r.name("sneaky").enabled(true)))
			.satisfies((ex) -> {
				assertThat(ex.statusCode()).isEqualTo(403);
				assertThat(ex.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
				assertThat(ex.awsErrorDetails().errorMessage())
					.isEqualTo("User: arn:aws:iam::123456789012:user/reader is not authorized to perform: "
							+ "apigateway:POST on resource: arn:aws:apigateway:us-east-1::/apikeys");
			});
		assertThat(this.admin.getApiKeys((r) -> r.limit(500)).items()).hasSize(before);
	}

	private String deployKeyedApi(String stage) {
		String id = this.admin.importRestApi((r) -> r.body(SdkBytes.fromUtf8String(ManagementTestApis.KEYED))).id();
		this.admin.createDeployment((r) -> r.restApiId(id).stageName(stage));
		return id;
	}

	private ApiGatewayClient client(String accessKey) {
		return ManagementTestConfiguration.client(this.port, accessKey);
	}

	private HttpResponse<String> get(String path, String apiKey) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path));
		if (apiKey != null) {
			request.header("x-api-key", apiKey);
		}
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class ClockConfiguration {

		// the gateway's time, within the five minutes signatures allow; usage is counted on its day
		static final Instant START = Instant.now().truncatedTo(ChronoUnit.SECONDS);

		@Bean
		MutableClock apigwClock() {
			return new MutableClock(START);
		}

	}

}
