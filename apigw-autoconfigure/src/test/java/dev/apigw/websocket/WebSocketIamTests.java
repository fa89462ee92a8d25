package dev.apigw.websocket;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.apigw.auth.iam.IamCredentials;
import dev.apigw.auth.iam.IamCredentialsRepository;
import dev.apigw.auth.iam.InMemoryIamCredentials;
import dev.apigw.test.GatewayTestApplication;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.ApiGatewayManagementApiException;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * IAM as on AWS when an {@link IamCredentialsRepository} exists: {@code @connections} calls
 * need a SigV4 signature of a principal allowed {@code execute-api:ManageConnections}, and
 * an {@code AWS_IAM} {@code $connect} a signed handshake of a principal allowed
 * {@code execute-api:Invoke} on it. Requests are signed by the AWS SDK's own signer.
 */
@SpringBootTest(classes = GatewayTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("websocket-iam")
@Import(WebSocketIamTests.Credentials.class)
class WebSocketIamTests {

	private static final AwsCredentialsIdentity MANAGER = AwsCredentialsIdentity.create("AKIDMANAGER", "manager-secret");

	private static final AwsCredentialsIdentity PLAYER = AwsCredentialsIdentity.create("AKIDPLAYER", "player-secret");

	@LocalServerPort
	int port;

	@Test
	void signedHandshakeConnectsAndManagerManagesConnections() {
		try (WsClient client = WsClient.connect(url("ws"), signed(PLAYER, "/chat/dev"));
				ApiGatewayManagementApiClient manager = management(MANAGER)) {
			String answer = client.send("{\"action\":\"whoami\"}").next();
			assertThat(answer).contains("\"principal\":\"AKIDPLAYER\"");
			String id = answer.substring(answer.indexOf("\"connectionId\":\"") + 16, answer.indexOf("\","));
			manager.postToConnection((request) -> request.connectionId(id).data(SdkBytes.fromUtf8String("signed")));
			assertThat(client.next()).isEqualTo("signed");
			try (ApiGatewayManagementApiClient player = management(PLAYER)) {
				assertThatThrownBy(() -> player.postToConnection(
						(request) -> request.connectionId(id).data(SdkBytes.fromUtf8String("not allowed"))))
					.isInstanceOfSatisfying(ApiGatewayManagementApiException.class, (ex) -> {
						assertThat(ex.statusCode()).isEqualTo(403);
						assertThat(ex.awsErrorDetails().errorMessage())
							.isEqualTo("User: arn:aws:iam::123456789012:user/player is not authorized to perform: "
									+ "execute-api:ManageConnections on resource: arn:aws:execute-api:us-east-1:"
									+ "123456789012:chat/dev/POST/@connections/" + id);
					});
			}
			try (ApiGatewayManagementApiClient wrong = management(
					AwsCredentialsIdentity.create("AKIDMANAGER", "wrong-secret"))) {
				assertThatThrownBy(() -> wrong.getConnection((request) -> request.connectionId(id)))
					.isInstanceOfSatisfying(ApiGatewayManagementApiException.class,
							(ex) -> assertThat(ex.awsErrorDetails().errorMessage())
								.startsWith("The request signature we calculated does not match"));
			}
		}
	}

	@Test
	void unsignedCallsAreRefused() throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url("http") + "/@connections/AAAAAAAAAAAAAAA%3D"))
				.POST(HttpRequest.BodyPublishers.ofString("x"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.body()).isEqualTo("{\"message\":\"Missing Authentication Token\"}");
		Throwable refused = catchThrowable(() -> WsClient.connect(url("ws")));
		assertThat(refused.getCause()).isInstanceOfSatisfying(WebSocketHandshakeException.class,
				(ex) -> assertThat(ex.getResponse().statusCode()).isEqualTo(403));
		Throwable denied = catchThrowable(() -> WsClient.connect(url("ws"), signed(MANAGER, "/chat/dev")));
		assertThat(denied.getCause()).isInstanceOfSatisfying(WebSocketHandshakeException.class,
				(ex) -> assertThat(ex.getResponse().statusCode()).isEqualTo(403));
	}

	private String url(String scheme) {
		return scheme + "://127.0.0.1:" + this.port + "/chat/dev";
	}

	private Map<String, String> signed(AwsCredentialsIdentity identity, String path) {
		SdkHttpRequest request = SdkHttpRequest.builder()
			.method(SdkHttpMethod.GET)
			.uri(URI.create("http://127.0.0.1:" + this.port + path))
			.build();
		SdkHttpRequest signed = AwsV4HttpSigner.create()
			.sign((r) -> r.identity(identity)
				.request(request)
				.putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "execute-api")
				.putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1"))
			.request();
		Map<String, String> headers = new LinkedHashMap<>();
		signed.headers().forEach((name, values) -> {
			if (!name.equalsIgnoreCase("Host")) {
				headers.put(name, values.get(0));
			}
		});
		return headers;
	}

	private ApiGatewayManagementApiClient management(AwsCredentialsIdentity identity) {
		return ApiGatewayManagementApiClient.builder()
			.endpointOverride(URI.create(url("http")))
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider
				.create(AwsBasicCredentials.create(identity.accessKeyId(), identity.secretAccessKey())))
			.httpClient(UrlConnectionHttpClient.create())
			.build();
	}

	@Configuration(proxyBeanMethods = false)
	static class Credentials {

		@Bean
		IamCredentialsRepository iamCredentials() {
			String manage = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
					+ "\"execute-api:ManageConnections\",\"Resource\":\"arn:aws:execute-api:us-east-1:123456789012:"
					+ "chat/dev/*/@connections/*\"}]}";
			String connect = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
					+ "\"execute-api:Invoke\",\"Resource\":\"arn:aws:execute-api:us-east-1:123456789012:chat/dev/$connect\"}]}";
			return new InMemoryIamCredentials(
					IamCredentials.of("AKIDMANAGER", "manager-secret", "arn:aws:iam::123456789012:user/manager", manage),
					IamCredentials.of("AKIDPLAYER", "player-secret", "arn:aws:iam::123456789012:user/player", connect));
		}

	}

}
