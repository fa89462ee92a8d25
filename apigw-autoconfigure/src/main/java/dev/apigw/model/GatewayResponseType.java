package dev.apigw.model;

import org.jspecify.annotations.Nullable;

/**
 * The responses API Gateway itself produces, with AWS's default status code, error type
 * header ({@code x-amzn-ErrorType}) and message.
 * <p>
 * Bodies default to the template {@code {"message":$context.error.messageString}}, which is
 * why most of AWS's gateway errors have no space after the colon; the types AWS answers with
 * a different body carry it as {@link #defaultBody()} (request validation's two types answer
 * {@code {"message": "..."}}, with a space, as measured on AWS).
 */
public enum GatewayResponseType {

	/**
	 * Denied by a policy (authorizer, IAM or resource policy). Its body names the message
	 * with a capital M, as AWS's does.
	 */
	ACCESS_DENIED(403, "AccessDeniedException", "User is not authorized to access this resource", null),

	/** The API is not set up so that the request can be served. */
	API_CONFIGURATION_ERROR(500, "InternalServerErrorException", "Internal server error",
			"{\"message\": \"Internal server error\"}"),

	/** An authorizer answered with something that is not a valid result. */
	AUTHORIZER_CONFIGURATION_ERROR(500, "AuthorizerConfigurationException", null, "{\"message\": null}"),

	/** An authorizer could not be invoked. */
	AUTHORIZER_FAILURE(500, "AuthorizerFailureException", null, "{\"message\": null}"),

	/** Request parameters failed validation. */
	BAD_REQUEST_PARAMETERS(400, "BadRequestException", "Missing required request parameters",
			"{\"message\": $context.error.messageString}"),

	/** The request body failed validation. */
	BAD_REQUEST_BODY(400, "BadRequestException", "Invalid request body",
			"{\"message\": $context.error.messageString}"),

	/** Fallback for 4xx types without a response of their own. */
	DEFAULT_4XX(null, null, null, null),

	/** Fallback for 5xx types without a response of their own. */
	DEFAULT_5XX(null, null, null, null),

	/** The security token is expired. */
	EXPIRED_TOKEN(403, "ExpiredTokenException", "The security token included in the request is expired", null),

	/** The integration could not be reached. */
	INTEGRATION_FAILURE(504, "InternalServerErrorException", "Internal server error",
			"{\"message\": \"Internal server error\"}"),

	/** The integration did not answer within its timeout. */
	INTEGRATION_TIMEOUT(504, "InternalServerErrorException", "Endpoint request timed out",
			"{\"message\": \"Endpoint request timed out\"}"),

	/** The API key is missing, unknown or disabled. */
	INVALID_API_KEY(403, "ForbiddenException", "Forbidden", null),

	/** The request signature does not match. */
	INVALID_SIGNATURE(403, "InvalidSignatureException", "Forbidden", null),

	/** No resource or method matches the request (AWS answers 403, not 404 or 405). */
	MISSING_AUTHENTICATION_TOKEN(403, "MissingAuthenticationTokenException", "Missing Authentication Token", null),

	/** The usage plan quota is exhausted. */
	QUOTA_EXCEEDED(429, "LimitExceededException", "Limit Exceeded", null),

	/** The request is too large. */
	REQUEST_TOO_LARGE(413, "RequestTooLargeException", "Request Too Long", null),

	/** The resource was not found. */
	RESOURCE_NOT_FOUND(404, "NotFoundException", "Resource not found", null),

	/** A throttle rejected the request. */
	THROTTLED(429, "TooManyRequestsException", "Too Many Requests", null),

	/** The caller could not be authenticated. */
	UNAUTHORIZED(401, "UnauthorizedException", "Unauthorized", null),

	/** No request template matches the content type and passthrough is not allowed. */
	UNSUPPORTED_MEDIA_TYPE(415, "UnsupportedMediaTypeException", "Unsupported Media Type", null),

	/** A web application firewall rule blocked the request. */
	WAF_FILTERED(403, "ForbiddenException", "Forbidden", null);

	/** The body template AWS gives every type by default. */
	public static final String DEFAULT_TEMPLATE = "{\"message\":$context.error.messageString}";

	/** The body template of {@link #ACCESS_DENIED}. */
	public static final String ACCESS_DENIED_TEMPLATE = "{\"Message\":$context.error.messageString}";

	private final @Nullable Integer defaultStatus;

	private final @Nullable String errorType;

	private final @Nullable String defaultMessage;

	private final @Nullable String defaultBody;

	GatewayResponseType(@Nullable Integer defaultStatus, @Nullable String errorType,
			@Nullable String defaultMessage, @Nullable String defaultBody) {
		this.defaultStatus = defaultStatus;
		this.errorType = errorType;
		this.defaultMessage = defaultMessage;
		this.defaultBody = defaultBody;
	}

	/**
	 * The status AWS answers with when the API does not override it.
	 * @return the status, {@code null} for the two DEFAULT types
	 */
	public @Nullable Integer defaultStatus() {
		return this.defaultStatus;
	}

	/**
	 * The value of the {@code x-amzn-ErrorType} header.
	 * @return the error type, {@code null} for the two DEFAULT types
	 */
	public @Nullable String errorType() {
		return this.errorType;
	}

	/**
	 * The {@code $context.error.message} used when the gateway gives no more specific one.
	 * @return the message, possibly {@code null}
	 */
	public @Nullable String defaultMessage() {
		return this.defaultMessage;
	}

	/**
	 * The body AWS answers with when it is not the default template's output: literal, or
	 * with {@code $context} references substituted as in the default template.
	 * @return the body, or {@code null} when the default template applies
	 */
	public @Nullable String defaultBody() {
		return this.defaultBody;
	}

	/**
	 * The body template used when the API does not customise the type's body.
	 * @return {@link #DEFAULT_TEMPLATE}, or {@link #ACCESS_DENIED_TEMPLATE}
	 */
	public String defaultTemplate() {
		return (this == ACCESS_DENIED) ? ACCESS_DENIED_TEMPLATE : DEFAULT_TEMPLATE;
	}

	/**
	 * The DEFAULT type this type falls back to.
	 * @return {@link #DEFAULT_4XX} or {@link #DEFAULT_5XX}
	 */
	public GatewayResponseType fallback() {
		return (this.defaultStatus != null && this.defaultStatus >= 500) ? DEFAULT_5XX : DEFAULT_4XX;
	}

}
