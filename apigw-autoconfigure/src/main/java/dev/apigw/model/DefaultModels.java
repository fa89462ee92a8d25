package dev.apigw.model;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The models AWS API Gateway creates with every API, {@code Empty} and {@code Error}, with
 * the schemas AWS gives them. A method with a body validator and no model for the request's
 * content type is validated against {@code Empty}.
 */
public final class DefaultModels {

	/** The name of the empty model. */
	public static final String EMPTY = "Empty";

	/** The name of the error model. */
	public static final String ERROR = "Error";

	/** The schema of {@link #EMPTY}: any JSON object. */
	public static final String EMPTY_SCHEMA = "{\"$schema\":\"http://json-schema.org/draft-04/schema#\","
			+ "\"title\":\"Empty Schema\",\"type\":\"object\"}";

	/** The schema of {@link #ERROR}: an object with a string {@code message}. */
	public static final String ERROR_SCHEMA = "{\"$schema\":\"http://json-schema.org/draft-04/schema#\","
			+ "\"title\":\"Error Schema\",\"type\":\"object\",\"properties\":{\"message\":{\"type\":\"string\"}}}";

	private static final Map<String, String> DEFAULTS = Map.of(EMPTY, EMPTY_SCHEMA, ERROR, ERROR_SCHEMA);

	private DefaultModels() {
	}

	/**
	 * The schema of a default model.
	 * @param name the model name
	 * @return the schema, or {@code null} when the name is not a default model's
	 */
	public static @Nullable String schema(String name) {
		return DEFAULTS.get(name);
	}

	/**
	 * An API's models with the default models it does not define itself added after its own.
	 * @param api the API
	 * @return the API, the same instance when it defines both
	 */
	public static Api addTo(Api api) {
		if (api.models().containsKey(EMPTY) && api.models().containsKey(ERROR)) {
			return api;
		}
		Api.Builder builder = api.toBuilder();
		if (!api.models().containsKey(EMPTY)) {
			builder.model(EMPTY, EMPTY_SCHEMA);
		}
		if (!api.models().containsKey(ERROR)) {
			builder.model(ERROR, ERROR_SCHEMA);
		}
		return builder.build();
	}

}
