package dev.apigw.definition.openapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The names of AWS's OpenAPI extensions, and what is said about those that are read but not
 * supported.
 */
final class Extensions {

	static final String PREFIX = "x-amazon-apigateway-";

	static final String INTEGRATION = PREFIX + "integration";

	static final String ANY_METHOD = PREFIX + "any-method";

	static final String API_KEY_SOURCE = PREFIX + "api-key-source";

	static final String BINARY_MEDIA_TYPES = PREFIX + "binary-media-types";

	static final String GATEWAY_RESPONSES = PREFIX + "gateway-responses";

	static final String REQUEST_VALIDATORS = PREFIX + "request-validators";

	static final String REQUEST_VALIDATOR = PREFIX + "request-validator";

	static final String AUTHORIZER = PREFIX + "authorizer";

	static final String POLICY = PREFIX + "policy";

	static final String AUTHTYPE = PREFIX + "authtype";

	/** The pre-2017 operation-level way of asking for IAM authorization. */
	static final String AUTH = PREFIX + "auth";

	static final String TAG_VALUE = PREFIX + "tag-value";

	/** The HTTP verbs an OpenAPI path item can hold, in the order AWS exports them. */
	static final List<String> VERBS = List.of("get", "post", "put", "patch", "delete", "head", "options");

	private static final Map<String, String> UNSUPPORTED = unsupported();

	private Extensions() {
	}

	private static Map<String, String> unsupported() {
		Map<String, String> reasons = new LinkedHashMap<>();
		reasons.put(PREFIX + "endpoint-configuration", "endpoint types, VPC endpoints and the execute-api switch"
				+ " do not apply; the API is served by this application");
		reasons.put(PREFIX + "minimum-compression-size", "response compression is configured on the server");
		reasons.put(PREFIX + "documentation", "documentation parts are not kept");
		reasons.put(TAG_VALUE, "tags are not kept");
		reasons.put(PREFIX + "importexport-version", "the import/export format version is not needed");
		reasons.put(PREFIX + "cors", "CORS configuration is an HTTP API (v2) feature");
		reasons.put(PREFIX + "integrations", "reusable integrations are an HTTP API (v2) feature");
		reasons.put(PREFIX + "importer-version", "the importer version is not needed");
		return reasons;
	}

	/**
	 * Why a known extension is ignored.
	 * @param name the extension name
	 * @return the reason, or a generic one for extensions not known at all
	 */
	static String unsupportedReason(String name) {
		String reason = UNSUPPORTED.get(name);
		return "not supported (" + ((reason != null) ? reason : "unknown extension") + "); ignored";
	}

	/**
	 * The model's method name for a path item key.
	 * @param key {@code get} ... or {@code x-amazon-apigateway-any-method}
	 * @return {@code GET} ... or {@code ANY}
	 */
	static String methodName(String key) {
		return key.equals(ANY_METHOD) ? "ANY" : key.toUpperCase(Locale.ROOT);
	}

	/**
	 * The path item key for a model's method name.
	 * @param httpMethod {@code GET} ... or {@code ANY}
	 * @return {@code get} ... or {@code x-amazon-apigateway-any-method}
	 */
	static String pathItemKey(String httpMethod) {
		return httpMethod.equals("ANY") ? ANY_METHOD : httpMethod.toLowerCase(Locale.ROOT);
	}

	static boolean isAws(String key) {
		return key.startsWith(PREFIX);
	}

}
