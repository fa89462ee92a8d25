package dev.apigw.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A definite JSONPath made only of property names and non-negative indexes ({@code $},
 * {@code $.a.b}, {@code $.items[0].sku}): walked directly rather than through Jayway, which gives
 * the same result (the node itself, or nothing when a step is missing) at a fraction of the cost.
 * Such paths are most of what templates use.
 */
final class SimplePath {

	private final Object[] steps;

	private SimplePath(Object[] steps) {
		this.steps = steps;
	}

	/** The path as steps (a {@code String} key or an {@code Integer} index), or {@code null}. */
	static @Nullable SimplePath parse(String path) {
		String rest;
		if (path.equals("$")) {
			return new SimplePath(new Object[0]);
		}
		if (path.startsWith("$.")) {
			rest = path.substring(2);
		}
		else if (!path.isEmpty() && Character.isLetter(path.charAt(0))) {
			rest = path;
		}
		else {
			return null;
		}
		if (rest.isEmpty()) {
			return null;
		}
		ArrayList<Object> steps = new ArrayList<>();
		int i = 0;
		int n = rest.length();
		while (i < n) {
			int start = i;
			while (i < n && isNameChar(rest.charAt(i))) {
				i++;
			}
			if (i == start) {
				return null;
			}
			steps.add(rest.substring(start, i));
			while (i < n && rest.charAt(i) == '[') {
				int close = rest.indexOf(']', i);
				if (close < 0 || close == i + 1 || close - i > 10) {
					return null;
				}
				for (int d = i + 1; d < close; d++) {
					if (rest.charAt(d) < '0' || rest.charAt(d) > '9') {
						return null;
					}
				}
				steps.add(Integer.valueOf(rest.substring(i + 1, close)));
				i = close + 1;
			}
			if (i < n) {
				if (rest.charAt(i) != '.' || i + 1 == n) {
					return null;
				}
				i++;
			}
		}
		return new SimplePath(steps.toArray());
	}

	private static boolean isNameChar(char ch) {
		return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '_';
	}

	@Nullable Object read(@Nullable Object document) {
		Object current = document;
		for (Object step : this.steps) {
			if (step instanceof String key && current instanceof Map<?, ?> map) {
				current = map.get(key);
			}
			else if (step instanceof Integer index && current instanceof List<?> list && index < list.size()) {
				current = list.get(index);
			}
			else {
				return null;
			}
		}
		return current;
	}

}
