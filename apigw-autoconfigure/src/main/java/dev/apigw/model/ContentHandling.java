package dev.apigw.model;

/**
 * How a payload is converted between text and binary on its way through an integration.
 */
public enum ContentHandling {

	/** Decode a base64 string into binary. */
	CONVERT_TO_BINARY,

	/** Encode binary as a base64 string. */
	CONVERT_TO_TEXT

}
