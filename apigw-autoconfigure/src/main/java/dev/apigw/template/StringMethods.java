package dev.apigw.template;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The {@code String} methods whose JDK versions could run or allocate without bound, re-done
 * within the render's budget: regular expressions run over a {@link CharSequence} that checks the
 * deadline (catastrophic backtracking then ends with the render), and results are built in a
 * {@link ValueRenderer.Sink} that stops at the allocation budget. Semantics are the JDK's.
 */
final class StringMethods {

	/** Worst-case character comparisons allowed for one naive substring search. */
	static final long MAX_SEARCH_WORK = 1L << 28;

	private static final int PATTERN_CACHE_SIZE = 256;

	private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

	private StringMethods() {
	}

	static String replaceAll(String text, String regex, String replacement) {
		return replace(text, pattern(regex), replacement, true);
	}

	static String replaceFirst(String text, String regex, String replacement) {
		return replace(text, pattern(regex), replacement, false);
	}

	static boolean matches(String text, String regex) {
		return pattern(regex).matcher(guarded(text)).matches();
	}

	/** {@code String.split(regex, limit)}, piece by piece within budget. */
	static GuardedList split(String text, String regex, int limit) {
		GuardedList parts = new GuardedList();
		if (text.isEmpty()) {
			add(parts, text);
			return parts;
		}
		Matcher matcher = pattern(regex).matcher(guarded(text));
		int index = 0;
		boolean limited = limit > 0;
		while (matcher.find()) {
			if (limited && parts.size() >= limit - 1) {
				break;
			}
			if (index == 0 && matcher.start() == 0 && matcher.start() == matcher.end()) {
				// a zero-width match at the beginning never yields a leading empty string
				continue;
			}
			add(parts, text.substring(index, matcher.start()));
			index = matcher.end();
		}
		if (index == 0 && parts.isEmpty()) {
			add(parts, text);
			return parts;
		}
		add(parts, text.substring(index));
		if (limit == 0) {
			int size = parts.size();
			while (size > 0 && "".equals(parts.get(size - 1))) {
				parts.remove(--size);
			}
		}
		return parts;
	}

	/** {@code String.replace(CharSequence, CharSequence)} within budget. */
	static String replaceLiteral(String text, String target, String replacement) {
		checkSearch(text, target);
		if (target.isEmpty()) {
			ValueRenderer.Sink sink = ValueRenderer.Sink.forCurrentRender();
			sink.append(replacement);
			for (int i = 0; i < text.length(); i++) {
				sink.append(text.charAt(i));
				sink.append(replacement);
			}
			return sink.finish();
		}
		int found = text.indexOf(target);
		if (found < 0) {
			return text;
		}
		ValueRenderer.Sink sink = ValueRenderer.Sink.forCurrentRender();
		int start = 0;
		while (found >= 0) {
			sink.append(text, start, found);
			sink.append(replacement);
			start = found + target.length();
			found = text.indexOf(target, start);
		}
		sink.append(text, start, text.length());
		return sink.finish();
	}

	/** {@code String.join}, within budget. */
	static String join(String delimiter, Iterable<?> elements) {
		ValueRenderer.Sink sink = ValueRenderer.Sink.forCurrentRender();
		boolean first = true;
		for (Object element : elements) {
			if (!first) {
				sink.append(delimiter);
			}
			first = false;
			sink.append(String.valueOf(element));
		}
		return sink.finish();
	}

	static String repeat(String text, int count) {
		checkGrowth((long) text.length() * Math.max(count, 0));
		return text.repeat(count);
	}

	static void checkGrowth(long chars) {
		RenderState state = RenderState.current();
		if (state != null && !state.canAllocate(chars)) {
			throw state.fail("would build a string of " + chars + " characters, over the remaining budget");
		}
	}

	/** Rejects substring searches whose naive worst case is too expensive. */
	static void checkSearch(String text, @Nullable Object needle) {
		if (needle instanceof CharSequence sequence
				&& (long) text.length() * sequence.length() > MAX_SEARCH_WORK) {
			throw RenderState.violation("searching a " + text.length() + "-character string for a "
					+ sequence.length() + "-character one is too expensive");
		}
	}

	private static void add(GuardedList parts, String part) {
		RenderState.allocateCurrent(part.length());
		parts.add(part);
	}

	private static String replace(String text, Pattern pattern, String replacement, boolean all) {
		Matcher matcher = pattern.matcher(guarded(text));
		if (!matcher.find()) {
			return text;
		}
		RenderState state = RenderState.current();
		long cap = (state != null) ? state.remainingAllocation() : Long.MAX_VALUE;
		StringBuilder out = new StringBuilder(text.length() + 16);
		do {
			matcher.appendReplacement(out, replacement);
			if (out.length() > cap) {
				throw RenderState.violation("replaceAll result exceeds the remaining budget");
			}
		}
		while (all && matcher.find());
		matcher.appendTail(out);
		String result = out.toString();
		RenderState.allocateCurrent(result.length());
		return result;
	}

	private static Pattern pattern(String regex) {
		Pattern pattern = PATTERNS.get(regex);
		if (pattern == null) {
			RenderState.allocateCurrent(regex.length());
			pattern = Pattern.compile(regex);
			if (PATTERNS.size() >= PATTERN_CACHE_SIZE) {
				PATTERNS.clear();
			}
			PATTERNS.put(regex, pattern);
		}
		return pattern;
	}

	private static CharSequence guarded(String text) {
		RenderState state = RenderState.current();
		return (state != null) ? new DeadlineCharSequence(text, state) : text;
	}

	/** The text a regular expression runs over: reading it now and then checks the deadline. */
	private static final class DeadlineCharSequence implements CharSequence {

		private final String text;

		private final RenderState state;

		private int reads;

		DeadlineCharSequence(String text, RenderState state) {
			this.text = text;
			this.state = state;
		}

		@Override
		public int length() {
			return this.text.length();
		}

		@Override
		public char charAt(int index) {
			if ((++this.reads & 0x3FF) == 0) {
				this.state.checkDeadline();
			}
			return this.text.charAt(index);
		}

		@Override
		public CharSequence subSequence(int start, int end) {
			return this.text.substring(start, end);
		}

		@Override
		public String toString() {
			return this.text;
		}

	}

}
