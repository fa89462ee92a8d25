package dev.apigw.websocket;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.netty.http.websocket.WebsocketOutbound;

/**
 * One client connection held by this instance: its identity, what it keeps of its
 * handshake and authorization, its last activity, and the queue of messages to send to
 * the client (route responses, posts to {@code @connections}, error frames), written by
 * any thread and sent in order.
 */
final class WebSocketConnection {

	private final String id;

	private final WebSocketStage stage;

	private final long connectedAt;

	private final Handshake handshake;

	private final @Nullable Map<String, Object> authorizer;

	private final Sinks.Many<byte[]> outgoing = Sinks.many().unicast().onBackpressureBuffer();

	private volatile long lastActiveAt;

	private volatile long lastActiveNanos = System.nanoTime();

	private volatile long lastSavedAt;

	private volatile @Nullable WebsocketOutbound outbound;

	private volatile int closeCode = -1;

	private volatile @Nullable String closeReason;

	private boolean closed;

	WebSocketConnection(String id, WebSocketStage stage, long connectedAt, Handshake handshake,
			@Nullable Map<String, Object> authorizer) {
		this.id = id;
		this.stage = stage;
		this.connectedAt = connectedAt;
		this.handshake = handshake;
		this.authorizer = authorizer;
		this.lastActiveAt = connectedAt;
		this.lastSavedAt = connectedAt;
	}

	String id() {
		return this.id;
	}

	WebSocketStage stage() {
		return this.stage;
	}

	long connectedAt() {
		return this.connectedAt;
	}

	Handshake handshake() {
		return this.handshake;
	}

	@Nullable Map<String, Object> authorizer() {
		return this.authorizer;
	}

	long lastActiveAt() {
		return this.lastActiveAt;
	}

	long lastActiveNanos() {
		return this.lastActiveNanos;
	}

	/**
	 * Records activity.
	 * @param now the time (epoch milliseconds)
	 * @return whether the store's copy is at least a second old, so it should be refreshed
	 */
	boolean touch(long now) {
		this.lastActiveAt = now;
		this.lastActiveNanos = System.nanoTime();
		if (now - this.lastSavedAt >= 1000) {
			this.lastSavedAt = now;
			return true;
		}
		return false;
	}

	void attach(WebsocketOutbound outbound) {
		this.outbound = outbound;
	}

	/**
	 * The frames to send, in order: text frames for UTF-8 data, binary frames otherwise.
	 * @return the frames
	 */
	Flux<WebSocketFrame> frames() {
		return this.outgoing.asFlux().map(WebSocketConnection::frame);
	}

	private static WebSocketFrame frame(byte[] data) {
		return isUtf8(data) ? new TextWebSocketFrame(Unpooled.wrappedBuffer(data))
				: new BinaryWebSocketFrame(Unpooled.wrappedBuffer(data));
	}

	static boolean isUtf8(byte[] data) {
		try {
			StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(data));
			return true;
		}
		catch (CharacterCodingException ex) {
			return false;
		}
	}

	/**
	 * Queues a message for the client.
	 * @param data the message
	 * @param now the time (epoch milliseconds), activity
	 * @return {@code false} when the connection is closed
	 */
	boolean send(byte[] data, long now) {
		synchronized (this) {
			if (this.closed) {
				return false;
			}
			this.outgoing.tryEmitNext(data);
		}
		touch(now);
		return true;
	}

	/**
	 * Closes the connection with a status (the first close wins).
	 * @param code the close code
	 * @param reason the reason
	 */
	void close(int code, String reason) {
		synchronized (this) {
			if (this.closed) {
				return;
			}
			this.closed = true;
			closed(code, reason);
		}
		WebsocketOutbound current = this.outbound;
		if (current != null) {
			current.sendClose(code, reason).subscribe((ignored) -> {
			}, (error) -> {
			});
		}
		synchronized (this) {
			this.outgoing.tryEmitComplete();
		}
	}

	/**
	 * Ends the outgoing queue once the client is gone.
	 */
	void ended() {
		synchronized (this) {
			this.closed = true;
			this.outgoing.tryEmitComplete();
		}
	}

	boolean isClosed() {
		synchronized (this) {
			return this.closed;
		}
	}

	/**
	 * Records the close status, unless one is recorded.
	 * @param code the code
	 * @param reason the reason
	 */
	void closed(int code, @Nullable String reason) {
		if (this.closeCode < 0) {
			this.closeCode = code;
			this.closeReason = reason;
		}
	}

	int closeCode() {
		return this.closeCode;
	}

	@Nullable String closeReason() {
		return this.closeReason;
	}

}
