package dev.apigw.observe;

import dev.apigw.definition.Problems;
import dev.apigw.pipeline.FilterOrders;
import dev.apigw.pipeline.PipelinePhase;
import dev.apigw.routing.ApiInvocation;
import dev.apigw.routing.StageRuntime;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.server.ServerWebExchange;

/**
 * Observes the phases of requests of stages with tracing enabled (see
 * {@link PhaseObservations}): starts the method request phase, ends the integration phase
 * and starts the method response when the response is written, and ends what still runs
 * when the request completes.
 */
public final class ObservationFilter implements PipelinePhase, GatewayFilter {

	private final ObservationRegistry registry;

	/**
	 * Creates the filter.
	 * @param registry the observation registry
	 */
	public ObservationFilter(ObservationRegistry registry) {
		this.registry = registry;
	}

	@Override
	public int getOrder() {
		return FilterOrders.OBSERVATION;
	}

	@Override
	public @Nullable GatewayFilter compile(StageRuntime stage, Problems problems) {
		return (!this.registry.isNoop() && stage.stage().tracingEnabled()) ? this : null;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		ApiInvocation invocation = ApiInvocation.of(exchange);
		if (invocation == null || this.registry.isNoop() || !invocation.stage().stage().tracingEnabled()) {
			return chain.filter(exchange);
		}
		return Mono.deferContextual((context) -> {
			Observation parent = context.getOrDefault(ObservationThreadLocalAccessor.KEY, null);
			PhaseObservations phases = new PhaseObservations(this.registry, parent, invocation);
			phases.startMethodRequest();
			exchange.getAttributes().put(PhaseObservations.ATTRIBUTE, phases);
			ServerHttpResponse response = new ServerHttpResponseDecorator(exchange.getResponse()) {

				@Override
				public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
					phases.startMethodResponse();
					return super.writeWith(body);
				}

				@Override
				public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
					phases.startMethodResponse();
					return super.writeAndFlushWith(body);
				}

				@Override
				public Mono<Void> setComplete() {
					phases.startMethodResponse();
					return super.setComplete();
				}

			};
			return chain.filter(exchange.mutate().response(response).build())
				.doOnError(phases::stop)
				.doFinally((signal) -> phases.stop(null));
		});
	}

}
