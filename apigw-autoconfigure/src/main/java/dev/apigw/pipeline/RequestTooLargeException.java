package dev.apigw.pipeline;

/**
 * A request body larger than the gateway accepts. AWS answers these before the API is
 * identified, with a plain-text 413 rather than a gateway response.
 */
final class RequestTooLargeException extends RuntimeException {

	RequestTooLargeException() {
		super(null, null, false, false);
	}

}
