package dev.apigw.definition.openapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import org.jspecify.annotations.Nullable;

import dev.apigw.model.Method;
import dev.apigw.model.Resource;

/**
 * Turns {@code paths} into resources: one per path with its methods, plus the root and every
 * intermediate resource AWS creates on the way (without methods), parents before children.
 */
final class PathImporter {

	private static final Pattern VARIABLE = Pattern.compile("\\{[A-Za-z0-9._-]+\\+?}");

	private static final Set<String> PATH_ITEM_FIELDS = Set.of("parameters", "summary", "description", "servers",
			"$ref");

	private final ImportContext context;

	private final OpenApiDocument document;

	private final MethodImporter methods;

	private final Map<String, Draft> drafts = new LinkedHashMap<>();

	PathImporter(ImportContext context, OpenApiDocument document, MethodImporter methods) {
		this.context = context;
		this.document = document;
		this.methods = methods;
	}

	List<Resource> read() {
		this.drafts.put("/", new Draft());
		Pointer pathsAt = Pointer.ROOT.child("paths");
		JsonNode paths = this.document.at(pathsAt);
		if (!Nodes.isAbsent(paths) && !paths.isObject()) {
			this.context.problem(pathsAt, "Expected an object of path to path item");
		}
		for (Map.Entry<String, JsonNode> entry : Nodes.fields(paths)) {
			readPath(entry.getKey(), entry.getValue(), pathsAt.child(entry.getKey()));
		}
		checkSiblings();
		List<Resource> resources = new ArrayList<>();
		this.drafts.forEach((path, draft) -> resources.add(new Resource(path, draft.description, draft.methods)));
		return resources;
	}

	private void readPath(String path, JsonNode value, Pointer at) {
		if (!validPath(path, at)) {
			return;
		}
		StringBuilder prefix = new StringBuilder();
		for (String segment : path.substring(1).split("/")) {
			prefix.append('/').append(segment);
			this.drafts.computeIfAbsent(prefix.toString(), (key) -> new Draft());
		}
		Draft draft = this.drafts.get(path);
		JsonNode item = this.document.resolve(value);
		if (!item.isObject()) {
			this.context.problem(path, null, at, "Expected a path item object");
			return;
		}
		draft.description = Nodes.text(item.get("description"));
		JsonNode pathParameters = item.has("parameters") ? item.get("parameters") : MissingNode.getInstance();
		for (Map.Entry<String, JsonNode> field : Nodes.fields(item)) {
			String key = field.getKey();
			if (Extensions.VERBS.contains(key) || key.equals(Extensions.ANY_METHOD)) {
				Method method = this.methods.read(path, key, field.getValue(), at, pathParameters);
				if (method != null) {
					draft.methods.put(method.httpMethod(), method);
				}
			}
			else if (key.equals("trace")) {
				this.context.warn(at.child(key), "API Gateway has no TRACE methods; ignored");
			}
			else if (Extensions.isAws(key)) {
				this.context.warn(at.child(key), Extensions.unsupportedReason(key));
			}
			else if (!PATH_ITEM_FIELDS.contains(key) && !key.startsWith("x-")) {
				this.context.warn(at.child(key), "not part of a path item; ignored");
			}
		}
	}

	private boolean validPath(String path, Pointer at) {
		if (!path.startsWith("/")) {
			this.context.problem(path, null, at, "A path must start with '/'");
			return false;
		}
		if (path.equals("/")) {
			return true;
		}
		String[] segments = path.substring(1).split("/", -1);
		for (int i = 0; i < segments.length; i++) {
			String segment = segments[i];
			if (segment.isEmpty()) {
				this.context.problem(path, null, at, "Empty path segment: remove the doubled or trailing '/'");
				return false;
			}
			if ((segment.contains("{") || segment.contains("}")) && !VARIABLE.matcher(segment).matches()) {
				this.context.problem(path, null, at, "Invalid path segment '" + segment
						+ "'; a variable is a whole segment such as {petId}, or {proxy+} as the last one");
				return false;
			}
			if (segment.endsWith("+}") && i < segments.length - 1) {
				this.context.problem(path, null, at,
						"A greedy path variable (" + segment + ") must be the last segment of the path");
				return false;
			}
		}
		return true;
	}

	private void checkSiblings() {
		Map<String, String> variableChild = new LinkedHashMap<>();
		for (String path : this.drafts.keySet()) {
			if (path.equals("/")) {
				continue;
			}
			int slash = path.lastIndexOf('/');
			String segment = path.substring(slash + 1);
			String parent = (slash == 0) ? "/" : path.substring(0, slash);
			if (segment.startsWith("{")) {
				String sibling = variableChild.putIfAbsent(parent, segment);
				if (sibling != null && !sibling.equals(segment)) {
					this.context.problem(path, null, Pointer.ROOT.child("paths").child(path),
							"A sibling (" + sibling + ") of this resource already has a variable path part"
									+ " -- only one is allowed");
				}
			}
		}
	}

	private static final class Draft {

		private @Nullable String description;

		private final Map<String, Method> methods = new LinkedHashMap<>();

	}

}
