package dev.apigw.pipeline;

import java.util.concurrent.atomic.AtomicLong;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Flux;
import reactor.netty.Connection;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.util.DisconnectedClientHelper;

/**
 * A request whose body the client may abandon. When the client's connection breaks while
 * its body streams (an abort, a reset, a malformed chunk the server answered and closed
 * on), the body neither completes (a backend would take a truncated body for a whole one)
 * nor fails (every reader on the way, the gateway's HTTP client included, would report a
 * server error with a stack trace): it stops, and the server cancels the exchange as the
 * connection closes. Counts a body without {@code Content-Length} against the size limit.
 */
final class ClientBody extends ServerHttpRequestDecorator {

	private static final Log logger = LogFactory.getLog(ClientBody.class);

	private final String logPrefix;

	private final long limit;

	/**
	 * Decorates a request.
	 * @param request the request
	 * @param logPrefix the exchange's log prefix
	 * @param limit the largest body in bytes, or a negative number when the length was
	 * checked up front
	 */
	ClientBody(ServerHttpRequest request, String logPrefix, long limit) {
		super(request);
		this.logPrefix = logPrefix;
		this.limit = limit;
	}

	@Override
	public Flux<DataBuffer> getBody() {
		Flux<DataBuffer> body = super.getBody();
		if (this.limit >= 0) {
			long max = this.limit;
			AtomicLong seen = new AtomicLong();
			body = body.handle((buffer, sink) -> {
				if (seen.addAndGet(buffer.readableByteCount()) > max) {
					DataBufferUtils.release(buffer);
					sink.error(new RequestTooLargeException());
				}
				else {
					sink.next(buffer);
				}
			});
		}
		return body.onErrorResume(this::clientGone, (error) -> {
			if (logger.isDebugEnabled()) {
				logger.debug(this.logPrefix + "Client connection closed while sending the request body: " + error);
			}
			return Flux.never();
		});
	}

	private boolean clientGone(Throwable error) {
		return isClosed(getDelegate()) || DisconnectedClientHelper.isClientDisconnectedException(error);
	}

	/**
	 * Whether the client's connection of a request is closed: nothing can reach the client
	 * any more, whatever failed.
	 * @param request the request
	 * @return {@code true} when the request came over Reactor Netty and its connection is
	 * closed; {@code false} for a request without a native request (a mock request, as
	 * {@code WebTestClient} bound to an application sends)
	 */
	static boolean isClosed(ServerHttpRequest request) {
		Object nativeRequest;
		try {
			nativeRequest = ServerHttpRequestDecorator.getNativeRequest(request);
		}
		catch (IllegalArgumentException | IllegalStateException ex) {
			return false;
		}
		return nativeRequest instanceof Connection connection && !connection.channel().isActive();
	}

}
