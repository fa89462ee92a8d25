package dev.apigw.observe;

import java.net.URI;
import java.util.List;

import dev.apigw.definition.Problems;
import dev.apigw.pipeline.FilterOrders;
import dev.apigw.pipeline.PipelinePhase;
import dev.apigw.routing.ApiInvocation;
import dev.apigw.routing.StageRuntime;
import io.micrometer.observation.Observation;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.web.server.ServerWebExchange;

/**
 * Starts the integration phase of an observed request, just before the integration
 * request: the integration observation's trace context goes into
 * {@link ApiInvocation#traceHeaders()} (Lambda proxy events carry them) and onto the
 * request to HTTP backends, and it is the parent of Spring Cloud Gateway's own HTTP
 * client observation.
 */
public final class IntegrationObservationFilter implements PipelinePhase, GatewayFilter {

	@Override
	public int getOrder() {
		return FilterOrders.INTEGRATION_REQUEST - 1;
	}

	@Override
	public @Nullable GatewayFilter compile(StageRuntime stage, Problems problems) {
		return stage.stage().tracingEnabled() ? this : null;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		PhaseObservations phases = exchange.getAttribute(PhaseObservations.ATTRIBUTE);
		ApiInvocation invocation = ApiInvocation.of(exchange);
		if (phases == null || invocation == null) {
			return chain.filter(exchange);
		}
		Observation integration = phases.startIntegration();
		exchange.getAttributes()
			.put(ServerWebExchangeUtils.GATEWAY_REACTOR_CONTEXT_ATTR,
					Context.of(ObservationThreadLocalAccessor.KEY, integration));
		return chain.filter(exchange)
			.contextWrite((context) -> context.put(ObservationThreadLocalAccessor.KEY, integration));
	}

	/**
	 * Puts the trace headers on requests to HTTP backends, after the integration request
	 * phase has built them.
	 */
	public static final class TraceHeaders implements PipelinePhase, GatewayFilter {

		@Override
		public int getOrder() {
			return FilterOrders.INTEGRATION_REQUEST + 1;
		}

		@Override
		public @Nullable GatewayFilter compile(StageRuntime stage, Problems problems) {
			return stage.stage().tracingEnabled() ? this : null;
		}

		@Override
		public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
			ApiInvocation invocation = ApiInvocation.of(exchange);
			URI url = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR);
			if (invocation == null || invocation.traceHeaders().isEmpty() || url == null
					|| !List.of("http", "https", "lb").contains(url.getScheme())) {
				return chain.filter(exchange);
			}
			return chain.filter(exchange.mutate()
				.request((request) -> request.headers((headers) -> invocation.traceHeaders().forEach(headers::set)))
				.build());
		}

	}

}
