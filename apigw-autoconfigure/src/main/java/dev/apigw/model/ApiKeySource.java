package dev.apigw.model;

/**
 * Where the API key of a request comes from.
 */
public enum ApiKeySource {

	/** The {@code x-api-key} request header. */
	HEADER,

	/** The {@code usageIdentifierKey} returned by a Lambda authorizer. */
	AUTHORIZER

}
