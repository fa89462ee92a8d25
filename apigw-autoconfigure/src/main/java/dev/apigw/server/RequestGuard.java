package dev.apigw.server;

import java.io.IOException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerUpgradeHandler;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http2.CleartextHttp2ServerUpgradeHandler;
import io.netty.util.ReferenceCountUtil;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.netty.NettyPipeline;

/**
 * Guards one HTTP/1.1 connection, between the HTTP codec and Reactor Netty's traffic
 * handler: a deadline for each request's line and headers, the {@code Host} rules, and the
 * answers to requests the codec could not parse (JSON, {@code Connection: close}, logged at
 * DEBUG, never reaching a handler). A client that breaks the connection is logged at DEBUG
 * and the connection closed, so that handlers see a closed connection rather than a network
 * error to report.
 * <p>
 * The deadline of a connection's first request runs from its accept, so a TLS handshake
 * counts; on a keep-alive connection the idle time between requests is Reactor Netty's idle
 * timeout, and the deadline runs from the first byte of the next request. Nothing is
 * scheduled or allocated for a request whose headers arrive in one read.
 */
final class RequestGuard extends ChannelDuplexHandler implements Runnable {

	static final String NAME = "apigw.requestGuard";

	static final String BYTES_NAME = "apigw.requestBytes";

	private static final Log logger = LogFactory.getLog(RequestGuard.class);

	private final long headerTimeoutNanos;

	private final RequestBytes bytes = new RequestBytes();

	private @Nullable ChannelHandlerContext context;

	private @Nullable ScheduledFuture<?> deadline;

	/** Requests passed on whose response is not complete yet. */
	private int pending;

	/** Bytes arrived since the last request's headers were decoded. */
	private boolean bytesArrived;

	/** The response of the oldest pending request has started. */
	private boolean responseStarted;

	private boolean discardInput;

	private boolean discardOutput;

	/** A refused request that waits for the responses pipelined before it. */
	private @Nullable Rejections deferred;

	private RequestGuard(long headerTimeoutNanos) {
		this.headerTimeoutNanos = headerTimeoutNanos;
	}

	/**
	 * Installs a guard around the HTTP/1.1 codec of a new connection's pipeline.
	 * @param pipeline the pipeline, as Reactor Netty initialised it
	 * @param headerTimeoutNanos the deadline for a request's line and headers, 0 for none
	 * @return whether the pipeline is an HTTP/1.1 one (HTTP/2 over TLS chooses its codec only
	 * after the handshake, and is not guarded)
	 */
	static boolean install(ChannelPipeline pipeline, long headerTimeoutNanos) {
		ChannelHandlerContext codec = pipeline.context(HttpServerCodec.class);
		if (codec == null || pipeline.get(NettyPipeline.HttpTrafficHandler) == null) {
			return false;
		}
		RequestGuard guard = new RequestGuard(headerTimeoutNanos);
		pipeline.addBefore(codec.name(), BYTES_NAME, guard.bytes);
		pipeline.addBefore(NettyPipeline.HttpTrafficHandler, NAME, guard);
		return true;
	}

	@Override
	public void handlerAdded(ChannelHandlerContext ctx) {
		this.context = ctx;
		// an accepted connection is active already; with TLS, Reactor Netty passes channelActive
		// on only after the handshake, which the deadline must cover
		if (ctx.channel().isActive()) {
			arm(ctx);
		}
	}

	@Override
	public void handlerRemoved(ChannelHandlerContext ctx) {
		cancelDeadline();
	}

	@Override
	public void channelActive(ChannelHandlerContext ctx) {
		arm(ctx);
		ctx.fireChannelActive();
	}

	@Override
	public void channelInactive(ChannelHandlerContext ctx) {
		cancelDeadline();
		ctx.fireChannelInactive();
	}

	@Override
	public void channelRead(ChannelHandlerContext ctx, Object msg) {
		if (this.discardInput) {
			ReferenceCountUtil.release(msg);
		}
		else if (msg instanceof HttpRequest request) {
			received(ctx, request);
		}
		else if (msg instanceof HttpContent content && content.decoderResult().isFailure()) {
			malformedBody(ctx, content);
		}
		else {
			ctx.fireChannelRead(msg);
		}
	}

	@Override
	public void channelReadComplete(ChannelHandlerContext ctx) {
		// a read that ended inside a request's headers starts the deadline of a keep-alive request
		if (this.pending == 0 && this.bytesArrived && this.deadline == null && !this.discardInput) {
			arm(ctx);
		}
		ctx.fireChannelReadComplete();
	}

	@Override
	public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
		if (event instanceof HttpServerUpgradeHandler.UpgradeEvent
				|| event instanceof CleartextHttp2ServerUpgradeHandler.PriorKnowledgeUpgradeEvent) {
			detach(ctx);
		}
		ctx.fireUserEventTriggered(event);
	}

	@Override
	public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
		if (cause instanceof IOException) {
			if (logger.isDebugEnabled()) {
				logger.debug(ctx.channel() + " Connection failed, closing it: " + cause);
			}
			this.discardInput = true;
			this.discardOutput = true;
			ctx.close();
			return;
		}
		ctx.fireExceptionCaught(cause);
	}

	@Override
	public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
		if (this.discardOutput) {
			// the guard has answered and closes the connection: a handler's late response goes nowhere
			ReferenceCountUtil.release(msg);
			promise.trySuccess();
			return;
		}
		if (msg instanceof HttpResponse response) {
			int code = response.status().code();
			if (code < 200) {
				ctx.write(msg, promise);
				if (code == 101) {
					detach(ctx);
				}
				return;
			}
			this.responseStarted = true;
		}
		ctx.write(msg, promise);
		if (msg instanceof LastHttpContent && this.responseStarted) {
			this.responseStarted = false;
			this.pending = Math.max(0, this.pending - 1);
			if (this.pending == 0 && this.deferred != null) {
				reject(ctx, this.deferred);
			}
		}
	}

	/** The header deadline passed. */
	@Override
	public void run() {
		this.deadline = null;
		ChannelHandlerContext ctx = this.context;
		if (ctx == null || !ctx.channel().isActive() || this.discardInput || this.pending > 0) {
			return;
		}
		if (logger.isDebugEnabled()) {
			logger.debug(ctx.channel() + " No complete request headers within "
					+ TimeUnit.NANOSECONDS.toMillis(this.headerTimeoutNanos) + " ms, closing the connection");
		}
		if (this.bytesArrived) {
			reject(ctx, Rejections.REQUEST_TIMEOUT);
		}
		else {
			// nothing of a request arrived (an unused or a TLS connection that never finished its handshake)
			this.discardInput = true;
			ctx.close();
		}
	}

	private void received(ChannelHandlerContext ctx, HttpRequest request) {
		cancelDeadline();
		this.bytesArrived = false;
		DecoderResult decoded = request.decoderResult();
		Rejections rejection = null;
		String problem;
		if (decoded.isFailure()) {
			rejection = Rejections.forDecodingFailure(decoded.cause());
			problem = "malformed request: " + decoded.cause();
		}
		else {
			problem = HostHeaders.problem(request);
			if (problem != null) {
				rejection = Rejections.BAD_REQUEST;
			}
		}
		if (rejection == null) {
			this.pending++;
			ctx.fireChannelRead(request);
			return;
		}
		ReferenceCountUtil.release(request);
		if (!ctx.channel().isActive()) {
			// the decoder's last word on a connection the client closed inside a request's headers
			this.discardInput = true;
			return;
		}
		if (logger.isDebugEnabled()) {
			logger.debug(ctx.channel() + " Refused a request (" + problem + ") with " + rejection.code());
		}
		if (this.pending == 0) {
			reject(ctx, rejection);
		}
		else {
			// answers go out in request order: this one after the responses pipelined before it
			this.discardInput = true;
			this.deferred = rejection;
		}
	}

	private void malformedBody(ChannelHandlerContext ctx, HttpContent content) {
		Throwable cause = content.decoderResult().cause();
		ReferenceCountUtil.release(content);
		if (logger.isDebugEnabled()) {
			logger.debug(ctx.channel() + " Malformed request body, closing the connection: " + cause);
		}
		if (this.pending == 1 && !this.responseStarted) {
			reject(ctx, Rejections.BAD_REQUEST);
		}
		else {
			this.discardInput = true;
			this.discardOutput = true;
			ctx.close();
		}
	}

	private void reject(ChannelHandlerContext ctx, Rejections rejection) {
		this.discardInput = true;
		this.discardOutput = true;
		this.deferred = null;
		cancelDeadline();
		ctx.writeAndFlush(rejection.response()).addListener(ChannelFutureListener.CLOSE);
	}

	private void arm(ChannelHandlerContext ctx) {
		if (this.headerTimeoutNanos > 0 && this.deadline == null) {
			this.deadline = ctx.executor().schedule(this, this.headerTimeoutNanos, TimeUnit.NANOSECONDS);
		}
	}

	private void cancelDeadline() {
		ScheduledFuture<?> scheduled = this.deadline;
		if (scheduled != null) {
			this.deadline = null;
			scheduled.cancel(false);
		}
	}

	/** The connection leaves HTTP/1.1 (a WebSocket or h2c upgrade): nothing left to guard. */
	private void detach(ChannelHandlerContext ctx) {
		cancelDeadline();
		ChannelPipeline pipeline = ctx.pipeline();
		if (pipeline.context(this.bytes) != null) {
			pipeline.remove(this.bytes);
		}
		if (pipeline.context(this) != null) {
			pipeline.remove(this);
		}
	}

	/** Notes that bytes arrived, ahead of the codec (and after TLS: only a request's bytes). */
	private final class RequestBytes extends ChannelInboundHandlerAdapter {

		@Override
		public void channelRead(ChannelHandlerContext ctx, Object msg) {
			RequestGuard.this.bytesArrived = true;
			ctx.fireChannelRead(msg);
		}

	}

}
