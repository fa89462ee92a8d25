package dev.apigw.websocket;

import java.io.ByteArrayOutputStream;
import java.util.concurrent.TimeUnit;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SynchronousSink;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.websocket.WebsocketInbound;
import reactor.netty.http.websocket.WebsocketOutbound;


/**
 * One upgraded connection: reads the client's frames, closes the connection with 1009 on a
 * frame over the frame limit or a message (its fragments together) over the message limit
 * (Netty refuses frames over the message limit before they are read), hands each message to the gateway one after the other, sends the connection's
 * outgoing messages, closes idle and over-age connections with 1001, and reports the end.
 */
final class ConnectionSession {

	static final int GOING_AWAY = 1001;

	static final int MESSAGE_TOO_BIG = 1009;

	private final WebSocketConnection connection;

	private final @Nullable String subProtocol;

	private final WebSocketGatewayFilter gateway;

	private final Disposable.Swap idleTimer = Disposables.swap();

	private final Disposable.Swap ageTimer = Disposables.swap();

	ConnectionSession(WebSocketConnection connection, @Nullable String subProtocol, WebSocketGatewayFilter gateway) {
		this.connection = connection;
		this.subProtocol = subProtocol;
		this.gateway = gateway;
	}

	@Nullable String subProtocol() {
		return this.subProtocol;
	}

	Mono<Void> handle(WebsocketInbound inbound, WebsocketOutbound outbound) {
		this.connection.attach(outbound);
		// messages are handled once every instance knows the connection: a route response
		// the client reads means other instances can reach it
		Mono<Void> registered = this.gateway.opened(this.connection);
		scheduleIdle(this.gateway.idleTimeoutNanos());
		this.ageTimer.update(Schedulers.parallel()
			.schedule(() -> this.connection.close(GOING_AWAY, "Going away"), this.gateway.maxConnectionNanos(),
					TimeUnit.NANOSECONDS));
		inbound.receiveCloseStatus()
			.subscribe((status) -> this.connection.closed(status.code(), status.reasonText()), (error) -> {
			});
		Assembler assembler = new Assembler(this.gateway.maxFrameSize(), this.gateway.maxMessageSize());
		Mono<Void> received = registered.thenMany(inbound.receiveFrames())
			.<Message>handle(assembler::accept)
			.concatMap((message) -> this.gateway.onMessage(this.connection, message), 1)
			.onErrorResume((error) -> Mono.empty())
			.then(Mono.fromRunnable(this.connection::ended));
		Mono<Void> sent = outbound.sendObject(this.connection.frames()).then().onErrorResume((error) -> Mono.empty());
		return Mono.when(received, sent).doFinally((signal) -> {
			this.idleTimer.dispose();
			this.ageTimer.dispose();
			this.gateway.closed(this.connection);
		});
	}

	private void scheduleIdle(long delayNanos) {
		this.idleTimer.update(Schedulers.parallel().schedule(() -> {
			long idle = System.nanoTime() - this.connection.lastActiveNanos();
			long timeout = this.gateway.idleTimeoutNanos();
			if (idle >= timeout) {
				this.connection.close(GOING_AWAY, "Going away");
			}
			else if (!this.connection.isClosed()) {
				scheduleIdle(timeout - idle);
			}
		}, delayNanos, TimeUnit.NANOSECONDS));
	}

	/**
	 * A complete message from the client.
	 *
	 * @param text whether it is a text message
	 * @param data its bytes
	 */
	record Message(boolean text, byte[] data) {

	}

	/**
	 * Joins the frames of fragmented messages, copying their bytes while Netty still holds
	 * them (frames are released once handled).
	 */
	private final class Assembler {

		private final int maxFrameSize;

		private final long maxMessageSize;

		private @Nullable ByteArrayOutputStream buffer;

		private boolean text;

		private boolean refused;

		Assembler(int maxFrameSize, long maxMessageSize) {
			this.maxFrameSize = maxFrameSize;
			this.maxMessageSize = maxMessageSize;
		}

		void accept(WebSocketFrame frame, SynchronousSink<Message> sink) {
			if (this.refused) {
				return;
			}
			if (frame instanceof TextWebSocketFrame || frame instanceof BinaryWebSocketFrame) {
				this.buffer = new ByteArrayOutputStream(Math.min(frame.content().readableBytes(), 1 << 16));
				this.text = frame instanceof TextWebSocketFrame;
			}
			else if (!(frame instanceof ContinuationWebSocketFrame) || this.buffer == null) {
				return;
			}
			ByteBuf content = frame.content();
			if (content.readableBytes() > this.maxFrameSize
					|| this.buffer.size() + content.readableBytes() > this.maxMessageSize) {
				this.refused = true;
				this.buffer = null;
				ConnectionSession.this.connection.close(MESSAGE_TOO_BIG, "Message too big");
				return;
			}
			byte[] bytes = new byte[content.readableBytes()];
			content.getBytes(content.readerIndex(), bytes);
			this.buffer.writeBytes(bytes);
			if (frame.isFinalFragment()) {
				sink.next(new Message(this.text, this.buffer.toByteArray()));
				this.buffer = null;
			}
		}

	}

}
