package dev.apigw.websocket;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What a route's integration answered: a status (which decides whether {@code $connect}
 * accepts the connection), the body sent back as the route response on two-way routes,
 * and headers ({@code Sec-WebSocket-Protocol} on {@code $connect}).
 *
 * @param status the status code
 * @param body the body, {@code null} for none
 * @param headers the headers
 */
record RouteResult(int status, byte @Nullable [] body, Map<String, String> headers) {

	static RouteResult empty() {
		return new RouteResult(200, null, Map.of());
	}

	boolean successful() {
		return this.status >= 200 && this.status < 300;
	}

}
