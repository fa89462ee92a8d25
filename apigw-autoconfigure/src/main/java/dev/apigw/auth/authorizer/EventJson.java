package dev.apigw.auth.authorizer;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Converts between the authorizer event and output as maps and the classes handlers
 * declare (AWS's event and response POJOs, or the handler's own).
 */
final class EventJson {

	private static final JsonMapper JSON = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private EventJson() {
	}

	static Object convert(Map<String, Object> event, Class<?> type) {
		return JSON.convertValue(event, type);
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> toMap(@Nullable Object output) {
		if (output == null) {
			throw new IllegalStateException("The authorizer returned nothing");
		}
		if (output instanceof Map<?, ?> map) {
			return (Map<String, Object>) map;
		}
		if (output instanceof String text) {
			return JSON.readValue(text, LinkedHashMap.class);
		}
		return JSON.convertValue(output, LinkedHashMap.class);
	}

}
