package dev.apigw.observe;

import dev.apigw.model.Api;
import dev.apigw.model.Stage;
import dev.apigw.pipeline.FilterOrders;
import dev.apigw.pipeline.PipelineFilter;
import dev.apigw.routing.ApiInvocation;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

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
public final class ObservationFilter implements PipelineFilter {

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
	public boolean appliesTo(Api api, Stage stage) {
		return !this.registry.isNoop() && stage.tracingEnabled();
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
