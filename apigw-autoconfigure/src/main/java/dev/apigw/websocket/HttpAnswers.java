package dev.apigw.websocket;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import dev.apigw.model.GatewayResponseType;
import dev.apigw.response.GatewayResponseException;
import dev.apigw.routing.JsonStrings;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;

/**
 * The plain HTTP answers of WebSocket mounts: refused handshakes and the
 * {@code @connections} API's responses, with AWS's {@code x-amzn-ErrorType}.
 */
final class HttpAnswers {

	private HttpAnswers() {
	}

	static Mono<Void> write(ServerWebExchange exchange, int status, @Nullable String errorType, byte @Nullable [] body,
			Map<String, String> headers) {
		ServerHttpResponse response = exchange.getResponse();
		response.setStatusCode(HttpStatusCode.valueOf(status));
		HttpHeaders target = response.getHeaders();
		headers.forEach(target::set);
		target.set("x-amzn-RequestId", WebSocketIds.next());
		if (errorType != null) {
			target.set("x-amzn-ErrorType", errorType);
		}
		byte[] bytes = (body != null) ? body : new byte[0];
		if (bytes.length > 0 && !target.containsHeader(HttpHeaders.CONTENT_TYPE)) {
			target.set(HttpHeaders.CONTENT_TYPE, "application/json");
		}
		target.setContentLength(bytes.length);
		return response.writeWith(Mono.just(response.bufferFactory().wrap(bytes)));
	}

	static Mono<Void> json(ServerWebExchange exchange, int status, @Nullable String errorType, String json) {
		return write(exchange, status, errorType, json.getBytes(StandardCharsets.UTF_8), Map.of());
	}

	/**
	 * A gateway response with the type's default status and body.
	 */
	static Mono<Void> gatewayResponse(ServerWebExchange exchange, GatewayResponseException error) {
		GatewayResponseType type = error.getType();
		Integer status = (error.getStatus() != null) ? error.getStatus() : type.defaultStatus();
		String body = (type.defaultBody() != null && (error.getMessage() == null
				|| error.getMessage().equals(type.defaultMessage()))) ? type.defaultBody()
						: "{\"" + ((type == GatewayResponseType.ACCESS_DENIED) ? "Message" : "message") + "\":"
								+ ((error.getMessage() != null) ? JsonStrings.quote(error.getMessage()) : "null") + "}";
		return json(exchange, (status != null) ? status : 500, type.errorType(), body);
	}

}
