package dev.apigw.websocket;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A selection expression of API Gateway's WebSocket APIs ({@code $request.body.action},
 * {@code ${request.body.type}-${request.body.action}}, {@code \$default}), parsed once per
 * deployment. Text is literal except variables: {@code $name.path} runs to the first
 * character that is not a letter, digit, {@code _}, {@code -}, {@code .}, {@code [} or
 * {@code ]}; {@code ${...}} marks a variable's boundaries; {@code \$} is a literal dollar
 * sign. {@code $default} on its own is the literal route key {@code $default}.
 * <p>
 * Variables: {@code request.body} (the message), {@code request.body.<path>} (a member of
 * the message as JSON, dotted names and {@code [n]} indexes), {@code request.header.<name>}
 * and {@code request.querystring.<name>} (of the connection's handshake),
 * {@code context.<name>} and {@code stageVariables.<name>}. Nothing else is evaluated.
 */
final class SelectionExpression {

	private final String text;

	private final List<Part> parts;

	private final boolean readsBody;

	private SelectionExpression(String text, List<Part> parts) {
		this.text = text;
		this.parts = List.copyOf(parts);
		this.readsBody = parts.stream().anyMatch((part) -> part.variable() && part.value().startsWith("request.body"));
	}

	/**
	 * Parses an expression.
	 * @param text the expression
	 * @return the expression
	 * @throws IllegalArgumentException naming what is wrong
	 */
	static SelectionExpression parse(String text) {
		List<Part> parts = new ArrayList<>();
		StringBuilder literal = new StringBuilder();
		int i = 0;
		while (i < text.length()) {
			char c = text.charAt(i);
			if (c == '\\' && i + 1 < text.length() && text.charAt(i + 1) == '$') {
				literal.append('$');
				i += 2;
				continue;
			}
			if (c != '$') {
				literal.append(c);
				i++;
				continue;
			}
			String name;
			if (i + 1 < text.length() && text.charAt(i + 1) == '{') {
				int end = text.indexOf('}', i + 2);
				if (end < 0) {
					throw new IllegalArgumentException("'" + text + "' opens '${' at " + i + " without closing '}'");
				}
				name = text.substring(i + 2, end);
				i = end + 1;
			}
			else {
				int end = i + 1;
				while (end < text.length() && isNameChar(text.charAt(end))) {
					end++;
				}
				name = text.substring(i + 1, end);
				i = end;
			}
			if (name.equals("default")) {
				literal.append("$default");
				continue;
			}
			check(text, name);
			if (!literal.isEmpty()) {
				parts.add(new Part(false, literal.toString()));
				literal.setLength(0);
			}
			parts.add(new Part(true, name));
		}
		if (!literal.isEmpty()) {
			parts.add(new Part(false, literal.toString()));
		}
		return new SelectionExpression(text, parts);
	}

	private static boolean isNameChar(char c) {
		return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.' || c == '[' || c == ']';
	}

	private static void check(String text, String name) {
		if (name.equals("request.body") || name.startsWith("request.body.") || name.startsWith("request.body[")) {
			return;
		}
		for (String prefix : new String[] { "request.header.", "request.querystring.", "context.", "stageVariables." }) {
			if (name.startsWith(prefix) && name.length() > prefix.length()) {
				return;
			}
		}
		throw new IllegalArgumentException("'" + text + "' uses '$" + name + "'; expected $request.body[.path], "
				+ "$request.header.<name>, $request.querystring.<name>, $context.<name> or $stageVariables.<name> "
				+ "(write \\$ for a literal dollar sign)");
	}

	/**
	 * Whether evaluating reads the message body, so it must be parsed.
	 * @return {@code true} when a variable reads {@code request.body}
	 */
	boolean readsBody() {
		return this.readsBody;
	}

	/**
	 * Whether the expression is only literal text.
	 * @return {@code true} without variables
	 */
	boolean isConstant() {
		return this.parts.stream().noneMatch(Part::variable);
	}

	/**
	 * Evaluates the expression.
	 * @param source the values of the variables
	 * @return the value; {@code null} when a variable has no value
	 */
	@Nullable String evaluate(Source source) {
		if (this.parts.size() == 1) {
			return value(this.parts.get(0), source);
		}
		StringBuilder result = new StringBuilder();
		for (Part part : this.parts) {
			String value = value(part, source);
			if (value == null) {
				return null;
			}
			result.append(value);
		}
		return result.toString();
	}

	private static @Nullable String value(Part part, Source source) {
		if (!part.variable()) {
			return part.value();
		}
		String name = part.value();
		if (name.startsWith("request.body")) {
			String path = name.substring("request.body".length());
			if (path.isEmpty()) {
				return source.body();
			}
			JsonNode node = source.json();
			return (node != null) ? text(navigate(node, path)) : null;
		}
		if (name.startsWith("request.header.")) {
			return source.header(name.substring("request.header.".length()).toLowerCase(Locale.ROOT));
		}
		if (name.startsWith("request.querystring.")) {
			return source.query(name.substring("request.querystring.".length()));
		}
		if (name.startsWith("context.")) {
			return source.context(name.substring("context.".length()));
		}
		return source.stageVariable(name.substring("stageVariables.".length()));
	}

	private static @Nullable JsonNode navigate(JsonNode root, String path) {
		JsonNode node = root;
		int i = 0;
		while (node != null && i < path.length()) {
			char c = path.charAt(i);
			if (c == '.') {
				int end = i + 1;
				while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
					end++;
				}
				node = node.isObject() ? node.get(path.substring(i + 1, end)) : null;
				i = end;
			}
			else if (c == '[') {
				int end = path.indexOf(']', i);
				if (end < 0) {
					return null;
				}
				String index = path.substring(i + 1, end);
				if (node.isArray() && !index.isEmpty() && index.chars().allMatch(Character::isDigit)) {
					node = node.get(Integer.parseInt(index));
				}
				else {
					String key = index.replaceAll("^['\"]|['\"]$", "");
					node = node.isObject() ? node.get(key) : null;
				}
				i = end + 1;
			}
			else {
				return null;
			}
		}
		return node;
	}

	private static @Nullable String text(@Nullable JsonNode node) {
		if (node == null || node.isNull() || node.isMissingNode()) {
			return null;
		}
		return node.isValueNode() ? node.asString() : node.toString();
	}

	@Override
	public String toString() {
		return this.text;
	}

	private record Part(boolean variable, String value) {

	}

	/**
	 * The values variables read.
	 */
	interface Source {

		/** @return the message text, {@code null} for none */
		@Nullable String body();

		/** @return the message as JSON, {@code null} when it is not JSON */
		@Nullable JsonNode json();

		/**
		 * @param lowerCaseName the header name in lower case
		 * @return the handshake header's value
		 */
		@Nullable String header(String lowerCaseName);

		/**
		 * @param name the parameter name
		 * @return the handshake query parameter's value
		 */
		@Nullable String query(String name);

		/**
		 * @param name a dotted context name, e.g. {@code connectionId}, {@code authorizer.principalId}
		 * @return the value
		 */
		@Nullable String context(String name);

		/**
		 * @param name the stage variable
		 * @return the value
		 */
		@Nullable String stageVariable(String name);

	}

}
