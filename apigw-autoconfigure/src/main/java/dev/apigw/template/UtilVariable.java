package dev.apigw.template;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.jspecify.annotations.Nullable;

/**
 * {@code $util}: AWS's helper functions. Arguments that are not strings are first printed the way
 * a reference prints them; {@code null} gives {@code null} (which prints as nothing).
 */
final class UtilVariable implements TemplateVariable {

	static final UtilVariable INSTANCE = new UtilVariable();

	private static final char[] HEX = "0123456789ABCDEF".toCharArray();

	private UtilVariable() {
	}

	/**
	 * commons-lang 2 {@code StringEscapeUtils.escapeJavaScript}, which AWS uses: {@code "} {@code \}
	 * {@code '} and {@code /} are backslash-escaped, {@code \b \t \n \f \r} get their short escapes,
	 * other control characters and everything above U+007E except DEL become "backslash-u" escapes ({@code &#92;u00E9}).
	 */
	@Nullable String escapeJavaScript(@Nullable Object value) {
		if (value == null) {
			return null;
		}
		String text = ValueRenderer.render(value);
		int first = 0;
		int length = text.length();
		while (first < length && !needsEscape(text.charAt(first))) {
			first++;
		}
		if (first == length) {
			return text;
		}
		RenderState state = RenderState.current();
		long cap = (state != null) ? state.remainingAllocation() : Long.MAX_VALUE;
		StringBuilder out = new StringBuilder(length + 16);
		out.append(text, 0, first);
		for (int i = first; i < length; i++) {
			char ch = text.charAt(i);
			if (ch > 0x7F) {
				unicode(out, ch);
			}
			else if (ch < 32) {
				switch (ch) {
					case '\b' -> out.append("\\b");
					case '\n' -> out.append("\\n");
					case '\t' -> out.append("\\t");
					case '\f' -> out.append("\\f");
					case '\r' -> out.append("\\r");
					default -> unicode(out, ch);
				}
			}
			else {
				switch (ch) {
					case '\'' -> out.append("\\'");
					case '"' -> out.append("\\\"");
					case '\\' -> out.append("\\\\");
					case '/' -> out.append("\\/");
					default -> out.append(ch);
				}
			}
			if ((i & 0xFFF) == 0 && out.length() > cap) {
				throw RenderState.violation("escapeJavaScript result exceeds the remaining budget");
			}
		}
		return charged(out.toString());
	}

	private static boolean needsEscape(char ch) {
		return ch > 0x7F || ch < 32 || ch == '\'' || ch == '"' || ch == '\\' || ch == '/';
	}

	private static void unicode(StringBuilder out, char ch) {
		out.append("\\u").append(HEX[(ch >> 12) & 0xF]).append(HEX[(ch >> 8) & 0xF]).append(HEX[(ch >> 4) & 0xF])
			.append(HEX[ch & 0xF]);
	}

	/**
	 * Parses stringified JSON into maps, JSON arrays and scalars; {@code null} when it is not JSON.
	 */
	@Nullable Object parseJson(@Nullable Object value) {
		if (value == null) {
			return null;
		}
		String text = ValueRenderer.render(value);
		RenderState.allocateCurrent(text.length());
		Object parsed = JsonSupport.parse(text, false);
		return (parsed == JsonSupport.NOT_JSON) ? null : parsed;
	}

	/** {@code application/x-www-form-urlencoded} encoding (UTF-8), as {@code java.net.URLEncoder}. */
	@Nullable String urlEncode(@Nullable Object value) {
		return (value != null) ? charged(URLEncoder.encode(ValueRenderer.render(value), StandardCharsets.UTF_8))
				: null;
	}

	/** Form decoding (UTF-8), as {@code java.net.URLDecoder}; malformed escapes fail the render. */
	@Nullable String urlDecode(@Nullable Object value) {
		return (value != null) ? charged(URLDecoder.decode(ValueRenderer.render(value), StandardCharsets.UTF_8))
				: null;
	}

	/** Standard base64 of the UTF-8 bytes. */
	@Nullable String base64Encode(@Nullable Object value) {
		if (value == null) {
			return null;
		}
		byte[] bytes = ValueRenderer.render(value).getBytes(StandardCharsets.UTF_8);
		RenderState.allocateCurrent(bytes.length * 2L);
		return charged(Base64.getEncoder().encodeToString(bytes));
	}

	/** Decodes base64 (characters outside the alphabet are skipped) and reads the bytes as UTF-8. */
	@Nullable String base64Decode(@Nullable Object value) {
		if (value == null) {
			return null;
		}
		byte[] bytes = Base64.getMimeDecoder().decode(ValueRenderer.render(value));
		return charged(new String(bytes, StandardCharsets.UTF_8));
	}

	private static String charged(String result) {
		RenderState.allocateCurrent(result.length());
		return result;
	}

	@Override
	public String toString() {
		return "";
	}

}
