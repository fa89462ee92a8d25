package dev.apigw.resilience;

import java.util.IdentityHashMap;
import java.util.Map;

import dev.apigw.definition.Problems;
import dev.apigw.model.GatewayResponseType;
import dev.apigw.model.IntegrationType;
import dev.apigw.pipeline.FilterOrders;
import dev.apigw.pipeline.PipelinePhase;
import dev.apigw.response.GatewayResponseException;
import dev.apigw.routing.ApiInvocation;
import dev.apigw.routing.MethodRuntime;
import dev.apigw.routing.ResourceRuntime;
import dev.apigw.routing.StageRuntime;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.ServerWebExchange;

/**
 * A Resilience4j circuit breaker around every integration that calls something (all types
 * but MOCK), one per API, stage and method, named {@code <api>/<stage>/<METHOD> <resource
 * path>} (configure it as {@code resilience4j.circuitbreaker.instances."[name]"}, or all of
 * them through {@code configs.default}). Timeouts, unreachable integrations and 5xx
 * integration statuses count as failures. While a breaker is open its integration is not
 * called: the request gets the {@code INTEGRATION_FAILURE} gateway response with status
 * 503, which the API can customise like any gateway response.
 */
public final class CircuitBreakerFilter implements PipelinePhase {

	private static final Log logger = LogFactory.getLog(CircuitBreakerFilter.class);

	private final CircuitBreakerRegistry registry;

	/**
	 * Creates the filter.
	 * @param registry the circuit breakers
	 */
	public CircuitBreakerFilter(CircuitBreakerRegistry registry) {
		this.registry = registry;
	}

	@Override
	public int getOrder() {
		return FilterOrders.INTEGRATION_REQUEST + 3;
	}

	/**
	 * The name of a method's breaker.
	 * @param stage the stage
	 * @param method the method
	 * @return the name
	 */
	static String name(StageRuntime stage, MethodRuntime method) {
		return stage.api().id() + "/" + stage.stageName() + "/" + method.method().httpMethod() + " "
				+ method.resource().path();
	}

	/**
	 * Takes the breakers of the stage's methods that call something, by name from the
	 * registry, so a method keeps its breaker (and its state) across deployments.
	 */
	@Override
	public @Nullable GatewayFilter compile(StageRuntime stage, Problems problems) {
		Map<MethodRuntime, CircuitBreaker> breakers = new IdentityHashMap<>();
		for (ResourceRuntime resource : stage.resourceList()) {
			for (MethodRuntime method : resource.methods().values()) {
				if (method.definition().type() != IntegrationType.MOCK) {
					breakers.put(method, this.registry.circuitBreaker(name(stage, method)));
				}
			}
		}
		return breakers.isEmpty() ? null : new StageBreakers(breakers);
	}

	/** The breakers of one stage's methods. */
	private record StageBreakers(Map<MethodRuntime, CircuitBreaker> breakers) implements GatewayFilter {

		@Override
		public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
			ApiInvocation invocation = ApiInvocation.required(exchange);
			CircuitBreaker breaker = this.breakers.get(invocation.requiredMethod());
			if (breaker == null) {
				return chain.filter(exchange);
			}
			return guarded(exchange, chain, invocation, breaker);
		}

	}

	private static Mono<Void> guarded(ServerWebExchange exchange, GatewayFilterChain chain, ApiInvocation invocation,
			CircuitBreaker breaker) {
		if (!breaker.tryAcquirePermission()) {
			if (logger.isDebugEnabled()) {
				logger.debug(exchange.getLogPrefix() + "Circuit breaker " + breaker.getName() + " is open");
			}
			return Mono.error(new GatewayResponseException(GatewayResponseType.INTEGRATION_FAILURE,
					"Circuit breaker " + breaker.getName() + " is open", 503));
		}
		long start = breaker.getCurrentTimestamp();
		return chain.filter(exchange).doOnSuccess((done) -> {
			long duration = breaker.getCurrentTimestamp() - start;
			HttpStatusCode status = exchange.getResponse().getStatusCode();
			int integrationStatus = (invocation.integrationStatus() >= 0) ? invocation.integrationStatus()
					: (status != null) ? status.value() : 200;
			if (integrationStatus >= 500) {
				breaker.onError(duration, breaker.getTimestampUnit(),
						new IntegrationStatusException(integrationStatus));
			}
			else {
				breaker.onSuccess(duration, breaker.getTimestampUnit());
			}
		}).doOnError((error) -> {
			long duration = breaker.getCurrentTimestamp() - start;
			if (isFailure(error)) {
				breaker.onError(duration, breaker.getTimestampUnit(), error);
			}
			else {
				breaker.onSuccess(duration, breaker.getTimestampUnit());
			}
		}).doOnCancel(breaker::releasePermission);
	}

	private static boolean isFailure(Throwable error) {
		if (error instanceof GatewayResponseException response) {
			return response.getType() == GatewayResponseType.INTEGRATION_FAILURE
					|| response.getType() == GatewayResponseType.INTEGRATION_TIMEOUT;
		}
		return true;
	}

	/** A 5xx status from the integration, recorded as a failure. */
	static final class IntegrationStatusException extends RuntimeException {

		IntegrationStatusException(int status) {
			super("Integration status " + status, null, false, false);
		}

	}

}
