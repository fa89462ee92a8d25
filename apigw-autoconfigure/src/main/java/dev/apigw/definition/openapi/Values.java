package dev.apigw.definition.openapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.jspecify.annotations.Nullable;

import dev.apigw.definition.openapi.ImportContext.Location;

/**
 * Reads typed values of extension fields, reporting values of the wrong type as problems.
 */
final class Values {

	private final ImportContext context;

	private final Location location;

	Values(ImportContext context, Location location) {
		this.context = context;
		this.location = location;
	}

	Location location() {
		return this.location;
	}

	void problem(Pointer at, String message) {
		this.context.problem(this.location, at, message);
	}

	/**
	 * A string-to-string map (parameter mappings, templates) in document order.
	 */
	Map<String, String> stringMap(JsonNode parent, String field, Pointer parentAt) {
		JsonNode node = parent.get(field);
		Pointer at = parentAt.child(field);
		Map<String, String> map = new LinkedHashMap<>();
		if (Nodes.isAbsent(node)) {
			return map;
		}
		if (!node.isObject()) {
			problem(at, "Expected an object of strings");
			return map;
		}
		for (Map.Entry<String, JsonNode> entry : Nodes.fields(node)) {
			String value = Nodes.text(entry.getValue());
			if (value == null) {
				problem(at.child(entry.getKey()), "Expected a string");
			}
			else {
				map.put(entry.getKey(), value);
			}
		}
		return map;
	}

	List<String> stringList(JsonNode parent, String field, Pointer parentAt) {
		JsonNode node = parent.get(field);
		Pointer at = parentAt.child(field);
		List<String> list = new ArrayList<>();
		if (Nodes.isAbsent(node)) {
			return list;
		}
		if (!node.isArray()) {
			problem(at, "Expected an array of strings");
			return list;
		}
		for (int i = 0; i < node.size(); i++) {
			String value = Nodes.text(node.get(i));
			if (value == null) {
				problem(at.child(i), "Expected a string");
			}
			else {
				list.add(value);
			}
		}
		return list;
	}

	@Nullable String string(JsonNode parent, String field, Pointer parentAt) {
		JsonNode node = parent.get(field);
		if (Nodes.isAbsent(node)) {
			return null;
		}
		String value = Nodes.text(node);
		if (value == null) {
			problem(parentAt.child(field), "Expected a string");
		}
		return value;
	}

	/**
	 * An integer written as a number or as a string (AWS exports both).
	 */
	@Nullable Long integer(JsonNode parent, String field, Pointer parentAt) {
		String text = string(parent, field, parentAt);
		if (text == null) {
			return null;
		}
		try {
			return Long.parseLong(text.trim());
		}
		catch (NumberFormatException ex) {
			problem(parentAt.child(field), "Expected an integer, got '" + text + "'");
			return null;
		}
	}

	@Nullable Boolean bool(JsonNode parent, String field, Pointer parentAt) {
		JsonNode node = parent.get(field);
		if (Nodes.isAbsent(node)) {
			return null;
		}
		String text = Nodes.text(node);
		if ("true".equalsIgnoreCase(text) || "false".equalsIgnoreCase(text)) {
			return Boolean.parseBoolean(text);
		}
		problem(parentAt.child(field), "Expected true or false");
		return null;
	}

	/**
	 * An object node, or {@code null} (reporting a problem) when the value is not an object.
	 */
	@Nullable JsonNode object(JsonNode node, Pointer at) {
		if (node.isObject()) {
			return node;
		}
		problem(at, "Expected an object");
		return null;
	}

}
