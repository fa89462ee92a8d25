package dev.apigw.definition.openapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jspecify.annotations.Nullable;

/**
 * Rewrites {@code $ref}s between the forms a model reference takes: AWS keeps models with
 * references as {@code https://apigateway.amazonaws.com/restapis/<api>/models/<Model>} (the
 * form this model keeps too, so that a JSON-schema validator can resolve one model from
 * another by name), OpenAPI files have {@code #/definitions/<Model>} or
 * {@code #/components/schemas/<Model>}.
 */
final class SchemaRefs {

	static final String MODEL_URL_PREFIX = "https://apigateway.amazonaws.com/restapis/";

	private static final String MODELS = "/models/";

	private static final List<String> LOCAL_PREFIXES = List.of("#/definitions/", "#/components/schemas/");

	private SchemaRefs() {
	}

	static String modelUrl(String apiId, String model) {
		return MODEL_URL_PREFIX + apiId + MODELS + model;
	}

	/**
	 * The model a reference names, in any of its forms.
	 * @param ref the reference
	 * @return the model name, or {@code null} when the reference is not to a whole model
	 */
	static @Nullable String modelName(String ref) {
		for (String prefix : LOCAL_PREFIXES) {
			if (ref.startsWith(prefix)) {
				String name = ref.substring(prefix.length());
				return name.contains("/") ? null : name.replace("~1", "/").replace("~0", "~");
			}
		}
		if (ref.startsWith(MODEL_URL_PREFIX)) {
			int models = ref.indexOf(MODELS, MODEL_URL_PREFIX.length());
			if (models > 0) {
				String name = ref.substring(models + MODELS.length());
				return (name.isEmpty() || name.contains("/") || name.contains("#")) ? null : name;
			}
		}
		return null;
	}

	/**
	 * Visits every {@code $ref} of a schema, replacing it with what the rewriter returns.
	 * @param schema the schema, changed in place
	 * @param at where the schema is in its document
	 * @param rewriter gives the new reference, or {@code null} to keep it
	 */
	static void rewrite(JsonNode schema, Pointer at, Rewriter rewriter) {
		if (schema.isObject()) {
			ObjectNode object = (ObjectNode) schema;
			for (Map.Entry<String, JsonNode> field : new ArrayList<>(object.properties())) {
				JsonNode value = field.getValue();
				Pointer child = at.child(field.getKey());
				if (field.getKey().equals("$ref") && value.isTextual()) {
					String replacement = rewriter.rewrite(value.asText(), child);
					if (replacement != null) {
						object.put("$ref", replacement);
					}
				}
				else {
					rewrite(value, child, rewriter);
				}
			}
		}
		else if (schema.isArray()) {
			for (int i = 0; i < schema.size(); i++) {
				rewrite(schema.get(i), at.child(i), rewriter);
			}
		}
	}

	/**
	 * Gives the replacement of one reference.
	 */
	@FunctionalInterface
	interface Rewriter {

		@Nullable String rewrite(String ref, Pointer at);

	}

}
