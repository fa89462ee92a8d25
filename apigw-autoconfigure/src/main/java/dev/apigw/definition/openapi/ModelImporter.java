package dev.apigw.definition.openapi;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jspecify.annotations.Nullable;

import dev.apigw.definition.openapi.ImportContext.Location;
import dev.apigw.model.DefaultModels;

/**
 * Turns the document's named schemas into models (JSON-schema text with references in AWS's
 * model URL form) and gives the model of an operation's schema, naming inline schemas after
 * their content as AWS's importer creates a model for each.
 */
final class ModelImporter {

	private static final Pattern MODEL_NAME = Pattern.compile("[A-Za-z0-9]+");

	private final ImportContext context;

	private final OpenApiDocument document;

	private final Set<String> names = new LinkedHashSet<>();

	private final Map<String, String> models = new LinkedHashMap<>();

	ModelImporter(ImportContext context, OpenApiDocument document) {
		this.context = context;
		this.document = document;
	}

	void importNamedModels() {
		Pointer schemas = this.document.schemas();
		JsonNode node = this.document.at(schemas);
		if (Nodes.isAbsent(node)) {
			return;
		}
		if (!node.isObject()) {
			this.context.problem(schemas, "Expected an object of named schemas");
			return;
		}
		for (Map.Entry<String, JsonNode> entry : Nodes.fields(node)) {
			this.names.add(entry.getKey());
		}
		for (Map.Entry<String, JsonNode> entry : Nodes.fields(node)) {
			String name = entry.getKey();
			Pointer at = schemas.child(name);
			if (!MODEL_NAME.matcher(name).matches()) {
				this.context.problem(at, "Model name must be alphanumeric: '" + name + "'");
			}
			if (!entry.getValue().isObject()) {
				this.context.problem(at, "A model must be a JSON schema object");
				continue;
			}
			this.models.put(name, canonical(name, normalize(entry.getValue(), at, Location.API)));
		}
	}

	/**
	 * AWS's default models come back from an export without {@code $schema}; they are kept
	 * with AWS's own text, so that an API and the import of its export have equal models.
	 */
	private static String canonical(String name, String text) {
		String standard = DefaultModels.schema(name);
		if (standard == null || text.equals(standard)) {
			return text;
		}
		try {
			JsonNode imported = OpenApiMappers.JSON.readTree(text);
			ObjectNode expected = (ObjectNode) OpenApiMappers.JSON.readTree(standard);
			expected.remove("$schema");
			return (imported.isObject() && ((ObjectNode) imported.deepCopy()).without("$schema").equals(expected))
					? standard : text;
		}
		catch (JsonProcessingException ex) {
			return text;
		}
	}

	/**
	 * The model for a schema used by an operation.
	 * @param schema the schema: a reference to a named schema or an inline schema
	 * @param at where it is
	 * @param location the resource and method, for problems
	 * @return the model name, {@code null} when the reference is broken (a problem is
	 * reported)
	 */
	@Nullable String modelFor(JsonNode schema, Pointer at, Location location) {
		String ref = schema.isObject() ? Nodes.text(schema.get("$ref")) : null;
		if (ref != null) {
			String name = SchemaRefs.modelName(ref);
			if (name == null || !this.names.contains(name)) {
				this.context.problem(location, at.child("$ref"),
						"Reference '" + ref + "' does not name a model defined in " + this.document.schemas());
				return null;
			}
			return name;
		}
		if (!schema.isObject()) {
			this.context.problem(location, at, "A schema must be an object");
			return null;
		}
		String text = normalize(schema, at, location);
		String name = "MODEL" + hash(text);
		this.models.putIfAbsent(name, text);
		return name;
	}

	Map<String, String> models() {
		return this.models;
	}

	private String normalize(JsonNode schema, Pointer at, Location location) {
		JsonNode copy = schema.deepCopy();
		SchemaRefs.rewrite(copy, at, (ref, refAt) -> {
			String name = SchemaRefs.modelName(ref);
			if (name != null && this.names.contains(name)) {
				return SchemaRefs.modelUrl(this.context.apiId(), name);
			}
			if (name != null || ref.startsWith("#/")) {
				this.context.problem(location, refAt,
						"Reference '" + ref + "' does not name a model defined in " + this.document.schemas());
			}
			else {
				this.context.warn(refAt, "reference '" + ref + "' is not to a model of this API; kept as written");
			}
			return null;
		});
		return OpenApiMappers.compact(copy);
	}

	private static String hash(String text) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 5);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
