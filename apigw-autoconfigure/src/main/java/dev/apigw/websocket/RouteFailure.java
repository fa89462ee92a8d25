package dev.apigw.websocket;

/**
 * A route's integration failed (it threw, timed out, answered malformed, or is configured
 * so that nothing can answer): the client gets an error frame, or {@code $connect} a 502
 * (504 when timed out).
 */
final class RouteFailure extends RuntimeException {

	private final boolean timeout;

	RouteFailure(String message, boolean timeout) {
		super(message, null, false, false);
		this.timeout = timeout;
	}

	boolean timeout() {
		return this.timeout;
	}

}
