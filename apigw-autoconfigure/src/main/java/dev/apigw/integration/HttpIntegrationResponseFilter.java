package dev.apigw.integration;

import dev.apigw.definition.Problems;
import dev.apigw.model.IntegrationType;
import dev.apigw.pipeline.FilterOrders;
import dev.apigw.pipeline.PipelinePhase;
import dev.apigw.routing.ApiInvocation;
import dev.apigw.routing.StageRuntime;
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
 * The integration response of non-proxy HTTP integrations: the gateway writes the backend's
 * response into a decorator that collects it and hands it to the integration response
 * phase instead of the client.
 */
public final class HttpIntegrationResponseFilter implements PipelinePhase, GatewayFilter {

	private final IntegrationResponder responder;

	/**
	 * Creates the filter.
	 * @param responder the integration response phase
	 */
	public HttpIntegrationResponseFilter(IntegrationResponder responder) {
		this.responder = responder;
	}

	@Override
	public int getOrder() {
		return FilterOrders.INTEGRATION_RESPONSE;
	}

	@Override
	public @Nullable GatewayFilter compile(StageRuntime stage, Problems problems) {
		return (PipelinePhase.anyIntegration(stage.api(), IntegrationType.HTTP)) ? this : null;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		ApiInvocation invocation = ApiInvocation.of(exchange);
		if (invocation == null || invocation.method() == null
				|| invocation.requiredMethod().definition().type() != IntegrationType.HTTP) {
			return chain.filter(exchange);
		}
		ServerHttpResponse original = exchange.getResponse();
		long start = System.nanoTime();
		ServerHttpResponseDecorator collecting = new ServerHttpResponseDecorator(original) {

			@Override
			public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
				return DataBufferUtils.join(Flux.from(body)).map((buffer) -> {
					byte[] bytes = new byte[buffer.readableByteCount()];
					buffer.read(bytes);
					DataBufferUtils.release(buffer);
					return bytes;
				}).defaultIfEmpty(new byte[0]).flatMap((bytes) -> {
					invocation.integrationLatency((System.nanoTime() - start) / 1_000_000);
					HttpStatusCode status = original.getStatusCode();
					HttpHeaders headers = new HttpHeaders();
					headers.addAll(original.getHeaders());
					IntegrationResult result = new IntegrationResult((status != null) ? status.value() : 200, headers,
							bytes, null);
					return HttpIntegrationResponseFilter.this.responder.respond(exchange, original, invocation, result);
				});
			}

			@Override
			public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
				return writeWith(Flux.from(body).flatMapSequential((part) -> part));
			}

		};
		return chain.filter(exchange.mutate().response(collecting).build());
	}

}
