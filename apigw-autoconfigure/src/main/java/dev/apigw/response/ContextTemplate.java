package dev.apigw.response;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.apigw.template.MappingExpression;
import org.jspecify.annotations.Nullable;

/**
 * Text with {@code $context.x.y} and {@code $stageVariables.x} references (also written
 * {@code ${context.x}}), substituted by simple lookup, not VTL: what AWS does for gateway
 * response templates and access log formats. Parsed once; rendering is a walk over the
 * parts.
 */
public final class ContextTemplate {

	private static final Pattern REFERENCE = Pattern.compile(
			"\\$\\{(context|stageVariables)((?:\\.[A-Za-z0-9_:-]+)+)}|\\$(context|stageVariables)((?:\\.[A-Za-z0-9_:-]+)+)");

	private final String text;

	private final List<Part> parts;

	private ContextTemplate(String text, List<Part> parts) {
		this.text = text;
		this.parts = parts;
	}

	/**
	 * Parses a template.
	 * @param text the template text
	 * @return the template
	 */
	public static ContextTemplate parse(String text) {
		List<Part> parts = new ArrayList<>();
		Matcher matcher = REFERENCE.matcher(text);
		int last = 0;
		while (matcher.find()) {
			if (matcher.start() > last) {
				parts.add(new Part(text.substring(last, matcher.start()), null, null));
			}
			boolean braced = matcher.group(1) != null;
			String root = braced ? matcher.group(1) : matcher.group(3);
			String name = (braced ? matcher.group(2) : matcher.group(4)).substring(1);
			parts.add(new Part(null, root, name));
			last = matcher.end();
		}
		if (last < text.length()) {
			parts.add(new Part(text.substring(last), null, null));
		}
		return new ContextTemplate(text, List.copyOf(parts));
	}

	/**
	 * Renders the template.
	 * @param context {@code $context}
	 * @param stageVariables the stage variables
	 * @param missing what an unknown or {@code null} reference becomes
	 * @return the text
	 */
	public String render(Map<String, Object> context, Map<String, String> stageVariables, String missing) {
		StringBuilder out = new StringBuilder(this.text.length() + 64);
		for (Part part : this.parts) {
			if (part.literal() != null) {
				out.append(part.literal());
				continue;
			}
			String value = "context".equals(part.root()) ? MappingExpression.lookup(context, part.name())
					: stageVariables.get(part.name());
			out.append((value != null) ? value : missing);
		}
		return out.toString();
	}

	@Override
	public String toString() {
		return this.text;
	}

	private record Part(@Nullable String literal, @Nullable String root, @Nullable String name) {

	}

}
