package dev.apigw.model;

import java.util.Locale;

/**
 * The kind of backend a method is integrated with, named as AWS API Gateway names them.
 */
public enum IntegrationType {

	/** Answers from the integration's own templates, without any backend. */
	MOCK(false),

	/** An HTTP backend with integration request and response mappings. */
	HTTP(false),

	/** An HTTP backend that receives the request and returns the response unchanged. */
	HTTP_PROXY(true),

	/** A Lambda function invoked with a mapped payload ("LAMBDA", non-proxy). */
	AWS(false),

	/** A Lambda function invoked with the proxy event ("LAMBDA_PROXY"). */
	AWS_PROXY(true);

	private final boolean proxy;

	IntegrationType(boolean proxy) {
		this.proxy = proxy;
	}

	/**
	 * Whether the integration passes the request and response through without mapping.
	 * @return {@code true} for the proxy types
	 */
	public boolean isProxy() {
		return this.proxy;
	}

	/**
	 * Parses a type as written in configuration or in an OpenAPI file: case-insensitive,
	 * with {@code LAMBDA} and {@code LAMBDA_PROXY} accepted for {@code AWS} and
	 * {@code AWS_PROXY}.
	 * @param value the written value
	 * @return the type
	 * @throws IllegalArgumentException naming the accepted values
	 */
	public static IntegrationType parse(String value) {
		String normalized = value.trim().toUpperCase(Locale.ROOT).replace('-', '_');
		return switch (normalized) {
			case "LAMBDA" -> AWS;
			case "LAMBDA_PROXY" -> AWS_PROXY;
			default -> {
				for (IntegrationType type : values()) {
					if (type.name().equals(normalized)) {
						yield type;
					}
				}
				throw new IllegalArgumentException("Unknown integration type '" + value
						+ "'; expected one of MOCK, HTTP, HTTP_PROXY, AWS (LAMBDA), AWS_PROXY (LAMBDA_PROXY)");
			}
		};
	}

}
