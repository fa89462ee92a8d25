package dev.apigw.integration;

import java.nio.charset.StandardCharsets;

import dev.apigw.model.PathSegments;
import org.jspecify.annotations.Nullable;

import org.springframework.web.util.UriUtils;

/**
 * How values go into the {@code {name}} variables of an integration URI. A value is one
 * path segment: it can neither add a segment nor be read by the backend as {@code .} or
 * {@code ..}. Only a greedy ({@code {name+}}) value of the request path keeps its slashes,
 * passed on as the client sent it, as AWS does; the gateway refuses it when one of its
 * segments, decoded, is a dot segment.
 */
final class PathValues {

	/**
	 * How many times a greedy value is percent-decoded before its segments are checked:
	 * enough for {@code ..%2f}, {@code %2e%2e%2f}, {@code ..%252f} and {@code ..%25252f},
	 * whatever number of decodings the backend and the servers behind it apply.
	 */
	private static final int DECODINGS = 3;

	private PathValues() {
	}

	/**
	 * Encodes a decoded value (a query parameter, a header, a static value, an override) as
	 * one path segment: {@code /} becomes {@code %2F}, {@code %} becomes {@code %25}, and a
	 * value that is {@code .} or {@code ..} is sent as {@code %2E} or {@code %2E%2E}.
	 * @param value the decoded value
	 * @return the encoded segment
	 */
	static String segment(String value) {
		String dots = dotsEncoded(value);
		return (dots != null) ? dots : UriUtils.encodePathSegment(value, StandardCharsets.UTF_8);
	}

	/**
	 * Passes on a value of the request path that is one segment (a {@code {name}} path
	 * parameter): as the client sent it, still percent-encoded, except that a value that
	 * decodes to {@code .} or {@code ..} (the request path guard refuses those before) is
	 * sent as {@code %2E} or {@code %2E%2E}.
	 * @param raw the raw value
	 * @return the segment
	 */
	static String rawSegment(String raw) {
		String decoded = (raw.indexOf('%') >= 0) ? PathSegments.decode(raw) : raw;
		String dots = (decoded != null) ? dotsEncoded(decoded) : null;
		if (dots != null) {
			return dots;
		}
		return (raw.indexOf('/') >= 0) ? raw.replace("/", "%2F") : raw;
	}

	/**
	 * Whether a greedy value of the request path would walk out of the path it is put in:
	 * whether any of its segments, split at {@code /} and {@code \} after up to three
	 * percent-decodings, is {@code .} or {@code ..}.
	 * @param raw the raw greedy value
	 * @return {@code true} to refuse the request
	 */
	static boolean walksOut(String raw) {
		String text = raw;
		for (int i = 0; i < DECODINGS && text.indexOf('%') >= 0; i++) {
			String decoded = decodeAscii(text);
			if (decoded.equals(text)) {
				break;
			}
			text = decoded;
		}
		int start = 0;
		for (int i = 0; i <= text.length(); i++) {
			if (i == text.length() || text.charAt(i) == '/' || text.charAt(i) == '\\') {
				int length = i - start;
				if ((length == 1 || length == 2) && text.charAt(start) == '.' && text.charAt(i - 1) == '.') {
					return true;
				}
				start = i + 1;
			}
		}
		return false;
	}

	private static @Nullable String dotsEncoded(String value) {
		if (value.equals(".")) {
			return "%2E";
		}
		return value.equals("..") ? "%2E%2E" : null;
	}

	/**
	 * Decodes the escapes of ASCII characters, which are all a dot segment or a separator can
	 * be made of, and leaves every other escape, and every malformed one, as it is.
	 */
	private static String decodeAscii(String text) {
		StringBuilder out = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '%' && i + 2 < text.length()) {
				int high = Character.digit(text.charAt(i + 1), 16);
				int low = Character.digit(text.charAt(i + 2), 16);
				if (high >= 0 && high < 8 && low >= 0) {
					out.append((char) ((high << 4) + low));
					i += 2;
					continue;
				}
			}
			out.append(c);
		}
		return out.toString();
	}

}
