package dev.apigw.websocket;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import dev.apigw.test.GatewayTestApplication;
import dev.apigw.test.TwoGateways;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.GetConnectionResponse;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.GoneException;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Two gateway instances sharing a real redis-server: a client connected to one is reached
 * by {@code @connections} calls made on the other (post, get, delete), and the in-process
 * API of the other instance reaches it too; once it is closed, both answer 410.
 */
class RedisWebSocketTests {

	private static TwoGateways gateways;

	private static ConfigurableApplicationContext first;

	private static ConfigurableApplicationContext second;

	@BeforeAll
	static void start() {
		gateways = TwoGateways.start("websocket-redis", GatewayTestApplication.class);
		first = gateways.first();
		second = gateways.second();
	}

	@AfterAll
	static void stop() {
		if (gateways != null) {
			gateways.close();
		}
	}

	private static ApiGatewayManagementApiClient management(ConfigurableApplicationContext context) {
		return ApiGatewayManagementApiClient.builder()
			.endpointOverride(URI.create("http://127.0.0.1:" + TwoGateways.port(context) + "/chat/dev"))
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")))
			.httpClient(UrlConnectionHttpClient.create())
			.build();
	}

	@Test
	void aPostToAConnectionHeldByTheOtherInstanceArrives() {
		try (WsClient client = WsClient.connect("ws://127.0.0.1:" + TwoGateways.port(first) + "/chat/dev",
				Map.of("User-Agent", "redis-test"));
				ApiGatewayManagementApiClient other = management(second)) {
			String id = client.connectionId();
			other.postToConnection((request) -> request.connectionId(id).data(SdkBytes.fromUtf8String("via redis")));
			assertThat(client.next()).isEqualTo("via redis");
			second.getBean(WebSocketConnections.class).send(id, "in-process, other instance").block(Duration.ofSeconds(5));
			assertThat(client.next()).isEqualTo("in-process, other instance");
			GetConnectionResponse connection = other.getConnection((request) -> request.connectionId(id));
			assertThat(connection.identity().userAgent()).isEqualTo("redis-test");
			assertThat(connection.identity().sourceIp()).isEqualTo("127.0.0.1");
			other.deleteConnection((request) -> request.connectionId(id));
			assertThat(client.awaitClose()).isEqualTo(1000);
			org.awaitility.Awaitility.await()
				.atMost(Duration.ofSeconds(5))
				.untilAsserted(() -> assertThatThrownBy(() -> other.postToConnection(
						(request) -> request.connectionId(id).data(SdkBytes.fromUtf8String("late"))))
					.isInstanceOf(GoneException.class));
			try (ApiGatewayManagementApiClient own = management(first)) {
				assertThatThrownBy(() -> own.getConnection((request) -> request.connectionId(id)))
					.isInstanceOf(GoneException.class);
			}
		}
	}

}
