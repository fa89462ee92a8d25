package dev.apigw.pipeline;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import dev.apigw.definition.Problems;
import dev.apigw.model.GatewayResponseType;
import dev.apigw.model.PathSegments;
import dev.apigw.model.ResourceTree;
import dev.apigw.response.GatewayResponseException;
import dev.apigw.response.GatewayResponseWriter;
import dev.apigw.response.ResponseHeaders;
import dev.apigw.routing.ApiInvocation;
import dev.apigw.routing.MethodRuntime;
import dev.apigw.routing.ResourceRuntime;
import dev.apigw.routing.StageRuntime;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

/**
 * The first phase: names the request (ids, log prefix), enforces the body size limit,
 * matches the resource and method (403 Missing Authentication Token otherwise), and turns
 * every failure of the later phases into a gateway response, unless the client's connection
 * is closed (then there is nobody to answer, and the failure is logged at DEBUG). Tells the
 * {@link InvocationListener}s when the request completes.
 */
public final class InvocationFilter implements PipelinePhase, GatewayFilter {

	private static final Log logger = LogFactory.getLog(InvocationFilter.class);

	private static final long DRAIN_ALLOWANCE = 1024 * 1024;

	private final GatewayResponseWriter responses;

	private final long maxBodySize;

	private final List<InvocationListener> listeners;

	/**
	 * Creates the filter.
	 * @param responses writes gateway responses
	 * @param maxBodySize the largest accepted request body in bytes
	 * @param listeners told about completed requests
	 */
	public InvocationFilter(GatewayResponseWriter responses, long maxBodySize, List<InvocationListener> listeners) {
		this.responses = responses;
		this.maxBodySize = maxBodySize;
		this.listeners = List.copyOf(listeners);
	}

	@Override
	public int getOrder() {
		return FilterOrders.INVOCATION;
	}

	@Override
	public GatewayFilter compile(StageRuntime stage, Problems problems) {
		return this;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		ApiInvocation invocation = ApiInvocation.of(exchange);
		if (invocation == null) {
			return chain.filter(exchange);
		}
		exchange.getAttributes().put(ServerWebExchange.LOG_ID_ATTRIBUTE, invocation.requestId());
		ServerHttpResponse response = exchange.getResponse();
		response.beforeCommit(() -> {
			ResponseHeaders.addRequestIds(response.getHeaders(), invocation);
			return Mono.empty();
		});
		ServerHttpRequest request = exchange.getRequest();
		long contentLength = request.getHeaders().getContentLength();
		Mono<Void> result;
		if (contentLength > this.maxBodySize) {
			result = drain(request).then(tooLarge(response));
		}
		else {
			result = Mono.defer(() -> proceed(exchange, invocation, chain, contentLength))
				.onErrorResume((error) -> handle(exchange, invocation, error));
		}
		if (this.listeners.isEmpty()) {
			return result;
		}
		return result.doFinally((signal) -> completed(invocation, response));
	}

	private Mono<Void> proceed(ServerWebExchange exchange, ApiInvocation invocation, GatewayFilterChain chain,
			long contentLength) {
		String problem = PathSegments.problem(invocation.path());
		if (problem != null) {
			return Mono.error(new GatewayResponseException(GatewayResponseType.DEFAULT_4XX, problem, 400));
		}
		ResourceTree.Match<ResourceRuntime> match = invocation.stage().resources().match(invocation.path());
		MethodRuntime method = (match != null) ? match.resource().method(invocation.httpMethod()) : null;
		if (method == null) {
			return Mono.error(new GatewayResponseException(GatewayResponseType.MISSING_AUTHENTICATION_TOKEN));
		}
		invocation.matched(method, match.pathParameters());
		ServerHttpRequest request = exchange.getRequest();
		if (contentLength > 0) {
			exchange = exchange.mutate().request(new ClientBody(request, exchange.getLogPrefix(), -1)).build();
		}
		else if (contentLength < 0 && request.getHeaders().containsHeader(HttpHeaders.TRANSFER_ENCODING)) {
			exchange = exchange.mutate()
				.request(new ClientBody(request, exchange.getLogPrefix(), this.maxBodySize))
				.build();
		}
		return chain.filter(exchange);
	}

	private Mono<Void> handle(ServerWebExchange exchange, ApiInvocation invocation, Throwable error) {
		if (error instanceof RequestTooLargeException) {
			return exchange.getResponse().isCommitted() ? Mono.empty() : tooLarge(exchange.getResponse());
		}
		if (ClientBody.isClosed(exchange.getRequest())) {
			// the client left (or sent what the server refused and closed on): nobody to answer
			if (logger.isDebugEnabled()) {
				logger.debug(exchange.getLogPrefix() + "Client connection closed: " + error);
			}
			return Mono.empty();
		}
		GatewayResponseException outcome = outcome(exchange, error);
		return this.responses.write(exchange, invocation, outcome);
	}

	private static GatewayResponseException outcome(ServerWebExchange exchange, Throwable error) {
		if (error instanceof GatewayResponseException outcome) {
			return outcome;
		}
		if (error instanceof ResponseStatusException status && status.getStatusCode() == HttpStatus.GATEWAY_TIMEOUT) {
			return new GatewayResponseException(GatewayResponseType.INTEGRATION_TIMEOUT);
		}
		if (isConnectionFailure(error)) {
			logger.warn(exchange.getLogPrefix() + "Integration unreachable: " + error);
			return new GatewayResponseException(GatewayResponseType.INTEGRATION_FAILURE);
		}
		logger.error(exchange.getLogPrefix() + "Execution failed", error);
		return new GatewayResponseException(GatewayResponseType.API_CONFIGURATION_ERROR);
	}

	private static boolean isConnectionFailure(Throwable error) {
		for (Throwable cause = error; cause != null; cause = cause.getCause()) {
			if (cause instanceof ConnectException || cause instanceof UnknownHostException
					|| cause instanceof java.nio.channels.UnresolvedAddressException
					|| cause instanceof io.netty.channel.ConnectTimeoutException
					|| cause instanceof reactor.netty.http.client.PrematureCloseException
					|| cause instanceof org.springframework.cloud.gateway.support.NotFoundException) {
				return true;
			}
		}
		return false;
	}

	private Mono<Void> tooLarge(ServerHttpResponse response) {
		byte[] body = ("HTTP content length exceeded " + this.maxBodySize + " bytes.").getBytes(StandardCharsets.UTF_8);
		response.setStatusCode(HttpStatus.PAYLOAD_TOO_LARGE);
		response.getHeaders().setContentType(MediaType.TEXT_PLAIN);
		response.getHeaders().setContentLength(body.length);
		return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
	}

	/**
	 * Reads (and drops) a bounded part of a refused body before answering, so that a client
	 * that sends its whole body before reading gets the response instead of a connection
	 * reset. Bodies far beyond the limit are cut off.
	 */
	private Mono<Void> drain(ServerHttpRequest request) {
		long budget = this.maxBodySize + DRAIN_ALLOWANCE;
		AtomicLong seen = new AtomicLong();
		return request.getBody()
			.takeWhile((buffer) -> seen.addAndGet(buffer.readableByteCount()) <= budget)
			.doOnNext(org.springframework.core.io.buffer.DataBufferUtils::release)
			.onErrorResume((error) -> Mono.empty())
			.then();
	}

	private void completed(ApiInvocation invocation, ServerHttpResponse response) {
		int status = (response.getStatusCode() != null) ? response.getStatusCode().value() : 200;
		long duration = invocation.elapsedNanos();
		for (InvocationListener listener : this.listeners) {
			try {
				listener.completed(invocation, status, duration);
			}
			catch (RuntimeException ex) {
				logger.warn("Invocation listener failed", ex);
			}
		}
	}

}
