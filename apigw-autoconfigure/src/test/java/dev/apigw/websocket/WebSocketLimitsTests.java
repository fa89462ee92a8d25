package dev.apigw.websocket;


import dev.apigw.test.GatewayTestApplication;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.WebsocketClientSpec;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * AWS's WebSocket limits: a frame over 32 KB or a message over 128 KB closes the
 * connection with 1009; a connection without messages for the idle timeout (400 ms here)
 * is closed with 1001.
 */
@SpringBootTest(classes = GatewayTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("websocket-limits")
class WebSocketLimitsTests {

	@LocalServerPort
	int port;

	private WsClient connect() {
		return WsClient.connect("ws://127.0.0.1:" + this.port + "/limits/test");
	}

	@Test
	void frameOver32KilobytesClosesWith1009() {
		// Reactor Netty's client sends each frame as given (the JDK's splits long texts)
		assertThat(closeAfterFrames(32 * 1024)).as("a 32 KB frame is fine").isEqualTo("ok");
		assertThat(closeAfterFrames(32 * 1024 + 1)).isEqualTo("1009");
	}

	private String closeAfterFrames(int size) {
		java.util.concurrent.BlockingQueue<String> seen = new java.util.concurrent.LinkedBlockingQueue<>();
		HttpClient.create()
			.websocket(WebsocketClientSpec.builder().maxFramePayloadLength(1 << 20).build())
			.uri("ws://127.0.0.1:" + this.port + "/limits/test")
			.handle((in, out) -> {
				in.receiveCloseStatus().subscribe((status) -> seen.add(Integer.toString(status.code())));
				in.receive().asString().subscribe(seen::add, (error) -> seen.add("error " + error));
				return out.sendObject(Mono.just(new TextWebSocketFrame("a".repeat(size)))).then().then(Mono.never());
			})
			.subscribe();
		try {
			String first = seen.poll(10, java.util.concurrent.TimeUnit.SECONDS);
			return String.valueOf(first);
		}
		catch (InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void fragmentedMessagesUpTo128KilobytesPassAndLargerOnesCloseWith1009() {
		WsClient client = connect();
		String fragment = "b".repeat(32 * 1024);
		for (int i = 0; i < 3; i++) {
			client.socket.sendText(fragment, false).join();
		}
		client.socket.sendText(fragment, true).join();
		assertThat(client.next()).isEqualTo("ok");
		for (int i = 0; i < 4; i++) {
			client.socket.sendText(fragment, false).join();
		}
		client.socket.sendText("c", true);
		assertThat(client.awaitClose()).isEqualTo(1009);
	}

	@Test
	void idleConnectionIsClosedWith1001() {
		WsClient client = connect();
		assertThat(client.send("hello").next()).isEqualTo("ok");
		assertThat(client.awaitClose()).isEqualTo(1001);
	}

}
