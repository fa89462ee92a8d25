package dev.apigw.throttle;

import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

import dev.apigw.definition.Problems;
import dev.apigw.model.GatewayResponseType;
import dev.apigw.model.UsagePlanMatch;
import dev.apigw.pipeline.FilterOrders;
import dev.apigw.pipeline.PipelinePhase;
import dev.apigw.response.GatewayResponseException;
import dev.apigw.routing.ApiInvocation;
import dev.apigw.routing.StageRuntime;
import dev.apigw.store.AdmissionRequest.Bucket;
import dev.apigw.store.RateLimitStore;
import dev.apigw.store.StoreUnavailableException;
import dev.apigw.throttle.RequestLimits.Limits;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;

/**
 * The throttling phase: one atomic admission per request over every limit that applies
 * (usage plan throttle or per-method throttle, stage method throttle, account throttle,
 * quota). A request passes only when every limit admits it; the first limit that refuses
 * decides the answer (429 {@code THROTTLED} or 429 {@code QUOTA_EXCEEDED}), and a refused
 * request consumes nothing, so a throttled request never uses up quota. A store that is
 * unavailable under the fail-closed policy gives 503. The stage's method throttles are
 * resolved once per deployed stage; the usage plan comes from the API key phase
 * ({@link dev.apigw.routing.Handoffs#usagePlanMatch()}).
 */
public final class ThrottleFilter implements PipelinePhase {

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

	/**
	 * Resolves the stage's method throttles; every stage is throttled (at least by the
	 * account throttle).
	 */
	@Override
	public GatewayFilter compile(StageRuntime stage, Problems problems) {
		return new StageThrottle(StageBuckets.compile(stage));
	}

	private Mono<Void> admit(ServerWebExchange exchange, GatewayFilterChain chain, ApiInvocation invocation,
			@Nullable Bucket stageBucket) {
		UsagePlanMatch match = invocation.handoffs().usagePlanMatch();
		Limits limits = RequestLimits.of(invocation, match, stageBucket, this.plans.get().account(),
				this.clock.millis());
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

	/**
	 * The throttling of one deployed stage: its method throttles, resolved for each method.
	 */
	private final class StageThrottle implements GatewayFilter {

		private final StageBuckets buckets;

		StageThrottle(StageBuckets buckets) {
			this.buckets = buckets;
		}

		@Override
		public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
			ApiInvocation invocation = ApiInvocation.required(exchange);
			return admit(exchange, chain, invocation,
					this.buckets.bucket(invocation.requiredMethod(), invocation.httpMethod()));
		}

		@Override
		public String toString() {
			return "StageThrottle[" + this.buckets + "]";
		}

	}

}
