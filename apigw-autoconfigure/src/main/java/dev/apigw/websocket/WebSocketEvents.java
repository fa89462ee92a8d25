package dev.apigw.websocket;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * API Gateway's WebSocket events as Lambda proxy integrations receive them (and as
 * {@code $context} in templates and selection expressions sees their
 * {@code requestContext}): {@code CONNECT} with the handshake's headers and query,
 * {@code MESSAGE} with the body, {@code DISCONNECT} with the close status.
 */
final class WebSocketEvents {

	static final String CONNECT = "CONNECT";

	static final String MESSAGE = "MESSAGE";

	static final String DISCONNECT = "DISCONNECT";

	private static final DateTimeFormatter REQUEST_TIME = DateTimeFormatter
		.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.US)
		.withZone(ZoneOffset.UTC);

	private WebSocketEvents() {
	}

	/**
	 * The {@code requestContext} of an event.
	 * @param connection the connection (its id, stage, handshake, authorizer)
	 * @param routeKey the route
	 * @param eventType CONNECT, MESSAGE or DISCONNECT
	 * @param requestId the request id
	 * @param messageId the message id of a MESSAGE, else {@code null}
	 * @param requestTimeEpoch the time (epoch milliseconds)
	 * @return the context
	 */
	static Map<String, Object> requestContext(WebSocketConnection connection, String routeKey, String eventType,
			String requestId, @Nullable String messageId, long requestTimeEpoch) {
		WebSocketStage stage = connection.stage();
		Handshake handshake = connection.handshake();
		Map<String, Object> context = new LinkedHashMap<>(24);
		context.put("routeKey", routeKey);
		if (messageId != null) {
			context.put("messageId", messageId);
		}
		context.put("eventType", eventType);
		context.put("extendedRequestId", requestId);
		context.put("requestTime", REQUEST_TIME.format(Instant.ofEpochMilli(requestTimeEpoch)));
		context.put("messageDirection", "IN");
		context.put("stage", stage.stageName());
		context.put("connectedAt", connection.connectedAt());
		context.put("requestTimeEpoch", requestTimeEpoch);
		Map<String, Object> identity = new LinkedHashMap<>();
		identity.put("userAgent", handshake.userAgent());
		identity.put("sourceIp", handshake.sourceIp());
		context.put("identity", identity);
		context.put("requestId", requestId);
		context.put("domainName", handshake.domainName());
		context.put("connectionId", connection.id());
		context.put("apiId", stage.apiId());
		context.put("accountId", stage.environment().accountId());
		if (connection.authorizer() != null) {
			context.put("authorizer", connection.authorizer());
		}
		return context;
	}

	/**
	 * The event of {@code $connect}.
	 */
	static Map<String, Object> connect(WebSocketConnection connection, Map<String, Object> requestContext) {
		Map<String, Object> event = new LinkedHashMap<>();
		handshake(event, connection, true);
		event.put("requestContext", requestContext);
		event.put("isBase64Encoded", false);
		return event;
	}

	/**
	 * The event of a message.
	 * @param body the message text, or its Base64 for binary messages
	 * @param base64 whether the message is binary
	 */
	static Map<String, Object> message(WebSocketConnection connection, Map<String, Object> requestContext,
			String body, boolean base64) {
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("requestContext", requestContext);
		event.put("body", body);
		event.put("isBase64Encoded", base64);
		stageVariables(event, connection);
		return event;
	}

	/**
	 * The event of {@code $disconnect}; its {@code requestContext} gets the close status.
	 */
	static Map<String, Object> disconnect(WebSocketConnection connection, Map<String, Object> requestContext) {
		requestContext.put("disconnectStatusCode", connection.closeCode());
		requestContext.put("disconnectReason", (connection.closeReason() != null) ? connection.closeReason() : "");
		Map<String, Object> event = new LinkedHashMap<>();
		handshake(event, connection, false);
		event.put("requestContext", requestContext);
		event.put("isBase64Encoded", false);
		return event;
	}

	private static void handshake(Map<String, Object> event, WebSocketConnection connection, boolean query) {
		Map<String, String> headers = new LinkedHashMap<>();
		Map<String, List<String>> multiValueHeaders = new LinkedHashMap<>();
		connection.handshake().headers().forEach((name, values) -> {
			if (!values.isEmpty()) {
				headers.put(name, values.get(values.size() - 1));
				multiValueHeaders.put(name, values);
			}
		});
		event.put("headers", headers);
		event.put("multiValueHeaders", multiValueHeaders);
		if (query && !connection.handshake().query().isEmpty()) {
			Map<String, String> single = new LinkedHashMap<>();
			connection.handshake().query().forEach((name, values) -> {
				if (!values.isEmpty()) {
					single.put(name, values.get(values.size() - 1));
				}
			});
			event.put("queryStringParameters", single);
			event.put("multiValueQueryStringParameters", connection.handshake().query());
		}
		stageVariables(event, connection);
	}

	private static void stageVariables(Map<String, Object> event, WebSocketConnection connection) {
		Map<String, String> variables = connection.stage().stage().variables();
		if (!variables.isEmpty()) {
			event.put("stageVariables", variables);
		}
	}

	/**
	 * The frame API Gateway sends when a message fails: {@code {"message": "...",
	 * "connectionId":"...", "requestId":"..."}}, spaced as AWS spaces it.
	 * @param message the message ({@code Forbidden}, {@code Internal server error})
	 * @param connectionId the connection
	 * @param requestId the request id
	 * @return the frame's text
	 */
	static String errorFrame(String message, String connectionId, String requestId) {
		return "{\"message\": \"" + message + "\", \"connectionId\":\"" + connectionId + "\", \"requestId\":\""
				+ requestId + "\"}";
	}

}
