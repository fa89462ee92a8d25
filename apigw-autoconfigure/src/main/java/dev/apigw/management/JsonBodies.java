package dev.apigw.management;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes the JSON of management calls, with AWS's answer to a body that is not
 * JSON of the expected shape.
 */
final class JsonBodies {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private JsonBodies() {
	}

	static byte[] write(Object value) {
		return JSON.writeValueAsBytes(value);
	}

	static Map<String, Object> object(byte[] body) {
		if (body.length == 0) {
			return Map.of();
		}
		try {
			Object value = JSON.readValue(body, Object.class);
			if (value instanceof Map<?, ?> map) {
				return copy(map);
			}
		}
		catch (JacksonException ex) {
			throw ManagementError.badRequest("Could not parse request body into json: " + ex.getOriginalMessage());
		}
		throw ManagementError.badRequest("Could not parse request body into json: expected an object");
	}

	static @Nullable String string(Map<String, Object> object, String name) {
		Object value = object.get(name);
		if (value == null || value instanceof String) {
			return (String) value;
		}
		if (value instanceof Number || value instanceof Boolean) {
			return value.toString();
		}
		throw ManagementError.badRequest("Invalid value for '" + name + "': expected a string");
	}

	static @Nullable Double number(Map<String, Object> object, String name) {
		Object value = object.get(name);
		if (value == null || value instanceof Number) {
			return (value != null) ? ((Number) value).doubleValue() : null;
		}
		throw ManagementError.badRequest("Invalid value for '" + name + "': expected a number");
	}

	static Map<String, String> strings(Map<String, Object> object, String name) {
		Map<String, Object> map = objectOf(object, name);
		Map<String, String> strings = new LinkedHashMap<>();
		map.keySet().forEach((key) -> strings.put(key, string(map, key)));
		return strings;
	}

	static Map<String, Object> objectOf(Map<String, Object> object, String name) {
		Object value = object.get(name);
		if (value == null) {
			return Map.of();
		}
		if (value instanceof Map<?, ?> map) {
			return copy(map);
		}
		throw ManagementError.badRequest("Invalid value for '" + name + "': expected an object");
	}

	static List<Map<String, Object>> objects(Map<String, Object> object, String name) {
		Object value = object.get(name);
		if (value == null) {
			return List.of();
		}
		if (value instanceof List<?> list && list.stream().allMatch(Map.class::isInstance)) {
			return list.stream().map((item) -> copy((Map<?, ?>) item)).toList();
		}
		throw ManagementError.badRequest("Invalid value for '" + name + "': expected a list of objects");
	}

	private static Map<String, Object> copy(Map<?, ?> map) {
		Map<String, Object> copy = new LinkedHashMap<>();
		map.forEach((key, value) -> copy.put(String.valueOf(key), value));
		return copy;
	}

}
