package dev.apigw.auth.iam;

import dev.apigw.model.GatewayResponseType;
import dev.apigw.response.GatewayResponseException;

/**
 * A request whose Signature Version 4 does not authenticate it. Data plane callers render it
 * as the gateway response of its {@link #getType() type}; AWS's service APIs (the management
 * API) answer with the finer {@link #errorType() error type} AWS's own endpoints use.
 */
public final class SigV4Exception extends GatewayResponseException {

	private final String errorType;

	SigV4Exception(GatewayResponseType type, String message, String errorType) {
		super(type, message);
		this.errorType = errorType;
	}

	static SigV4Exception missing() {
		return new SigV4Exception(GatewayResponseType.MISSING_AUTHENTICATION_TOKEN, "Missing Authentication Token",
				"MissingAuthenticationTokenException");
	}

	static SigV4Exception incomplete(String message) {
		return new SigV4Exception(GatewayResponseType.INVALID_SIGNATURE, message, "IncompleteSignatureException");
	}

	static SigV4Exception invalid(String message) {
		return new SigV4Exception(GatewayResponseType.INVALID_SIGNATURE, message, "InvalidSignatureException");
	}

	static SigV4Exception unrecognized(String message) {
		return new SigV4Exception(GatewayResponseType.INVALID_SIGNATURE, message, "UnrecognizedClientException");
	}

	static SigV4Exception expired() {
		return new SigV4Exception(GatewayResponseType.EXPIRED_TOKEN,
				"The security token included in the request is expired", "ExpiredTokenException");
	}

	/**
	 * The error type AWS's service endpoints answer with ({@code x-amzn-ErrorType}), e.g.
	 * {@code InvalidSignatureException} or {@code UnrecognizedClientException}.
	 * @return the error type
	 */
	public String errorType() {
		return this.errorType;
	}

}
