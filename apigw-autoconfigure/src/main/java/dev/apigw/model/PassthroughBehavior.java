package dev.apigw.model;

import java.util.Locale;

/**
 * What a non-proxy integration does with a request body whose content type has no request
 * template.
 */
public enum PassthroughBehavior {

	/** Pass the body through when no template matches its content type (the default). */
	WHEN_NO_MATCH,

	/** Pass the body through only when the integration defines no templates at all. */
	WHEN_NO_TEMPLATES,

	/** Never pass the body through: answer 415 when no template matches. */
	NEVER;

	/**
	 * Parses a behaviour as written in configuration or in an OpenAPI file (AWS exports it
	 * in lower case).
	 * @param value the written value
	 * @return the behaviour
	 */
	public static PassthroughBehavior parse(String value) {
		try {
			return valueOf(value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("Unknown passthrough behavior '" + value
					+ "'; expected one of WHEN_NO_MATCH, WHEN_NO_TEMPLATES, NEVER", ex);
		}
	}

}
