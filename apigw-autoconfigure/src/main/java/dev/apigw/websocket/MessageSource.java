package dev.apigw.websocket;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The values selection expressions and parameter mappings read for one event: the message
 * (parsed as JSON at most once, and only when an expression reads it), the connection's
 * handshake, the event's {@code requestContext} and the stage variables.
 */
final class MessageSource implements SelectionExpression.Source {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final JsonNode NOT_JSON = JSON.nullNode();

	private final WebSocketConnection connection;

	private final @Nullable String body;

	private final String payload;

	private final boolean binary;

	private final Map<String, Object> context;

	private @Nullable JsonNode json;

	/**
	 * Creates a source.
	 * @param connection the connection
	 * @param body the message text, {@code null} for binary messages and events without one
	 * @param payload the message as events carry it (text, or Base64 of binary), empty for
	 * none
	 * @param binary whether the message is binary
	 * @param context the event's {@code requestContext}
	 */
	MessageSource(WebSocketConnection connection, @Nullable String body, String payload, boolean binary,
			Map<String, Object> context) {
		this.connection = connection;
		this.body = body;
		this.payload = payload;
		this.binary = binary;
		this.context = context;
	}

	String payload() {
		return this.payload;
	}

	boolean binary() {
		return this.binary;
	}

	Map<String, String> stageVariables() {
		return this.connection.stage().stage().variables();
	}

	Handshake handshake() {
		return this.connection.handshake();
	}

	@Override
	public @Nullable String body() {
		return this.body;
	}

	@Override
	public @Nullable JsonNode json() {
		if (this.json == null) {
			this.json = parse(this.body);
		}
		return (this.json == NOT_JSON) ? null : this.json;
	}

	private static JsonNode parse(@Nullable String body) {
		if (body == null || body.isEmpty()) {
			return NOT_JSON;
		}
		try {
			JsonNode node = JSON.readTree(body);
			return (node != null && !node.isMissingNode()) ? node : NOT_JSON;
		}
		catch (JacksonException ex) {
			return NOT_JSON;
		}
	}

	@Override
	public @Nullable String header(String lowerCaseName) {
		return this.connection.handshake().header(lowerCaseName);
	}

	@Override
	public @Nullable String query(String name) {
		return this.connection.handshake().query(name);
	}

	@Override
	public @Nullable String context(String name) {
		Object value = this.context;
		for (String part : name.split("\\.")) {
			if (!(value instanceof Map<?, ?> map)) {
				return null;
			}
			value = map.get(part);
		}
		return (value != null && !(value instanceof Map<?, ?>)) ? String.valueOf(value) : null;
	}

	@Override
	public @Nullable String stageVariable(String name) {
		return this.connection.stage().stage().variables().get(name);
	}

	Map<String, Object> requestContext() {
		return this.context;
	}

}
