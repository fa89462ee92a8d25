package dev.apigw.websocket;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

import dev.apigw.test.GatewayTestApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.GetConnectionResponse;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.GoneException;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.PayloadTooLargeException;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The {@code @connections} management API driven by AWS's own
 * {@link ApiGatewayManagementApiClient}, its endpoint overridden to the gateway's stage
 * URL: post, get, delete, and 410 / 413 as the SDK's modeled exceptions.
 */
@SpringBootTest(classes = GatewayTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("websocket")
@Import(WebSocketTestHandlers.class)
class ConnectionsApiTests {

	@LocalServerPort
	int port;

	private ApiGatewayManagementApiClient management;

	@BeforeEach
	void client() {
		this.management = ApiGatewayManagementApiClient.builder()
			.endpointOverride(URI.create("http://127.0.0.1:" + this.port + "/chat/dev"))
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")))
			.httpClient(UrlConnectionHttpClient.create())
			.build();
	}

	@AfterEach
	void close() {
		this.management.close();
	}

	@Test
	void postGetAndDeleteThroughTheSdk() {
		try (WsClient client = WsClient.connect("ws://127.0.0.1:" + this.port + "/chat/dev",
				java.util.Map.of("User-Agent", "chat-test/1.0"))) {
			String id = client.connectionId();
			Instant before = Instant.now();
			this.management.postToConnection((request) -> request.connectionId(id)
				.data(SdkBytes.fromString("{\"text\":\"pushed\"}", StandardCharsets.UTF_8)));
			assertThat(client.next()).isEqualTo("{\"text\":\"pushed\"}");
			GetConnectionResponse connection = this.management.getConnection((request) -> request.connectionId(id));
			assertThat(connection.identity().sourceIp()).isEqualTo("127.0.0.1");
			assertThat(connection.identity().userAgent()).isEqualTo("chat-test/1.0");
			assertThat(connection.connectedAt()).isBefore(before);
			assertThat(connection.lastActiveAt()).isAfterOrEqualTo(connection.connectedAt());
			this.management.deleteConnection((request) -> request.connectionId(id));
			assertThat(client.awaitClose()).isEqualTo(1000);
			assertThatThrownBy(() -> this.management.postToConnection((request) -> request.connectionId(id)
				.data(SdkBytes.fromUtf8String("late")))).isInstanceOfSatisfying(GoneException.class,
						(ex) -> assertThat(ex.statusCode()).isEqualTo(410));
			assertThatThrownBy(() -> this.management.getConnection((request) -> request.connectionId(id)))
				.isInstanceOf(GoneException.class);
			assertThatThrownBy(() -> this.management.deleteConnection((request) -> request.connectionId(id)))
				.isInstanceOf(GoneException.class);
		}
	}

	@Test
	void unknownConnectionIsGoneAndOversizeIsTooLarge() {
		assertThatThrownBy(() -> this.management.postToConnection((request) -> request.connectionId("AAAAAAAAAAAAAAA=")
			.data(SdkBytes.fromUtf8String("x")))).isInstanceOf(GoneException.class);
		try (WsClient client = WsClient.connect("ws://127.0.0.1:" + this.port + "/chat/dev")) {
			String id = client.connectionId();
			byte[] big = new byte[128 * 1024 + 1];
			Arrays.fill(big, (byte) 'a');
			assertThatThrownBy(() -> this.management.postToConnection((request) -> request.connectionId(id)
				.data(SdkBytes.fromByteArray(big)))).isInstanceOfSatisfying(PayloadTooLargeException.class,
						(ex) -> assertThat(ex.statusCode()).isEqualTo(413));
			byte[] largest = Arrays.copyOf(big, 128 * 1024);
			this.management.postToConnection((request) -> request.connectionId(id).data(SdkBytes.fromByteArray(largest)));
			assertThat(client.next()).hasSize(128 * 1024);
		}
	}

}
