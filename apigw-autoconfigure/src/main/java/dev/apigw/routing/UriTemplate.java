package dev.apigw.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * An integration URI with its {@code {name}} placeholders, parsed once per stage (after
 * stage variables are substituted) and expanded per request by plain concatenation.
 */
public final class UriTemplate {

	private final String[] literals;

	private final String[] names;

	private UriTemplate(String[] literals, String[] names) {
		this.literals = literals;
		this.names = names;
	}

	/**
	 * Parses a URI with placeholders.
	 * @param uri the URI
	 * @return the template
	 */
	public static UriTemplate parse(String uri) {
		List<String> literals = new ArrayList<>();
		List<String> names = new ArrayList<>();
		int position = 0;
		while (true) {
			int open = uri.indexOf('{', position);
			int close = (open >= 0) ? uri.indexOf('}', open) : -1;
			if (open < 0 || close < 0) {
				literals.add(uri.substring(position));
				break;
			}
			literals.add(uri.substring(position, open));
			String name = uri.substring(open + 1, close);
			names.add(name.endsWith("+") ? name.substring(0, name.length() - 1) : name);
			position = close + 1;
		}
		return new UriTemplate(literals.toArray(String[]::new), names.toArray(String[]::new));
	}

	/**
	 * Substitutes {@code ${stageVariables.x}} references.
	 * @param uri the URI
	 * @param variables the stage variables
	 * @return the URI with the references replaced
	 */
	public static String substituteStageVariables(String uri, Map<String, String> variables) {
		StringBuilder out = new StringBuilder(uri.length());
		int position = 0;
		String marker = "${stageVariables.";
		while (true) {
			int start = uri.indexOf(marker, position);
			int end = (start >= 0) ? uri.indexOf('}', start) : -1;
			if (start < 0 || end < 0) {
				return out.append(uri, position, uri.length()).toString();
			}
			out.append(uri, position, start);
			String value = variables.get(uri.substring(start + marker.length(), end));
			out.append((value != null) ? value : "");
			position = end + 1;
		}
	}

	/**
	 * The placeholder names, in order.
	 * @return the names
	 */
	public List<String> names() {
		return List.of(this.names);
	}

	/**
	 * Expands the template.
	 * @param values the value of each placeholder ({@code null} renders empty)
	 * @return the expanded text
	 */
	public String expand(Function<String, @Nullable String> values) {
		if (this.names.length == 0) {
			return this.literals[0];
		}
		StringBuilder out = new StringBuilder(64);
		for (int i = 0; i < this.names.length; i++) {
			out.append(this.literals[i]);
			String value = values.apply(this.names[i]);
			if (value != null) {
				out.append(value);
			}
		}
		return out.append(this.literals[this.names.length]).toString();
	}

}
