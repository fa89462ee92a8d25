package dev.apigw.websocket;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Identifiers shaped like API Gateway's WebSocket ones: 11 random bytes, URL-safe Base64
 * with padding ({@code L0SM9cOFvHcCIhw=}), for connection, request and message ids.
 */
final class WebSocketIds {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder();

	private WebSocketIds() {
	}

	/**
	 * A connection id: unguessable, as it is all a {@code @connections} call needs.
	 * @return the id
	 */
	static String connectionId() {
		byte[] bytes = new byte[11];
		RANDOM.nextBytes(bytes);
		return ENCODER.encodeToString(bytes);
	}

	/**
	 * A request or message id: unique, cheap (one per message).
	 * @return the id
	 */
	static String next() {
		byte[] bytes = new byte[11];
		ThreadLocalRandom.current().nextBytes(bytes);
		return ENCODER.encodeToString(bytes);
	}

}
