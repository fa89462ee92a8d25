package dev.apigw.validation;

import java.util.List;

import dev.apigw.definition.Problems;
import dev.apigw.model.GatewayResponseType;
import dev.apigw.pipeline.FilterOrders;
import dev.apigw.pipeline.PipelinePhase;
import dev.apigw.response.GatewayResponseException;
import dev.apigw.routing.ApiInvocation;
import dev.apigw.routing.StageRuntime;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;

/**
 * The request validation phase: checks the required request parameters and then the body
 * against the method's model, as the method's request validator (or the API's default one)
 * asks, and ends the request with {@code BAD_REQUEST_PARAMETERS} or {@code BAD_REQUEST_BODY}
 * otherwise. The models and validators are compiled once per deployed stage, with the
 * deployment (at start-up or at run time), and a model that does not compile, or a method
 * naming an unknown model, is a problem of the deployment.
 */
public final class RequestValidationFilter implements PipelinePhase {

	private static final String MISSING_PARAMETERS = "Missing required request parameters: ";

	private static final String INVALID_BODY = "Invalid request body";

	@Override
	public int getOrder() {
		return FilterOrders.REQUEST_VALIDATION;
	}

	/**
	 * Compiles the API's models and the validation of the stage's methods, reporting models
	 * that are not valid JSON schemas and methods naming unknown models.
	 */
	@Override
	public @Nullable GatewayFilter compile(StageRuntime stage, Problems problems) {
		StageValidation validation = StageValidation.compile(stage, problems);
		return validation.validatesAny() ? new StageValidator(validation) : null;
	}

	/**
	 * The request validation of one deployed stage.
	 */
	private record StageValidator(StageValidation validation) implements GatewayFilter {

		@Override
		public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
			ApiInvocation invocation = ApiInvocation.required(exchange);
			MethodValidation method = this.validation.method(invocation.requiredMethod());
			return (method != null) ? validate(exchange, chain, invocation, method) : chain.filter(exchange);
		}

	}

	private static Mono<Void> validate(ServerWebExchange exchange, GatewayFilterChain chain, ApiInvocation invocation,
			MethodValidation validation) {
		ServerHttpRequest request = exchange.getRequest();
		RequiredParameters parameters = validation.parameters();
		if (parameters != null) {
			List<String> missing = parameters.missing(request.getHeaders(), request.getQueryParams(),
					invocation.pathParameters());
			if (!missing.isEmpty()) {
				String message = MISSING_PARAMETERS + missing.toString();
				invocation.validationErrorString(message);
				return Mono.error(new GatewayResponseException(GatewayResponseType.BAD_REQUEST_PARAMETERS, message));
			}
		}
		BodyModels body = validation.body();
		if (body == null) {
			return chain.filter(exchange);
		}
		String contentType = request.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE);
		return DataBufferUtils.join(request.getBody()).map(BodyBytes::read).defaultIfEmpty(BodyBytes.EMPTY)
			.flatMap((bytes) -> {
				String errors = body.validate(contentType, bytes);
				if (errors != null) {
					invocation.validationErrorString(errors);
					return Mono.error(new GatewayResponseException(GatewayResponseType.BAD_REQUEST_BODY, INVALID_BODY));
				}
				DataBufferFactory buffers = exchange.getResponse().bufferFactory();
				return chain.filter(exchange.mutate().request(replaying(request, bytes, buffers)).build());
			});
	}

	/**
	 * The request with the body that was read for validation, for the phases after this one.
	 */
	private static ServerHttpRequest replaying(ServerHttpRequest request, byte[] bytes, DataBufferFactory buffers) {
		return new ServerHttpRequestDecorator(request) {

			@Override
			public Flux<DataBuffer> getBody() {
				return (bytes.length == 0) ? Flux.empty() : Flux.defer(() -> Flux.just(buffers.wrap(bytes)));
			}

		};
	}

	private static final class BodyBytes {

		static final byte[] EMPTY = new byte[0];

		static byte[] read(DataBuffer buffer) {
			byte[] bytes = new byte[buffer.readableByteCount()];
			buffer.read(bytes);
			DataBufferUtils.release(buffer);
			return bytes;
		}

	}

}
