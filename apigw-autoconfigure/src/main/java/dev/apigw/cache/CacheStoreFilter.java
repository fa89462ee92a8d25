package dev.apigw.cache;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.apigw.definition.Problems;
import dev.apigw.pipeline.FilterOrders;
import dev.apigw.pipeline.PipelinePhase;
import dev.apigw.response.ResponseHeaders;
import dev.apigw.routing.ApiInvocation;
import dev.apigw.routing.StageRuntime;
import dev.apigw.store.CachedResponse;
import dev.apigw.store.ResponseCacheStore;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.server.ServerWebExchange;

/**
 * Stores the integration's response of a cache miss: wraps the response every integration
 * type writes to (outside their writers, see {@link FilterOrders#CACHE_STORE}) and, when
 * the lookup chose an entry for it ({@link dev.apigw.routing.Handoffs#cacheKey()}), keeps a copy of a
 * successful (2xx) response of at most the largest cacheable size. A response the integration marks {@code Cache-Control:
 * private}, {@code no-store} or {@code no-cache}, or that sets a cookie, is not stored. A
 * response with a known length is stored before it is written, so the next request finds
 * it. Gateway responses (errors) never reach this filter's response and are never cached.
 */
public final class CacheStoreFilter implements PipelinePhase {

	/**
	 * The exchange attribute holding the client's response, below this phase's wrapper and
	 * the integration response phase's: where the lookup writes a hit. Only the two cache
	 * phases read it.
	 */
	private static final String CLIENT_RESPONSE = CacheStoreFilter.class.getName() + ".response";

	static final String TRACE_ID = "X-Amzn-Trace-Id";

	private static final Log logger = LogFactory.getLog(CacheStoreFilter.class);

	private static final Set<String> NOT_STORED = Set.of("content-length", "transfer-encoding", "connection",
			"keep-alive", ResponseHeaders.REQUEST_ID.toLowerCase(Locale.ROOT),
			ResponseHeaders.APIGW_ID.toLowerCase(Locale.ROOT));

	private final ResponseCacheStore store;

	private final long maxResponseSize;

	/**
	 * Creates the filter.
	 * @param store where responses are cached
	 * @param maxResponseSize the largest body cached, in bytes
	 */
	public CacheStoreFilter(ResponseCacheStore store, long maxResponseSize) {
		this.store = store;
		this.maxResponseSize = maxResponseSize;
	}

	@Override
	public int getOrder() {
		return FilterOrders.CACHE_STORE;
	}

	/**
	 * A stage whose methods are not cached does not run the phase.
	 */
	@Override
	public @Nullable GatewayFilter compile(StageRuntime stage, Problems problems) {
		if (!CachePolicies.cachesAny(stage)) {
			return null;
		}
		return new StageStore(stage.api().id() + "/" + stage.stageName(), stage.stage().cacheCluster().sizeBytes());
	}

	/**
	 * The response a cache hit is written to: the client's, below the phases that decorate
	 * the response for integrations.
	 * @param exchange the exchange
	 * @return the response
	 */
	static ServerHttpResponse clientResponse(ServerWebExchange exchange) {
		ServerHttpResponse response = exchange.getAttribute(CLIENT_RESPONSE);
		return (response != null) ? response : exchange.getResponse();
	}

	/**
	 * The cache store of one deployed stage: its cache's name and capacity.
	 */
	private final class StageStore implements GatewayFilter {

		private final String cache;

		private final long capacityBytes;

		StageStore(String cache, long capacityBytes) {
			this.cache = cache;
			this.capacityBytes = capacityBytes;
		}

		@Override
		public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
			ApiInvocation invocation = ApiInvocation.required(exchange);
			ServerHttpResponse client = exchange.getResponse();
			exchange.getAttributes().put(CLIENT_RESPONSE, client);
			return chain.filter(exchange.mutate().response(new Storing(client, invocation, this)).build());
		}

	}

	private final class Storing extends ServerHttpResponseDecorator {

		private final ApiInvocation invocation;

		private final StageStore stage;

		private boolean stored;

		Storing(ServerHttpResponse delegate, ApiInvocation invocation, StageStore stage) {
			super(delegate);
			this.invocation = invocation;
			this.stage = stage;
		}

		@Override
		public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
			String key = this.invocation.handoffs().cacheKey();
			Duration ttl = this.invocation.handoffs().cacheTtl();
			if (key == null || ttl == null || this.stored || !storable()) {
				return super.writeWith(body);
			}
			// one entry per request, even if the response were written twice
			this.stored = true;
			long max = CacheStoreFilter.this.maxResponseSize;
			long length = getHeaders().getContentLength();
			if (length > max) {
				return super.writeWith(body);
			}
			if (length >= 0) {
				return DataBufferUtils.join(Flux.from(body)).map(CacheStoreFilter::bytes).defaultIfEmpty(new byte[0])
					.flatMap((bytes) -> store(key, ttl, bytes)
						.then(super.writeWith(Mono.just(bufferFactory().wrap(bytes)))));
			}
			ByteArrayOutputStream copy = new ByteArrayOutputStream();
			AtomicBoolean tooLarge = new AtomicBoolean();
			Flux<DataBuffer> teed = Flux.<DataBuffer>from(body).doOnNext((buffer) -> {
				int readable = buffer.readableByteCount();
				if (tooLarge.get() || copy.size() + readable > max) {
					tooLarge.set(true);
					return;
				}
				byte[] bytes = new byte[readable];
				buffer.toByteBuffer(buffer.readPosition(), ByteBuffer.wrap(bytes), 0, readable);
				copy.write(bytes, 0, readable);
			});
			return super.writeWith(teed)
				.then(Mono.defer(() -> tooLarge.get() ? Mono.empty() : store(key, ttl, copy.toByteArray())));
		}

		@Override
		public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
			// streamed responses (server-sent events and the like) are not cached
			return super.writeAndFlushWith(body);
		}

		private boolean storable() {
			HttpStatusCode status = getStatusCode();
			if (status != null && !status.is2xxSuccessful()) {
				return false;
			}
			HttpHeaders headers = getHeaders();
			if (headers.containsHeader(HttpHeaders.SET_COOKIE)) {
				return false;
			}
			for (String value : headers.getValuesAsList(HttpHeaders.CACHE_CONTROL)) {
				String directive = value.trim().toLowerCase(Locale.ROOT);
				if (directive.startsWith("private") || directive.equals("no-store") || directive.startsWith("no-cache")) {
					return false;
				}
			}
			return true;
		}

		private Mono<Void> store(String key, Duration ttl, byte[] body) {
			HttpStatusCode status = getStatusCode();
			List<Map.Entry<String, String>> headers = new ArrayList<>();
			getHeaders().forEach((name, values) -> {
				if (!NOT_STORED.contains(name.toLowerCase(Locale.ROOT))) {
					values.forEach((value) -> headers.add(Map.entry(name, value)));
				}
			});
			CachedResponse response = new CachedResponse((status != null) ? status.value() : 200, headers, body);
			return CacheStoreFilter.this.store
				.put(this.stage.cache, key, response, ttl, this.stage.capacityBytes)
				.onErrorResume((error) -> {
					logger.debug("Could not store a response in the stage cache", error);
					return Mono.empty();
				});
		}

	}

	private static byte[] bytes(DataBuffer buffer) {
		byte[] bytes = new byte[buffer.readableByteCount()];
		buffer.read(bytes);
		DataBufferUtils.release(buffer);
		return bytes;
	}

}
