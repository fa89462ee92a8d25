package dev.apigw.throttle;

import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

import dev.apigw.model.GatewayResponseType;
import dev.apigw.pipeline.FilterOrders;
import dev.apigw.pipeline.PipelineFilter;
import dev.apigw.response.GatewayResponseException;
import dev.apigw.routing.ApiInvocation;
import dev.apigw.store.RateLimitStore;
import dev.apigw.store.StoreUnavailableException;
import dev.apigw.throttle.RequestLimits.Limits;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;

/**
 * The throttling phase: one atomic admission per request over every limit that applies
 * (usage plan throttle or per-method throttle, stage method throttle, account throttle,
 * quota). A request passes only when every limit admits it; the first limit that refuses
 * decides the answer (429 {@code THROTTLED} or 429 {@code QUOTA_EXCEEDED}), and a refused
 * request consumes nothing, so a throttled request never uses up quota. A store that is
 * unavailable under the fail-closed policy gives 503.
 */
public final class ThrottleFilter implements PipelineFilter {

	private final RateLimitStore store;

	private final Supplier<UsagePlans> plans;

	private final Clock clock;

	private final boolean headers;

	private final List<ThrottleListener> listeners;

	/**
	 * Creates the phase.
	 * @param store where buckets and counters live
	 * @param plans the usage plans and the account throttle (looked up on first use)
	 * @param clock the gateway's clock
	 * @param headers whether to send rate-limit headers
	 * @param listeners told about decisions
	 */
	public ThrottleFilter(RateLimitStore store, Supplier<UsagePlans> plans, Clock clock, boolean headers,
			List<ThrottleListener> listeners) {
		this.store = store;
		this.plans = plans;
		this.clock = clock;
		this.headers = headers;
		this.listeners = List.copyOf(listeners);
	}

	@Override
	public int getOrder() {
		return FilterOrders.THROTTLING;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		ApiInvocation invocation = ApiInvocation.of(exchange);
		if (invocation == null) {
			return chain.filter(exchange);
		}
		UsagePlans.Match match = exchange.getAttribute(UsagePlans.MATCH_ATTRIBUTE);
		Limits limits = RequestLimits.of(invocation, match, this.plans.get().account(), this.clock.millis());
		return this.store.admit(limits.request())
			.onErrorMap(StoreUnavailableException.class,
					(ex) -> new GatewayResponseException(GatewayResponseType.DEFAULT_5XX, "Service Unavailable", 503))
			.flatMap((admission) -> {
				if (this.headers) {
					ServerHttpResponse response = exchange.getResponse();
					response.beforeCommit(() -> {
						RateLimitHeaders.add(response.getHeaders(), limits.request(), admission);
						return Mono.empty();
					});
				}
				return switch (admission.outcome()) {
					case ADMITTED -> {
						if (match != null) {
							this.listeners.forEach((listener) -> listener.used(limits.plan()));
						}
						yield chain.filter(exchange);
					}
					case THROTTLED -> {
						String level = limits.levels().get(admission.refusedBy());
						this.listeners.forEach((listener) -> listener.throttled(limits.plan(), level));
						yield Mono.error(new GatewayResponseException(GatewayResponseType.THROTTLED));
					}
					case QUOTA_EXCEEDED -> {
						this.listeners.forEach((listener) -> listener.quotaExceeded(limits.plan()));
						yield Mono.error(new GatewayResponseException(GatewayResponseType.QUOTA_EXCEEDED));
					}
				};
			});
	}

}
