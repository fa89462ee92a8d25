package dev.apigw.definition.openapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.converter.SwaggerConverter;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.springframework.util.ClassUtils;

import dev.apigw.definition.openapi.ImportContext.Location;

/**
 * Runs swagger-parser over a document to find structural errors that the mapping itself
 * does not look for, and sorts its messages the way AWS's importer is lenient: wrong types
 * are errors; missing optional-in-practice fields (AWS exports {@code responses: {}} and
 * omits {@code info.version}) are not reported; unknown attributes are warnings, except
 * JSON-schema keywords inside models, which are draft 4 as AWS has them.
 */
final class SwaggerParserCheck {

	private static final String PREFIX = "attribute ";

	/** Part of {@code swagger-parser}, not of {@code swagger-parser-v3}: optional here. */
	private static final String SWAGGER2_CONVERTER = "io.swagger.v3.parser.converter.SwaggerConverter";

	private static final Set<String> VERBS = Set.of("get", "put", "post", "delete", "options", "head", "patch",
			"trace", Extensions.ANY_METHOD);

	private final ImportContext context;

	private final OpenApiDocument document;

	SwaggerParserCheck(ImportContext context, OpenApiDocument document) {
		this.context = context;
		this.document = document;
	}

	/**
	 * Checks the document. It is handed over as JSON written from the tree already read: the
	 * file is not parsed twice as YAML (swagger-parser's YAML reader has a smaller size limit
	 * and logs a stack trace for what has already been reported).
	 */
	void check() {
		ParseOptions options = new ParseOptions();
		options.setResolve(false);
		String json = OpenApiMappers.compact(this.document.root());
		SwaggerParseResult result;
		if (!this.document.isSwagger2()) {
			result = new OpenAPIV3Parser().readContents(json, null, options);
		}
		else if (ClassUtils.isPresent(SWAGGER2_CONVERTER, SwaggerParserCheck.class.getClassLoader())) {
			result = Swagger2.read(json, options);
		}
		else {
			return;
		}
		List<String> messages = (result != null && result.getMessages() != null) ? result.getMessages() : List.of();
		if (result == null || result.getOpenAPI() == null) {
			this.context.problem(Pointer.ROOT, "swagger-parser could not read the document"
					+ (messages.isEmpty() ? "" : ": " + String.join("; ", messages)));
			return;
		}
		for (String message : messages) {
			classify(message);
		}
	}

	private void classify(String message) {
		if (!message.startsWith(PREFIX)) {
			this.context.warn(Pointer.ROOT, "swagger-parser: " + message);
			return;
		}
		String rest = message.substring(PREFIX.length());
		int space = locationEnd(rest);
		String location = rest.substring(0, space);
		String verdict = rest.substring(space).trim();
		List<String> tokens = tokens(location);
		if (verdict.startsWith("is missing")) {
			return;
		}
		if (verdict.startsWith("is unexpected") && isInSchema(tokens)) {
			return;
		}
		Pointer pointer = pointer(tokens);
		if (verdict.startsWith("is not of type")) {
			this.context.problem(location(pointer), pointer, "The value " + verdict.replace('`', '\''));
		}
		else if (verdict.startsWith("is unexpected")) {
			this.context.warn(pointer, "not part of the OpenAPI specification; ignored");
		}
		else {
			this.context.warn(pointer, "swagger-parser: " + verdict);
		}
	}

	private static int locationEnd(String rest) {
		boolean quoted = false;
		for (int i = 0; i < rest.length(); i++) {
			char c = rest.charAt(i);
			if (c == '\'') {
				quoted = !quoted;
			}
			else if (c == ' ' && !quoted) {
				return i;
			}
		}
		return rest.length();
	}

	private static boolean isInSchema(List<String> tokens) {
		return tokens.contains("definitions") || tokens.contains("schemas") || tokens.contains("schema")
				|| tokens.contains("items") || tokens.contains("properties");
	}

	/**
	 * Splits a swagger-parser location such as {@code paths.'/pets'(get).[petId].type}.
	 */
	static List<String> tokens(String location) {
		List<String> tokens = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		for (int i = 0; i < location.length(); i++) {
			char c = location.charAt(i);
			char close = switch (c) {
				case '\'' -> '\'';
				case '(' -> ')';
				case '[' -> ']';
				default -> 0;
			};
			if (close != 0) {
				int end = location.indexOf(close, i + 1);
				end = (end < 0) ? location.length() : end;
				flush(tokens, current);
				tokens.add(((c == '[') ? "[" : "") + location.substring(i + 1, end));
				i = end;
			}
			else if (c == '.') {
				flush(tokens, current);
			}
			else {
				current.append(c);
			}
		}
		flush(tokens, current);
		return tokens;
	}

	private static void flush(List<String> tokens, StringBuilder current) {
		if (!current.isEmpty()) {
			tokens.add(current.toString());
			current.setLength(0);
		}
	}

	private Pointer pointer(List<String> tokens) {
		Pointer pointer = Pointer.ROOT;
		for (String token : tokens) {
			if (token.startsWith("[")) {
				pointer = parameter(pointer, token.substring(1));
			}
			else {
				pointer = pointer.child(token);
			}
		}
		return pointer;
	}

	private Pointer parameter(Pointer pointer, String name) {
		Pointer parameters = pointer;
		if (!this.document.at(parameters).isArray()) {
			parameters = pointer.child("parameters");
		}
		JsonNode array = this.document.at(parameters);
		for (int i = 0; i < array.size(); i++) {
			if (name.equals(Nodes.text(array.get(i).get("name")))) {
				return parameters.child(i);
			}
		}
		return parameters;
	}

	private static Location location(Pointer pointer) {
		String[] parts = pointer.raw().split("/");
		if (parts.length < 3 || !parts[1].equals("paths")) {
			return Location.API;
		}
		String path = parts[2].replace("~1", "/").replace("~0", "~");
		String method = (parts.length > 3 && VERBS.contains(parts[3])) ? Extensions.methodName(parts[3]) : null;
		return new Location(path, method);
	}

	/**
	 * Reads Swagger 2.0 through swagger-parser's converter, in a class of its own so that the
	 * converter is only loaded when it is there.
	 */
	private static final class Swagger2 {

		static SwaggerParseResult read(String json, ParseOptions options) {
			return new SwaggerConverter().readContents(json, null, options);
		}

	}

}
