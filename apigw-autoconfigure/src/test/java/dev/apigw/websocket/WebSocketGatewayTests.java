package dev.apigw.websocket;

import java.net.URI;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import dev.apigw.test.GatewayTestApplication;
import dev.apigw.test.TestBackend;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * WebSocket APIs end to end with a real client (the JDK's): {@code $connect} accepting and
 * refusing, messages routed by the selection expression with route responses,
 * {@code $default}, error frames, {@code $disconnect} events, the in-process
 * {@link WebSocketConnections}.
 */
@SpringBootTest(classes = GatewayTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("websocket")
@Import(WebSocketTestHandlers.class)
class WebSocketGatewayTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static TestBackend backend;

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void backend(DynamicPropertyRegistry registry) {
		backend = TestBackend.start();
		registry.add("test.backend", backend::address);
	}

	@AfterAll
	static void stopBackend() {
		backend.close();
	}

	@Autowired
	WebSocketConnections connections;

	@BeforeEach
	void clear() {
		WebSocketTestHandlers.EVENTS.clear();
	}

	/** The next event of a type; events of connections other tests closed may come first. */
	static Map<String, Object> nextEvent(String eventType) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (System.nanoTime() < deadline) {
			Map<String, Object> event = WebSocketTestHandlers.EVENTS.poll(1, TimeUnit.SECONDS);
			if (event != null && eventType.equals(map(event.get("requestContext")).get("eventType"))) {
				return event;
			}
		}
		throw new AssertionError("No " + eventType + " event within 10 s");
	}

	private String url(String path) {
		return "ws://127.0.0.1:" + this.port + path;
	}

	@Test
	void connectRunsTheConnectRouteWithTheHandshake() throws Exception {
		try (WsClient client = WsClient.connect(url("/chat/dev?room=lobby&room=kitchen"),
				Map.of("X-Player", "ann"))) {
			Map<String, Object> event = nextEvent("CONNECT");
			Map<String, Object> context = map(event.get("requestContext"));
			assertThat(context).containsEntry("routeKey", "$connect")
				.containsEntry("eventType", "CONNECT")
				.containsEntry("stage", "dev")
				.containsEntry("apiId", "chat")
				.containsEntry("messageDirection", "IN")
				.containsEntry("domainName", "127.0.0.1")
				.containsKeys("connectionId", "requestId", "connectedAt", "requestTimeEpoch", "requestTime",
						"extendedRequestId");
			assertThat(String.valueOf(context.get("connectionId"))).matches("[A-Za-z0-9_-]{15}=");
			assertThat(map(context.get("identity"))).containsEntry("sourceIp", "127.0.0.1");
			assertThat(event).containsEntry("queryStringParameters", Map.of("room", "kitchen"))
				.containsEntry("multiValueQueryStringParameters", Map.of("room", List.of("lobby", "kitchen")))
				.containsEntry("isBase64Encoded", false);
			assertThat(map(event.get("stageVariables"))).containsEntry("color", "blue");
			assertThat(map(event.get("headers"))).containsEntry("X-Player", "ann");
		}
	}

	@Test
	void connectRouteAnsweringNon2xxRefusesTheHandshakeWithItsStatus() {
		assertThatThrownBy(() -> WsClient.connect(url("/chat/dev?reject=401")))
			.isInstanceOf(CompletionException.class)
			.cause()
			.isInstanceOfSatisfying(WebSocketHandshakeException.class,
					(ex) -> assertThat(ex.getResponse().statusCode()).isEqualTo(401));
		assertThatThrownBy(() -> WsClient.connect(url("/chat/dev?explode=1"))).cause()
			.isInstanceOfSatisfying(WebSocketHandshakeException.class,
					(ex) -> assertThat(ex.getResponse().statusCode()).isEqualTo(502));
	}

	@Test
	void messagesAreRoutedByTheSelectionExpressionAndAnsweredWithRouteResponses() {
		try (WsClient client = WsClient.connect(url("/chat/dev"))) {
			assertThat(client.send("{\"action\":\"echo\",\"text\":\"hi\"}").next())
				.isEqualTo("echo echo: {\"action\":\"echo\",\"text\":\"hi\"}");
			// no such route, and not JSON: both $default
			assertThat(client.send("{\"action\":\"nothing\"}").next()).isEqualTo("echo $default: {\"action\":\"nothing\"}");
			assertThat(client.send("plain text").next()).isEqualTo("echo $default: plain text");
			Map<String, Object> whoami = JSON.readValue(client.send("{\"action\":\"whoami\",\"text\":\"yo\"}").next(),
					Map.class);
			assertThat(whoami).containsEntry("routeKey", "whoami")
				.containsEntry("stage", "blue");
			assertThat(String.valueOf(whoami.get("connectionId"))).matches("[A-Za-z0-9_-]{15}=");
		}
	}

	@Test
	void oneWayRoutesAnswerNothingAndFailuresAnswerAnErrorFrame() throws Exception {
		try (WsClient client = WsClient.connect(url("/chat/dev"))) {
			String id = connectionId(client);
			client.send("{\"action\":\"silent\",\"n\":1}");
			Map<String, Object> event = nextEvent("MESSAGE");
			assertThat(event).containsEntry("body", "{\"action\":\"silent\",\"n\":1}")
				.containsEntry("isBase64Encoded", false);
			assertThat(map(event.get("requestContext"))).containsEntry("routeKey", "silent")
				.containsEntry("connectionId", id)
				.containsKey("messageId");
			String failure = client.send("{\"action\":\"fail\"}").next();
			assertThat(failure).matches("\\{\"message\": \"Internal server error\", \"connectionId\":\"" + id
					+ "\", \"requestId\":\"[A-Za-z0-9_-]{15}=\"}");
			assertThat(client.messages).isEmpty();
		}
	}

	@Test
	void noMatchingRouteAndNoDefaultAnswersForbidden() {
		try (WsClient client = WsClient.connect(url("/strict/live"))) {
			assertThat(client.send("{\"type\":\"game\",\"action\":\"move\"}").next()).isEqualTo("moved");
			assertThat(client.send("{\"type\":\"game\",\"action\":\"quit\"}").next())
				.matches("\\{\"message\": \"Forbidden\", \"connectionId\":\"[A-Za-z0-9_-]{15}=\", "
						+ "\"requestId\":\"[A-Za-z0-9_-]{15}=\"}");
		}
	}

	@Test
	void disconnectRunsTheDisconnectRouteWithTheCloseStatus() throws Exception {
		String id;
		try (WsClient client = WsClient.connect(url("/chat/dev"))) {
			id = connectionId(client);
		}
		Map<String, Object> event = nextEvent("DISCONNECT");
		while (!id.equals(map(event.get("requestContext")).get("connectionId"))) {
			event = nextEvent("DISCONNECT");
		}
		assertThat(map(event.get("requestContext"))).containsEntry("routeKey", "$disconnect")
			.containsEntry("connectionId", id)
			.containsEntry("disconnectStatusCode", 1000)
			.containsEntry("disconnectReason", "bye");
		assertThatThrownBy(() -> this.connections.get(id).block()).isInstanceOf(WebSocketConnections.GoneException.class);
	}

	@Test
	void inProcessConnectionsSendReadAndClose() {
		try (WsClient client = WsClient.connect(url("/chat/dev"))) {
			String id = connectionId(client);
			this.connections.send(id, "from the application").block();
			assertThat(client.next()).isEqualTo("from the application");
			WebSocketConnections.ConnectionInfo info = this.connections.get(id).block();
			assertThat(info.apiId()).isEqualTo("chat");
			assertThat(info.sourceIp()).isEqualTo("127.0.0.1");
			assertThat(info.lastActiveAt()).isAfterOrEqualTo(info.connectedAt());
			this.connections.delete(id).block();
			assertThat(client.awaitClose()).isEqualTo(1000);
			assertThatThrownBy(() -> this.connections.send(id, "late").block())
				.isInstanceOf(WebSocketConnections.GoneException.class);
		}
	}

	@Test
	void httpIntegrationsReceiveTheMessageAndAnswerTheRoute() {
		try (WsClient client = WsClient.connect(url("/chat/dev"))) {
			String id = connectionId(client);
			Map<String, Object> proxied = TestBackend.echo(client.send("{\"action\":\"proxied\",\"n\":1}").next());
			assertThat(proxied).containsEntry("method", "POST")
				.containsEntry("uri", "/proxied")
				.containsEntry("body", "{\"action\":\"proxied\",\"n\":1}");
			assertThat(client.send("{\"action\":\"mapped\",\"text\":\"hi\"}").next())
				.isEqualTo("backend saw {\"said\":\"hi\",\"route\":\"mapped\"} with " + id);
		}
	}

	@Test
	void plainHttpOnTheMountIsAskedToUpgrade() throws Exception {
		var response = java.net.http.HttpClient.newHttpClient()
			.send(java.net.http.HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/chat/dev")).build(),
					java.net.http.HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(426);
	}

	static String connectionId(WsClient client) {
		return client.connectionId();
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> map(Object value) {
		return (Map<String, Object>) value;
	}

}
