package dev.apigw.validation;

import java.util.List;

import dev.apigw.definition.ApiDefinitionValidator;
import dev.apigw.definition.InvalidApiDefinitionException.Problem;
import dev.apigw.model.Api;
import dev.apigw.model.GatewayResponseType;
import dev.apigw.model.Stage;
import dev.apigw.pipeline.FilterOrders;
import dev.apigw.pipeline.PipelineFilter;
import dev.apigw.response.GatewayResponseException;
import dev.apigw.routing.ApiInvocation;
import dev.apigw.routing.MethodRuntime;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

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
 * otherwise. The models of a deployment are compiled once, at start-up (as its
 * {@link ApiDefinitionValidator} checks them) or on the deployment's first request.
 */
public final class RequestValidationFilter implements PipelineFilter, ApiDefinitionValidator {

	private static final String MISSING_PARAMETERS = "Missing required request parameters: ";

	private static final String INVALID_BODY = "Invalid request body";

	private final IdentityCache<Api, ApiValidation> validations = new IdentityCache<>(ApiValidation::compile);

	@Override
	public int getOrder() {
		return FilterOrders.REQUEST_VALIDATION;
	}

	@Override
	public boolean appliesTo(Api api, Stage stage) {
		return this.validations.get(api).validatesAny();
	}

	/**
	 * Compiles an API's models and request validation, reporting models that are not valid
	 * JSON schemas and methods naming unknown models; run at start-up on every API.
	 * @param api the API
	 * @return the problems found
	 */
	@Override
	public List<Problem> validate(Api api) {
		ApiValidation validation = ApiValidation.compile(api);
		if (validation.problems().isEmpty()) {
			this.validations.put(api, validation);
		}
		return validation.problems();
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		ApiInvocation invocation = ApiInvocation.of(exchange);
		if (invocation == null) {
			return chain.filter(exchange);
		}
		MethodRuntime method = invocation.requiredMethod();
		MethodValidation validation = this.validations.get(invocation.stage().api()).method(method.method());
		if (validation == null) {
			return chain.filter(exchange);
		}
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
