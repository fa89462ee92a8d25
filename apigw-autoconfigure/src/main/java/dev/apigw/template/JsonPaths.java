package dev.apigw.template;

import org.jspecify.annotations.Nullable;

/**
 * JSONPath over payloads exactly as mapping templates evaluate it, for parameter mappings such as
 * {@code integration.response.body.errorMessage} or {@code method.request.body.user.id}.
 */
public final class JsonPaths {

	private JsonPaths() {
	}

	/**
	 * Evaluates a JSONPath on a JSON text, parsed leniently as AWS does (unquoted keys and single
	 * quotes are accepted).
	 * @param json the payload
	 * @param path the path, with or without the leading {@code $.} ({@code user.id},
	 * {@code $.user.id}, {@code $['user']})
	 * @return maps, lists, strings, numbers or booleans; {@code null} when the path does not exist,
	 * the value is JSON {@code null} or the payload is not JSON
	 * @throws IllegalArgumentException if the path is malformed or uses a regular-expression filter
	 */
	public static @Nullable Object read(String json, String path) {
		Object document;
		try {
			document = JsonSupport.parse(json, false);
		}
		catch (SandboxViolation ex) {
			return null;
		}
		try {
			return JsonSupport.read(document, path);
		}
		catch (SandboxViolation ex) {
			throw new IllegalArgumentException(ex.getMessage(), ex);
		}
	}

	/**
	 * Compact JSON as {@code $input.json(...)} prints it: {@code "a"}, {@code 1},
	 * {@code {"k":[1,2]}}; {@code /} is written as {@code \/} as json-smart does; {@code null}
	 * gives {@code null}.
	 * @param value a value as {@link #read} returns it
	 * @return the JSON text
	 */
	public static String toJson(@Nullable Object value) {
		return ValueRenderer.json(value);
	}

}
