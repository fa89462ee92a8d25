package dev.apigw.response;

import dev.apigw.model.GatewayResponseType;
import org.jspecify.annotations.Nullable;

/**
 * Signals that a phase ends the request with a gateway response. Thrown (as a reactive
 * error) by any phase; the invocation filter renders it from the API's gateway response
 * table. Carries no stack trace: it is an outcome, not a fault.
 */
public class GatewayResponseException extends RuntimeException {

	private final GatewayResponseType type;

	private final @Nullable Integer status;

	/**
	 * Creates the exception with the type's default message.
	 * @param type the response type
	 */
	public GatewayResponseException(GatewayResponseType type) {
		this(type, type.defaultMessage(), null);
	}

	/**
	 * Creates the exception.
	 * @param type the response type
	 * @param message {@code $context.error.message}
	 */
	public GatewayResponseException(GatewayResponseType type, @Nullable String message) {
		this(type, message, null);
	}

	/**
	 * Creates the exception with a status for types that have none (the DEFAULT types), or
	 * that AWS answers with a status other than the type's default in some cases (a failed
	 * Lambda proxy integration is an {@code INTEGRATION_FAILURE} answered with 502).
	 * @param type the response type
	 * @param message {@code $context.error.message}
	 * @param status the status, used when the API does not customise it
	 */
	public GatewayResponseException(GatewayResponseType type, @Nullable String message, @Nullable Integer status) {
		super(message, null, false, false);
		this.type = type;
		this.status = status;
	}

	public GatewayResponseType getType() {
		return this.type;
	}

	public @Nullable Integer getStatus() {
		return this.status;
	}

}
