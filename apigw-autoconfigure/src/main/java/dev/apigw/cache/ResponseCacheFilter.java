package dev.apigw.cache;

import java.util.List;
import java.util.Map;

import dev.apigw.definition.Problems;
import dev.apigw.model.GatewayResponseType;
import dev.apigw.pipeline.FilterOrders;
import dev.apigw.pipeline.PipelinePhase;
import dev.apigw.response.GatewayResponseException;
import dev.apigw.response.ResponseHeaders;
import dev.apigw.routing.ApiInvocation;
import dev.apigw.routing.StageRuntime;
import dev.apigw.store.CachedResponse;
import dev.apigw.store.ResponseCacheStore;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;

/**
 * The stage cache lookup, after the method request phases (so throttling, keys and
 * authorization apply to cached responses too) and before the integration request: a hit
 * is written to the client and the integration is skipped; a miss goes on to the
 * integration, whose response {@link CacheStoreFilter} stores under the key the lookup
 * chose ({@link dev.apigw.routing.Handoffs#cacheKey()}). {@code Cache-Control: max-age=0} from a caller
 * allowed to invalidate (see {@link CacheInvalidationPolicy}) skips the lookup and replaces
 * the entry. The cache policies of a stage's methods are compiled once per deployed stage.
 */
public final class ResponseCacheFilter implements PipelinePhase {

	/** The warning an ignored invalidation request gets (AWS's wording is not documented). */
	public static final String WARNING = "199 apigw \"Cache-Control max-age=0 ignored: the caller is not authorized "
			+ "to invalidate cache entries\"";

	private static final Log logger = LogFactory.getLog(ResponseCacheFilter.class);

	private final ResponseCacheStore store;

	private final CacheInvalidationPolicy invalidation;

	private final CacheMetrics metrics;

	/**
	 * Creates the filter.
	 * @param store where responses are cached
	 * @param invalidation who may invalidate entries
	 * @param metrics counts lookups
	 */
	public ResponseCacheFilter(ResponseCacheStore store, CacheInvalidationPolicy invalidation,
			CacheMetrics metrics) {
		this.store = store;
		this.invalidation = invalidation;
		this.metrics = metrics;
	}

	@Override
	public int getOrder() {
		return FilterOrders.CACHE;
	}

	/**
	 * Compiles the cache policies of the stage's methods; a stage without a cache, or whose
	 * methods are not cached, does not run the phase.
	 */
	@Override
	public @Nullable GatewayFilter compile(StageRuntime stage, Problems problems) {
		CachePolicies policies = CachePolicies.compile(stage, this.metrics);
		return policies.isEmpty() ? null : new StageLookup(policies);
	}

	private Mono<Void> lookUp(ServerWebExchange exchange, GatewayFilterChain chain, ApiInvocation invocation,
			CachePolicy policy, String key) {
		if (invalidates(exchange.getRequest().getHeaders())) {
			if (!policy.requireAuthorization() || this.invalidation.mayInvalidate(invocation)) {
				policy.misses().run();
				invocation.handoffs().cacheEntry(key, policy.ttl());
				return chain.filter(exchange);
			}
			switch (policy.strategy()) {
				case FAIL_WITH_403 -> {
					// AWS answers the authorization failure as any other ACCESS_DENIED
					return Mono.error(new GatewayResponseException(GatewayResponseType.ACCESS_DENIED));
				}
				case SUCCEED_WITH_RESPONSE_HEADER -> {
					ServerHttpResponse response = exchange.getResponse();
					response.beforeCommit(() -> {
						response.getHeaders().set(HttpHeaders.WARNING, WARNING);
						return Mono.empty();
					});
				}
				case SUCCEED_WITHOUT_RESPONSE_HEADER -> {
				}
			}
		}
		return this.store.get(policy.stage(), key)
			.onErrorResume((error) -> {
				logger.debug("Cache lookup failed; answering from the integration", error);
				return Mono.empty();
			})
			.map((response) -> Mono.defer(() -> {
				policy.hits().run();
				return write(exchange, invocation, response);
			}))
			.defaultIfEmpty(Mono.defer(() -> {
				policy.misses().run();
				invocation.handoffs().cacheEntry(key, policy.ttl());
				return chain.filter(exchange);
			}))
			.flatMap((next) -> next);
	}

	private static boolean invalidates(HttpHeaders headers) {
		List<String> values = headers.get(HttpHeaders.CACHE_CONTROL);
		if (values == null) {
			return false;
		}
		for (String value : values) {
			for (String directive : value.split(",")) {
				if (directive.trim().replace(" ", "").equalsIgnoreCase("max-age=0")) {
					return true;
				}
			}
		}
		return false;
	}

	private static Mono<Void> write(ServerWebExchange exchange, ApiInvocation invocation, CachedResponse cached) {
		// below the integration response phase's decorator: a hit is not an integration response
		ServerHttpResponse response = CacheStoreFilter.clientResponse(exchange);
		HttpHeaders headers = response.getHeaders();
		for (Map.Entry<String, String> header : cached.headers()) {
			headers.add(header.getKey(), header.getValue());
		}
		if (headers.containsHeader(CacheStoreFilter.TRACE_ID)) {
			headers.set(CacheStoreFilter.TRACE_ID, invocation.traceId());
		}
		ResponseHeaders.addRequestIds(headers, invocation);
		headers.setContentLength(cached.body().length);
		response.setStatusCode(HttpStatusCode.valueOf(cached.status()));
		return response.writeWith(Mono.just(response.bufferFactory().wrap(cached.body())));
	}

	/**
	 * The cache lookup of one deployed stage: its methods' cache policies.
	 */
	private final class StageLookup implements GatewayFilter {

		private final CachePolicies policies;

		StageLookup(CachePolicies policies) {
			this.policies = policies;
		}

		@Override
		public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
			ApiInvocation invocation = ApiInvocation.required(exchange);
			CachePolicy policy = this.policies.policy(invocation.requiredMethod(), invocation.httpMethod());
			String key = (policy != null) ? policy.key(invocation, exchange.getRequest()) : null;
			return (key != null) ? lookUp(exchange, chain, invocation, policy, key) : chain.filter(exchange);
		}

	}

}
