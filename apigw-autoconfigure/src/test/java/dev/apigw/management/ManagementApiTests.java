package dev.apigw.management;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import dev.apigw.test.GatewayTestApplication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.ApiGatewayException;
import software.amazon.awssdk.services.apigateway.model.BadRequestException;
import software.amazon.awssdk.services.apigateway.model.CreateDeploymentResponse;
import software.amazon.awssdk.services.apigateway.model.GetStageResponse;
import software.amazon.awssdk.services.apigateway.model.ImportRestApiResponse;
import software.amazon.awssdk.services.apigateway.model.NotFoundException;
import software.amazon.awssdk.services.apigateway.model.Op;
import software.amazon.awssdk.services.apigateway.model.RestApi;
import software.amazon.awssdk.services.apigateway.model.UpdateStageResponse;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The management API driven by the AWS SDK for Java v2's own {@code ApiGatewayClient},
 * its endpoint overridden to the gateway's base path: import, deploy, invoke through the
 * gateway, stage variable patches, rollback and delete, and AWS's answers to unsigned,
 * badly signed, unauthorized and unknown calls.
 */
@SpringBootTest(classes = { GatewayTestApplication.class, ManagementTestConfiguration.class },
		webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("management")
class ManagementApiTests {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	private ApiGatewayClient admin;

	@BeforeEach
	void clients() {
		this.admin = client(ManagementTestConfiguration.ADMIN_KEY, ManagementTestConfiguration.SECRET);
	}

	@Test
	void importDeployPatchRollBackAndDelete() throws Exception {
		ImportRestApiResponse imported = this.admin.importRestApi((r) -> r
			.body(SdkBytes.fromUtf8String(ManagementTestApis.greeting("{\\\"greeting\\\":\\\"$stageVariables.greeting\\\"}"))));
		String id = imported.id();
		assertThat(id).matches("[a-z0-9]{10}");
		assertThat(imported.name()).isEqualTo("Greetings");
		assertThat(imported.version()).isEqualTo("1.0");
		assertThat(this.admin.getRestApis().items()).extracting(RestApi::id).contains(id, "configured");
		assertThat(this.admin.getStages((r) -> r.restApiId(id)).item()).isEmpty();

		CreateDeploymentResponse first = this.admin.createDeployment((r) -> r.restApiId(id)
			.stageName("dev")
			.description("first")
			.variables(Map.of("greeting", "hello")));
		assertThat(first.id()).isNotBlank();
		assertThat(first.description()).isEqualTo("first");
		assertThat(first.createdDate()).isNotNull();
		assertThat(get("/" + id + "/dev/greeting").body()).isEqualTo("{\"greeting\":\"hello\"}");
		assertThatExceptionOfType(BadRequestException.class).isThrownBy(() -> this.admin.updateStage((r) -> r
			.restApiId(id)
			.stageName("dev")
			.patchOperations((op) -> op.op(Op.REPLACE).path("/variables/greeting").value("hello world"))))
			.satisfies((ex) -> assertThat(ex.awsErrorDetails().errorMessage()).isEqualTo("API '" + id
					+ "', field 'stages.dev.variables.greeting' (management API import): A stage variable value "
					+ "must be 1 to 512 of the characters A-Z a-z 0-9 - . _ ~ : / ? # & = ,"));
		assertThat(get("/" + id + "/dev/greeting").body()).isEqualTo("{\"greeting\":\"hello\"}");
		GetStageResponse stage = this.admin.getStage((r) -> r.restApiId(id).stageName("dev"));
		assertThat(stage.deploymentId()).isEqualTo(first.id());
		assertThat(stage.variables()).containsExactly(Map.entry("greeting", "hello"));

		UpdateStageResponse patched = this.admin.updateStage((r) -> r.restApiId(id)
			.stageName("dev")
			.patchOperations((op) -> op.op(Op.REPLACE).path("/variables/greeting").value("bonjour")));
		assertThat(patched.variables()).containsExactly(Map.entry("greeting", "bonjour"));
		assertThat(patched.deploymentId()).isNotEqualTo(first.id());
		assertThat(get("/" + id + "/dev/greeting").body()).isEqualTo("{\"greeting\":\"bonjour\"}");

		UpdateStageResponse rolledBack = this.admin.updateStage((r) -> r.restApiId(id)
			.stageName("dev")
			.patchOperations((op) -> op.op(Op.REPLACE).path("/deploymentId").value(first.id())));
		assertThat(rolledBack.deploymentId()).isEqualTo(first.id());
		assertThat(rolledBack.variables()).containsExactly(Map.entry("greeting", "hello"));
		assertThat(get("/" + id + "/dev/greeting").body()).isEqualTo("{\"greeting\":\"hello\"}");
		assertThat(this.admin.getDeployments((r) -> r.restApiId(id)).items()).hasSize(2)
			.anySatisfy((deployment) -> assertThat(deployment.id()).isEqualTo(first.id()))
			.anySatisfy((deployment) -> assertThat(deployment.id()).isEqualTo(patched.deploymentId()));
		assertThat(this.admin.getDeployment((r) -> r.restApiId(id).deploymentId(first.id())).description())
			.isEqualTo("first");

		this.admin.deleteRestApi((r) -> r.restApiId(id));
		HttpResponse<String> gone = get("/" + id + "/dev/greeting");
		assertThat(gone.statusCode()).isEqualTo(404);
		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> this.admin.getRestApi((r) -> r.restApiId(id)))
			.satisfies((ex) -> assertThat(ex.awsErrorDetails().errorMessage())
				.isEqualTo("Invalid API identifier specified 123456789012:" + id));
	}

	@Test
	void apisDefinedInConfigurationAreManagedLikeAnyOther() {
		RestApi configured = this.admin.getRestApis().items().stream()
			.filter((api) -> api.id().equals("configured"))
			.findFirst()
			.orElseThrow();
		assertThat(configured.name()).isEqualTo("Configured in properties");
		assertThat(configured.tags()).containsEntry("apigw:source", "application properties");
		assertThat(this.admin.getStages((r) -> r.restApiId("configured")).item()).singleElement()
			.satisfies((stage) -> assertThat(stage.stageName()).isEqualTo("prod"));
	}

	@Test
	void listsArePagedWithPositionAndLimit() {
		this.admin.importRestApi((r) -> r.body(SdkBytes.fromUtf8String(ManagementTestApis.greeting("{}"))));
		var firstPage = this.admin.getRestApis((r) -> r.limit(1));
		assertThat(firstPage.items()).hasSize(1);
		assertThat(firstPage.position()).isNotNull();
		var secondPage = this.admin.getRestApis((r) -> r.limit(1).position(firstPage.position()));
		assertThat(secondPage.items()).hasSize(1);
		assertThat(secondPage.items().get(0).id()).isNotEqualTo(firstPage.items().get(0).id());
	}

	@Test
	void unsignedCallsAreRefused() throws Exception {
		HttpResponse<String> response = get("/apigw/management/restapis");
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("MissingAuthenticationTokenException");
		assertThat(response.body()).isEqualTo("{\"message\":\"Missing Authentication Token\"}");
	}

	@Test
	void operationsNotServedYetAreNamed() {
		assertThatExceptionOfType(ApiGatewayException.class)
			.isThrownBy(() -> this.admin.getResources((r) -> r.restApiId("configured")))
			.satisfies((ex) -> {
				assertThat(ex.statusCode()).isEqualTo(501);
				assertThat(ex.awsErrorDetails().errorCode()).isEqualTo("NotImplementedException");
				assertThat(ex.awsErrorDetails().errorMessage()).isEqualTo("apigw does not serve GET "
						+ "/restapis/configured/resources yet; see docs/management.md for the operations it serves");
			});
	}

	@Test
	void badlySignedCallsGetAwsErrorTypes() {
		assertThatExceptionOfType(ApiGatewayException.class)
			.isThrownBy(() -> client(ManagementTestConfiguration.ADMIN_KEY, "not-the-secret").getRestApis())
			.satisfies((ex) -> {
				assertThat(ex.statusCode()).isEqualTo(403);
				assertThat(ex.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
				assertThat(ex.awsErrorDetails().errorMessage())
					.startsWith("The request signature we calculated does not match the signature you provided.");
			});
		assertThatExceptionOfType(ApiGatewayException.class)
			.isThrownBy(() -> client("AKIAUNKNOWNEXAMPLE", "secret").getRestApis())
			.satisfies((ex) -> {
				assertThat(ex.statusCode()).isEqualTo(403);
				assertThat(ex.awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException");
				assertThat(ex.awsErrorDetails().errorMessage())
					.isEqualTo("The security token included in the request is invalid.");
			});
	}

	@Test
	void principalAllowedOnlyToReadCannotImport() {
		ApiGatewayClient reader = client(ManagementTestConfiguration.READER_KEY, ManagementTestConfiguration.SECRET);
		assertThat(reader.getRestApis().items()).extracting(RestApi::id).contains("configured");
		int before = this.admin.getRestApis((r) -> r.limit(500)).items().size();
		assertThatExceptionOfType(ApiGatewayException.class)
			.isThrownBy(() -> reader.importRestApi((r) -> r.body(SdkBytes.fromUtf8String(ManagementTestApis.greeting("{}")))))
			.satisfies((ex) -> {
				assertThat(ex.statusCode()).isEqualTo(403);
				assertThat(ex.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
				assertThat(ex.awsErrorDetails().errorMessage())
					.isEqualTo("User: arn:aws:iam::123456789012:user/reader is not authorized to perform: "
							+ "apigateway:POST on resource: arn:aws:apigateway:us-east-1::/restapis");
			});
		assertThat(this.admin.getRestApis((r) -> r.limit(500)).items()).hasSize(before);
	}

	@Test
	void unknownIdsAreNotFound() {
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> this.admin.getRestApi((r) -> r.restApiId("nosuchapi0")))
			.satisfies((ex) -> {
				assertThat(ex.statusCode()).isEqualTo(404);
				assertThat(ex.awsErrorDetails().errorMessage())
					.isEqualTo("Invalid API identifier specified 123456789012:nosuchapi0");
			});
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> this.admin.getStage((r) -> r.restApiId("configured").stageName("nosuchstage")))
			.satisfies((ex) -> assertThat(ex.awsErrorDetails().errorMessage())
				.isEqualTo("Invalid Stage identifier specified"));
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> this.admin.getDeployment((r) -> r.restApiId("configured").deploymentId("nosuch")))
			.satisfies((ex) -> assertThat(ex.awsErrorDetails().errorMessage())
				.isEqualTo("Invalid Deployment identifier specified"));
	}

	@Test
	void importThatDoesNotCompileIsRefusedWithTheStartUpMessage() {
		int before = this.admin.getRestApis((r) -> r.limit(500)).items().size();
		assertThatExceptionOfType(BadRequestException.class)
			.isThrownBy(() -> this.admin.importRestApi((r) -> r
				.body(SdkBytes.fromUtf8String(ManagementTestApis.greeting("#if($input.body")))))
			.satisfies((ex) -> {
				assertThat(ex.statusCode()).isEqualTo(400);
				String message = ex.awsErrorDetails().errorMessage();
				String id = message.substring("API '".length(), message.indexOf("', "));
				assertThat(message).startsWith("API '" + id + "', resource '/greeting', method GET, field "
						+ "'integration.responses[0].response-templates[application/json]' (management API import): "
						+ "Mapping template '" + id + " GET /greeting integration.responses[0].response-templates"
						+ "[application/json] (status 200)' has a syntax error at line 1, column 16: ");
			});
		assertThat(this.admin.getRestApis((r) -> r.limit(500)).items()).hasSize(before);
	}

	@Test
	void bodyThatIsNotOpenApiIsBadRequest() {
		assertThatExceptionOfType(BadRequestException.class)
			.isThrownBy(() -> this.admin.importRestApi((r) -> r.body(SdkBytes.fromUtf8String("{\"openapi\": 3}"))))
			.satisfies((ex) -> assertThat(ex.awsErrorDetails().errorMessage())
				.matches("API '[a-z0-9]{10}', field '/' \\(management API import\\): swagger-parser could not read "
						+ "the document"));
	}

	private ApiGatewayClient client(String accessKey, String secret) {
		return ApiGatewayClient.builder()
			.endpointOverride(URI.create("http://127.0.0.1:" + this.port + "/apigw/management"))
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secret)))
			.httpClient(Apache5HttpClient.create())
			.build();
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
