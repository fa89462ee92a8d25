package dev.apigw.definition.openapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import org.jspecify.annotations.Nullable;

/**
 * A parsed OpenAPI 3.x or Swagger 2.0 document: its raw tree (so that every extension and
 * every JSON pointer is as written) and the places where the two versions differ.
 */
final class OpenApiDocument {

	private static final int MAX_REF_HOPS = 16;

	private final JsonNode root;

	private final boolean swagger2;

	private OpenApiDocument(JsonNode root, boolean swagger2) {
		this.root = root;
		this.swagger2 = swagger2;
	}

	/**
	 * Parses a document, reporting unparseable or unrecognised content as a problem.
	 * @param content the JSON or YAML text
	 * @param context where problems go
	 * @return the document, or {@code null} when it cannot be read at all
	 */
	static @Nullable OpenApiDocument parse(String content, ImportContext context) {
		JsonNode root;
		try {
			root = OpenApiMappers.read(content);
		}
		catch (JsonProcessingException ex) {
			context.problem(Pointer.ROOT, "The file is neither valid JSON nor valid YAML: " + ex.getOriginalMessage()
					+ location(ex));
			return null;
		}
		if (root == null || !root.isObject()) {
			context.problem(Pointer.ROOT, "The file is not an OpenAPI document: expected an object at the top level");
			return null;
		}
		String swagger = Nodes.text(root.get("swagger"));
		String openapi = Nodes.text(root.get("openapi"));
		if (swagger != null && swagger.startsWith("2")) {
			return new OpenApiDocument(root, true);
		}
		if (openapi != null && openapi.startsWith("3")) {
			return new OpenApiDocument(root, false);
		}
		context.problem(Pointer.ROOT.child((swagger != null) ? "swagger" : "openapi"),
				"Unsupported version: expected 'swagger: \"2.0\"' or 'openapi: 3.0.x / 3.1.x'");
		return null;
	}

	private static String location(JsonProcessingException ex) {
		return (ex.getLocation() != null)
				? " (line " + ex.getLocation().getLineNr() + ", column " + ex.getLocation().getColumnNr() + ")" : "";
	}

	JsonNode root() {
		return this.root;
	}

	boolean isSwagger2() {
		return this.swagger2;
	}

	/**
	 * Where named schemas (models) live.
	 * @return {@code /definitions} or {@code /components/schemas}
	 */
	Pointer schemas() {
		return this.swagger2 ? Pointer.ROOT.child("definitions") : Pointer.ROOT.child("components").child("schemas");
	}

	/**
	 * Where security schemes live.
	 * @return {@code /securityDefinitions} or {@code /components/securitySchemes}
	 */
	Pointer securitySchemes() {
		return this.swagger2 ? Pointer.ROOT.child("securityDefinitions")
				: Pointer.ROOT.child("components").child("securitySchemes");
	}

	JsonNode at(Pointer pointer) {
		return this.root.at(pointer.raw());
	}

	/**
	 * Follows local {@code $ref}s ({@code #/...}) until a node without one.
	 * @param node the node, possibly a reference
	 * @return the referenced node, or a missing node when a reference does not resolve
	 */
	JsonNode resolve(JsonNode node) {
		JsonNode current = node;
		for (int hops = 0; hops < MAX_REF_HOPS; hops++) {
			String ref = (current != null && current.isObject()) ? Nodes.text(current.get("$ref")) : null;
			if (ref == null) {
				return (current != null) ? current : MissingNode.getInstance();
			}
			if (!ref.startsWith("#/") && !ref.equals("#")) {
				return MissingNode.getInstance();
			}
			current = this.root.at(ref.substring(1));
		}
		return MissingNode.getInstance();
	}

}
