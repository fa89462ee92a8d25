package dev.apigw.model;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Path helpers shared by resource definitions and request matching: splitting and checking
 * path templates, and checking raw request paths.
 */
public final class PathSegments {

	/**
	 * What a request is answered (400, with the {@code DEFAULT_4XX} gateway response) when its
	 * path, or a greedy path value put into an integration URI, has a dot segment.
	 */
	public static final String DOT_SEGMENTS = "Invalid path: dot segments are not allowed";

	private static final Pattern LITERAL = Pattern.compile("[A-Za-z0-9._\\-:@!$&'()*,;=~%]+");

	private static final Pattern VARIABLE = Pattern.compile("\\{[A-Za-z0-9._\\-]+\\+?}");

	private PathSegments() {
	}

	/**
	 * Splits and checks a resource path template.
	 * @param template the template, starting with {@code /}
	 * @return its segments; empty for the root resource {@code /}
	 * @throws IllegalArgumentException when the template is malformed
	 */
	public static String[] split(String template) {
		if (!template.startsWith("/")) {
			throw new IllegalArgumentException("A resource path must start with '/', but was '" + template + "'");
		}
		if (template.equals("/")) {
			return new String[0];
		}
		String body = template.endsWith("/") ? template.substring(1, template.length() - 1) : template.substring(1);
		String[] segments = body.split("/", -1);
		for (String segment : segments) {
			if (segment.isEmpty()) {
				throw new IllegalArgumentException("The resource path '" + template + "' has an empty segment");
			}
			if (!LITERAL.matcher(segment).matches() && !VARIABLE.matcher(segment).matches()) {
				throw new IllegalArgumentException("The resource path '" + template + "' has an invalid segment '"
						+ segment + "': use letters, digits and -._~:@!$&'()*,;=%, or a variable {name} / {name+}");
			}
			if (segment.equals(".") || segment.equals("..")) {
				throw new IllegalArgumentException(
						"The resource path '" + template + "' has a dot segment '" + segment + "'");
			}
		}
		return segments;
	}

	/**
	 * The variable names of a path template, in order.
	 * @param template the template
	 * @return the names (without braces or {@code +})
	 */
	public static List<String> variables(String template) {
		List<String> names = new ArrayList<>();
		for (String segment : split(template)) {
			if (isVariable(segment)) {
				names.add(variableName(segment));
			}
		}
		return names;
	}

	/**
	 * The greedy variable names of a path template ({@code proxy} for {@code /{proxy+}}).
	 * @param template the template
	 * @return the names (without braces or {@code +}); at most one, as only the last
	 * segment may be greedy
	 */
	public static List<String> greedyVariables(String template) {
		List<String> names = new ArrayList<>();
		for (String segment : split(template)) {
			if (isGreedy(segment)) {
				names.add(variableName(segment));
			}
		}
		return names;
	}

	static boolean isVariable(String segment) {
		return segment.length() > 2 && segment.charAt(0) == '{' && segment.charAt(segment.length() - 1) == '}';
	}

	static boolean isGreedy(String segment) {
		return isVariable(segment) && segment.charAt(segment.length() - 2) == '+';
	}

	static String variableName(String segment) {
		int end = segment.length() - (isGreedy(segment) ? 2 : 1);
		return segment.substring(1, end);
	}

	/**
	 * The request path segment as literal resources are compared with it: percent-decoded
	 * when it contains escapes, so {@code /pe%74s} reaches {@code /pets}.
	 */
	static String decodeForMatching(String path, int start, int end) {
		String segment = path.substring(start, end);
		if (segment.indexOf('%') < 0) {
			return segment;
		}
		String decoded = decode(segment);
		return (decoded != null) ? decoded : segment;
	}

	/**
	 * Finds why a raw request path cannot be served: a malformed percent escape, or a dot
	 * segment ({@code .} or {@code ..}, also when escaped) that could walk out of a proxied
	 * path.
	 * @param rawPath the raw request path
	 * @return a description of the problem, or {@code null} when the path is acceptable
	 */
	public static @Nullable String problem(String rawPath) {
		int length = rawPath.length();
		int segmentStart = 0;
		for (int i = 0; i <= length; i++) {
			if (i == length || rawPath.charAt(i) == '/') {
				if (isDotSegment(rawPath, segmentStart, i)) {
					return DOT_SEGMENTS;
				}
				segmentStart = i + 1;
			}
			else if (rawPath.charAt(i) == '%') {
				if (i + 2 >= length || Character.digit(rawPath.charAt(i + 1), 16) < 0
						|| Character.digit(rawPath.charAt(i + 2), 16) < 0) {
					return "Invalid path: malformed percent-encoding";
				}
			}
		}
		return null;
	}

	private static boolean isDotSegment(String path, int start, int end) {
		String segment = path.substring(start, end);
		if (segment.isEmpty() || segment.length() > 6) {
			return false;
		}
		String decoded = segment.indexOf('%') >= 0 ? decode(segment) : segment;
		return ".".equals(decoded) || "..".equals(decoded);
	}

	/**
	 * Percent-decodes a path segment ({@code +} stays {@code +}).
	 * @param segment the raw segment
	 * @return the decoded text, or {@code null} when the escapes are malformed or not UTF-8
	 */
	public static @Nullable String decode(String segment) {
		byte[] bytes = new byte[segment.length()];
		int count = 0;
		for (int i = 0; i < segment.length(); i++) {
			char c = segment.charAt(i);
			if (c == '%') {
				if (i + 2 >= segment.length()) {
					return null;
				}
				int high = Character.digit(segment.charAt(i + 1), 16);
				int low = Character.digit(segment.charAt(i + 2), 16);
				if (high < 0 || low < 0) {
					return null;
				}
				bytes[count++] = (byte) ((high << 4) + low);
				i += 2;
			}
			else if (c < 0x80) {
				bytes[count++] = (byte) c;
			}
			else {
				byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
				if (count + encoded.length > bytes.length) {
					bytes = java.util.Arrays.copyOf(bytes, bytes.length + encoded.length + 8);
				}
				System.arraycopy(encoded, 0, bytes, count, encoded.length);
				count += encoded.length;
			}
		}
		return new String(bytes, 0, count, StandardCharsets.UTF_8);
	}

}
