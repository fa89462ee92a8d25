package dev.apigw.template;

import java.lang.reflect.Array;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;

import net.minidev.json.JSONArray;
import org.jspecify.annotations.Nullable;

/**
 * Turns template values into text exactly as AWS prints them, within the render's budget.
 *
 * <p>AWS's engine is Java: maps print as {@code Map.toString()} ({@code {a=b, c=d}}), lists built by
 * the template as {@code [a, b]}, and JSON arrays from {@code $input.path} as compact JSON, the way
 * json-smart's {@code JSONArray.toString()} writes them ({@code /} escaped as {@code \/}). The JDK's
 * own {@code toString()} would be unbounded (a list holding the same big string a thousand times, or
 * a cycle), so this class re-implements those formats against a character budget and a depth limit.
 */
final class ValueRenderer {

	private static final int MAX_DEPTH = 256;

	private static final char[] HEX = "0123456789ABCDEF".toCharArray();

	private ValueRenderer() {
	}

	/**
	 * Renders a value the way a {@code $reference} prints: {@code null} and values AWS shows as
	 * {@code null} print nothing.
	 */
	static String render(@Nullable Object value) {
		if (value instanceof String string) {
			return string;
		}
		if (value == null || value instanceof QuietMap || value instanceof TemplateVariable) {
			return "";
		}
		if (value instanceof Number || value instanceof Boolean || value instanceof Character) {
			return value.toString();
		}
		Sink sink = Sink.forCurrentRender();
		appendPlain(sink, value, 0);
		return sink.finish();
	}

	/** Compact JSON as {@code $input.json} and json-smart's {@code JSONValue.toJSONString} write it. */
	static String json(@Nullable Object value) {
		if (value == null) {
			return "null";
		}
		Sink sink = Sink.forCurrentRender();
		appendJson(sink, value, 0);
		return sink.finish();
	}

	/** {@code toString()} of the template's own collection classes. */
	static String toStringOf(Object container) {
		Sink sink = Sink.forCurrentRender();
		appendPlain(sink, container, 0);
		return sink.finish();
	}

	private static void appendPlain(Sink sink, @Nullable Object value, int depth) {
		if (value == null) {
			sink.append("null");
		}
		else if (value instanceof String string) {
			sink.append(string);
		}
		else if (value instanceof JSONArray) {
			appendJson(sink, value, depth);
		}
		else if (value instanceof Map<?, ?> map) {
			appendMap(sink, map, depth);
		}
		else if (value instanceof Collection<?> collection) {
			appendCollection(sink, collection, depth);
		}
		else if (value instanceof Map.Entry<?, ?> entry) {
			checkDepth(depth);
			appendPlain(sink, entry.getKey(), depth + 1);
			sink.append('=');
			appendPlain(sink, entry.getValue(), depth + 1);
		}
		else if (value.getClass().isArray()) {
			appendArray(sink, value, depth);
		}
		else if (value instanceof TemplateVariable) {
			sink.append("");
		}
		else {
			sink.append(String.valueOf(value));
		}
	}

	private static void appendMap(Sink sink, Map<?, ?> map, int depth) {
		checkDepth(depth);
		sink.append('{');
		boolean first = true;
		for (Map.Entry<?, ?> entry : map.entrySet()) {
			if (!first) {
				sink.append(", ");
			}
			first = false;
			Object key = entry.getKey();
			Object value = entry.getValue();
			if (key == map) {
				sink.append("(this Map)");
			}
			else {
				appendPlain(sink, key, depth + 1);
			}
			sink.append('=');
			if (value == map) {
				sink.append("(this Map)");
			}
			else {
				appendPlain(sink, value, depth + 1);
			}
		}
		sink.append('}');
	}

	private static void appendCollection(Sink sink, Collection<?> collection, int depth) {
		checkDepth(depth);
		sink.append('[');
		boolean first = true;
		for (Object element : collection) {
			if (!first) {
				sink.append(", ");
			}
			first = false;
			if (element == collection) {
				sink.append("(this Collection)");
			}
			else {
				appendPlain(sink, element, depth + 1);
			}
		}
		sink.append(']');
	}

	private static void appendArray(Sink sink, Object array, int depth) {
		checkDepth(depth);
		sink.append('[');
		int length = Array.getLength(array);
		for (int i = 0; i < length; i++) {
			if (i > 0) {
				sink.append(", ");
			}
			appendPlain(sink, Array.get(array, i), depth + 1);
		}
		sink.append(']');
	}

	private static void appendJson(Sink sink, @Nullable Object value, int depth) {
		if (value == null) {
			sink.append("null");
		}
		else if (value instanceof String string) {
			appendJsonString(sink, string);
		}
		else if (value instanceof Double || value instanceof Float) {
			double d = ((Number) value).doubleValue();
			sink.append(Double.isInfinite(d) ? "null" : value.toString());
		}
		else if (value instanceof Number || value instanceof Boolean) {
			sink.append(value.toString());
		}
		else if (value instanceof Map<?, ?> map) {
			checkDepth(depth);
			sink.append('{');
			boolean first = true;
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				if (!first) {
					sink.append(',');
				}
				first = false;
				appendJsonString(sink, String.valueOf(entry.getKey()));
				sink.append(':');
				appendJson(sink, entry.getValue(), depth + 1);
			}
			sink.append('}');
		}
		else if (value instanceof Iterable<?> iterable) {
			checkDepth(depth);
			sink.append('[');
			boolean first = true;
			for (Iterator<?> it = iterable.iterator(); it.hasNext();) {
				if (!first) {
					sink.append(',');
				}
				first = false;
				appendJson(sink, it.next(), depth + 1);
			}
			sink.append(']');
		}
		else if (value.getClass().isArray()) {
			checkDepth(depth);
			sink.append('[');
			int length = Array.getLength(value);
			for (int i = 0; i < length; i++) {
				if (i > 0) {
					sink.append(',');
				}
				appendJson(sink, Array.get(value, i), depth + 1);
			}
			sink.append(']');
		}
		else {
			// json-smart writes other objects as beans; none the template can reach has a public getter
			sink.append("{}");
		}
	}

	/** A JSON string as json-smart's default style writes it: {@code /} and C1/U+20xx escaped too. */
	static void appendJsonString(Sink sink, String value) {
		sink.append('"');
		int start = 0;
		int length = value.length();
		for (int i = 0; i < length; i++) {
			char ch = value.charAt(i);
			String escape = switch (ch) {
				case '"' -> "\\\"";
				case '\\' -> "\\\\";
				case '/' -> "\\/";
				case '\b' -> "\\b";
				case '\f' -> "\\f";
				case '\n' -> "\\n";
				case '\r' -> "\\r";
				case '\t' -> "\\t";
				default -> null;
			};
			boolean unicode = escape == null && (ch <= 0x1F || (ch >= 0x7F && ch <= 0x9F)
					|| (ch >= 0x2000 && ch <= 0x20FF));
			if (escape == null && !unicode) {
				continue;
			}
			sink.append(value, start, i);
			if (unicode) {
				sink.append("\\u");
				sink.append(HEX[(ch >> 12) & 0xF]);
				sink.append(HEX[(ch >> 8) & 0xF]);
				sink.append(HEX[(ch >> 4) & 0xF]);
				sink.append(HEX[ch & 0xF]);
			}
			else {
				sink.append(escape);
			}
			start = i + 1;
		}
		sink.append(value, start, length);
		sink.append('"');
	}

	private static void checkDepth(int depth) {
		RenderState.tickCurrent();
		if (depth > MAX_DEPTH) {
			throw RenderState.violation("printed a value nested more than " + MAX_DEPTH + " levels deep (or cyclic)");
		}
	}

	/** A string builder that stops at the render's remaining budget. */
	static final class Sink {

		private final StringBuilder builder = new StringBuilder(32);

		private final long cap;

		private final @Nullable RenderState state;

		private Sink(@Nullable RenderState state) {
			this.state = state;
			this.cap = (state != null) ? state.remainingAllocation() : Integer.MAX_VALUE - 16;
		}

		static Sink forCurrentRender() {
			return new Sink(RenderState.current());
		}

		void append(String text) {
			this.builder.append(text);
			check();
		}

		void append(String text, int start, int end) {
			this.builder.append(text, start, end);
			check();
		}

		void append(char ch) {
			this.builder.append(ch);
			check();
		}

		private void check() {
			if (this.builder.length() > this.cap) {
				throw RenderState.violation("built a string longer than its remaining budget of " + this.cap
						+ " characters");
			}
		}

		String finish() {
			if (this.state != null) {
				this.state.allocate(this.builder.length());
			}
			return this.builder.toString();
		}

	}

}
