package dev.apigw.websocket;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import dev.apigw.response.GatewayResponseException;
import dev.apigw.routing.JsonStrings;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpMethod;
import org.springframework.web.server.ServerWebExchange;

/**
 * {@code /{api}/{stage}/@connections/{connectionId}} over HTTP, as the AWS SDKs'
 * {@code ApiGatewayManagementApi} client calls it: {@code POST} sends the body (200, empty),
 * {@code GET} answers {@code {"connectedAt","identity":{"sourceIp","userAgent"},"lastActiveAt"}},
 * {@code DELETE} closes (204); an unknown or closed connection is 410
 * {@code GoneException}, a body over the message limit 413 {@code PayloadTooLargeException}.
 */
final class ConnectionsEndpoint {

	private static final String NO_MESSAGE = "{\"message\":null}";

	private final WebSocketConnections connections;

	private final @Nullable ConnectionsAccessCheck accessCheck;

	ConnectionsEndpoint(WebSocketConnections connections, @Nullable ConnectionsAccessCheck accessCheck) {
		this.connections = connections;
		this.accessCheck = accessCheck;
	}

	Mono<Void> handle(ServerWebExchange exchange, WebSocketStage stage, String connectionId) {
		HttpMethod method = exchange.getRequest().getMethod();
		Mono<Void> answer = body(exchange).flatMap((body) -> {
			Mono<Void> allowed = (this.accessCheck != null)
					? this.accessCheck.check(exchange, body, stage.apiId(), stage.stageName(), connectionId)
					: Mono.empty();
			return allowed.then(Mono.defer(() -> dispatch(exchange, method, connectionId, body)));
		});
		return answer
			.onErrorResume(WebSocketConnections.GoneException.class,
					(error) -> HttpAnswers.json(exchange, 410, "GoneException", NO_MESSAGE))
			.onErrorResume(WebSocketConnections.PayloadTooLargeException.class,
					(error) -> HttpAnswers.json(exchange, 413, "PayloadTooLargeException", NO_MESSAGE))
			.onErrorResume(GatewayResponseException.class, (error) -> HttpAnswers.gatewayResponse(exchange, error));
	}

	private Mono<byte[]> body(ServerWebExchange exchange) {
		return DataBufferUtils
			.join(exchange.getRequest().getBody(),
					(int) Math.min(Integer.MAX_VALUE, this.connections.maxMessageSize() + 1))
			.map((buffer) -> {
				byte[] bytes = new byte[buffer.readableByteCount()];
				buffer.read(bytes);
				DataBufferUtils.release(buffer);
				return bytes;
			})
			.defaultIfEmpty(new byte[0])
			.onErrorMap(DataBufferLimitException.class, (error) -> new WebSocketConnections.PayloadTooLargeException(
					"Message exceeds " + this.connections.maxMessageSize() + " bytes"));
	}

	private Mono<Void> dispatch(ServerWebExchange exchange, HttpMethod method, String connectionId, byte[] body) {
		if (HttpMethod.POST.equals(method)) {
			return this.connections.send(connectionId, body)
				.then(Mono.defer(() -> HttpAnswers.write(exchange, 200, null, null, Map.of())));
		}
		if (HttpMethod.GET.equals(method)) {
			return this.connections.get(connectionId).flatMap((info) -> {
				String json = "{\"connectedAt\":\"" + iso(info.connectedAt()) + "\",\"identity\":{\"sourceIp\":"
						+ quote(info.sourceIp()) + ",\"userAgent\":" + quote(info.userAgent()) + "},\"lastActiveAt\":\""
						+ iso(info.lastActiveAt()) + "\"}";
				return HttpAnswers.json(exchange, 200, null, json);
			});
		}
		if (HttpMethod.DELETE.equals(method)) {
			return this.connections.delete(connectionId)
				.then(Mono.defer(() -> HttpAnswers.write(exchange, 204, null, null, Map.of())));
		}
		return HttpAnswers.json(exchange, 403, "MissingAuthenticationTokenException",
				"{\"message\":\"Missing Authentication Token\"}");
	}

	private static String iso(Instant instant) {
		return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.MILLIS));
	}

	private static String quote(@Nullable String value) {
		return (value != null) ? JsonStrings.quote(value) : "null";
	}

}
