package dev.apigw.observe;

import dev.apigw.definition.Problems;
import dev.apigw.model.IntegrationType;
import dev.apigw.pipeline.FilterOrders;
import dev.apigw.pipeline.PipelinePhase;
import dev.apigw.routing.ApiInvocation;
import dev.apigw.routing.StageRuntime;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.ServerWebExchange;

/**
 * Records the integration latency and status of {@code HTTP_PROXY} integrations (the other
 * integration types record their own): the time from relaying the request to the backend
 * until the backend's response arrived, as CloudWatch's IntegrationLatency measures it.
 */
public final class ProxyIntegrationTimingFilter implements PipelinePhase, GatewayFilter {

	@Override
	public int getOrder() {
		return FilterOrders.INTEGRATION_REQUEST + 2;
	}

	@Override
	public @Nullable GatewayFilter compile(StageRuntime stage, Problems problems) {
		return (PipelinePhase.anyIntegration(stage.api(), IntegrationType.HTTP_PROXY)) ? this : null;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		ApiInvocation invocation = ApiInvocation.of(exchange);
		if (invocation == null || invocation.method() == null
				|| invocation.requiredMethod().definition().type() != IntegrationType.HTTP_PROXY) {
			return chain.filter(exchange);
		}
		long start = System.nanoTime();
		return chain.filter(exchange).doOnSuccess((done) -> {
			invocation.integrationLatency((System.nanoTime() - start) / 1_000_000);
			HttpStatusCode status = exchange.getResponse().getStatusCode();
			if (status != null) {
				invocation.integrationStatus(status.value());
			}
		});
	}

}
