package dev.apigw.definition.openapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.jspecify.annotations.Nullable;

/**
 * Small readers over Jackson trees that treat absent and {@code null} alike.
 */
final class Nodes {

	private Nodes() {
	}

	static boolean isAbsent(@Nullable JsonNode node) {
		return node == null || node.isMissingNode() || node.isNull();
	}

	/**
	 * The text of a scalar: strings as they are, numbers and booleans as written (YAML files
	 * often give {@code statusCode: 200} or {@code version: 1}).
	 * @param node the node
	 * @return the text, {@code null} when absent or not a scalar
	 */
	static @Nullable String text(@Nullable JsonNode node) {
		if (isAbsent(node) || node.isContainerNode()) {
			return null;
		}
		return node.asText();
	}

	static List<Map.Entry<String, JsonNode>> fields(@Nullable JsonNode node) {
		List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
		if (node != null && node.isObject()) {
			fields.addAll(node.properties());
		}
		return fields;
	}

}
