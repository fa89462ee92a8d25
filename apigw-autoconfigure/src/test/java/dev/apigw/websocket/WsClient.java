package dev.apigw.websocket;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real WebSocket client for tests (the JDK's): collects the messages it receives and
 * the close status.
 */
final class WsClient implements AutoCloseable {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	final BlockingQueue<String> messages = new LinkedBlockingQueue<>();

	final CompletableFuture<Integer> closeCode = new CompletableFuture<>();

	final WebSocket socket;

	private WsClient(URI uri, Map<String, String> headers) {
		WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
		headers.forEach(builder::header);
		StringBuilder text = new StringBuilder();
		this.socket = builder.buildAsync(uri, new WebSocket.Listener() {

			@Override
			public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
				text.append(data);
				if (last) {
					WsClient.this.messages.add(text.toString());
					text.setLength(0);
				}
				webSocket.request(1);
				return null;
			}

			@Override
			public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
				webSocket.request(1);
				return null;
			}

			@Override
			public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
				WsClient.this.closeCode.complete(statusCode);
				return null;
			}

			@Override
			public void onError(WebSocket webSocket, Throwable error) {
				WsClient.this.closeCode.completeExceptionally(error);
			}

		}).join();
	}

	static WsClient connect(String uri) {
		return new WsClient(URI.create(uri), Map.of());
	}

	static WsClient connect(String uri, Map<String, String> headers) {
		return new WsClient(URI.create(uri), headers);
	}

	WsClient send(String text) {
		this.socket.sendText(text, true).join();
		return this;
	}

	String next() {
		try {
			String message = this.messages.poll(10, TimeUnit.SECONDS);
			if (message == null) {
				throw new AssertionError("No message within 10 s");
			}
			return message;
		}
		catch (InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

	int awaitClose() {
		return this.closeCode.orTimeout(10, TimeUnit.SECONDS).join();
	}

	/**
	 * Asks the {@code whoami} route (a MOCK answering {@code $context.connectionId}) for
	 * this connection's id.
	 * @return the connection id
	 */
	String connectionId() {
		String answer = send("{\"action\":\"whoami\"}").next();
		int start = answer.indexOf("\"connectionId\":\"") + "\"connectionId\":\"".length();
		return answer.substring(start, answer.indexOf('"', start));
	}

	@Override
	public void close() {
		if (!this.socket.isOutputClosed()) {
			try {
				this.socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
			}
			catch (RuntimeException ex) {
				// the server closed first
			}
		}
	}

}
