package dev.apigw.samples.chat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chat as its users see it, with real WebSocket clients: a message sent by one reaches
 * everyone in the room, a client that left gets nothing, and anything else gets help.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ChatApplicationTests {

	@LocalServerPort
	private int port;

	@Test
	void messagesReachEveryoneInTheRoom() throws Exception {
		Client ann = new Client();
		Client bob = new Client();
		ann.send("{\"action\":\"sendmessage\",\"data\":\"hello from ann\"}");
		assertThat(ann.next()).isEqualTo("hello from ann");
		assertThat(bob.next()).isEqualTo("hello from ann");
		bob.socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
		// until $disconnect has run, a message to bob is dropped: he is gone either way
		ann.send("{\"action\":\"sendmessage\",\"data\":\"anyone?\"}");
		assertThat(ann.next()).isEqualTo("anyone?");
		assertThat(bob.messages.poll(200, TimeUnit.MILLISECONDS)).isNull();
	}

	@Test
	void anythingElseGetsHelp() throws Exception {
		Client carol = new Client();
		carol.send("hi?");
		assertThat(carol.next()).startsWith("Send {\"action\":\"sendmessage\"");
	}

	private final class Client {

		private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();

		private final WebSocket socket;

		Client() {
			this.socket = HttpClient.newHttpClient()
				.newWebSocketBuilder()
				.buildAsync(URI.create("ws://127.0.0.1:" + ChatApplicationTests.this.port + "/chat/dev"),
						new WebSocket.Listener() {

							private final StringBuilder text = new StringBuilder();

							@Override
							public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
								this.text.append(data);
								if (last) {
									Client.this.messages.add(this.text.toString());
									this.text.setLength(0);
								}
								webSocket.request(1);
								return null;
							}

						})
				.join();
		}

		void send(String text) {
			this.socket.sendText(text, true).join();
		}

		String next() throws InterruptedException {
			String message = this.messages.poll(10, TimeUnit.SECONDS);
			assertThat(message).as("a message within 10 s").isNotNull();
			return message;
		}

	}

}
