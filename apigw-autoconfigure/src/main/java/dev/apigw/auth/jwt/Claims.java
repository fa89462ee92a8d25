package dev.apigw.auth.jwt;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Claims as {@code $context.authorizer.claims} shows them: every value a string; times
 * AWS converts ({@code exp}, {@code iat}) in Java's {@code Date.toString()} form
 * ({@code Thu Jan 21 19:00:49 UTC 2021}), other numbers as they are, lists of one value as
 * that value and longer lists comma-separated.
 */
final class Claims {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss zzz yyyy", Locale.US)
		.withZone(ZoneId.of("UTC"));

	private Claims() {
	}

	static Map<String, Object> of(Map<String, Object> claims) {
		Map<String, Object> strings = new LinkedHashMap<>();
		claims.forEach((name, value) -> strings.put(name, text(value)));
		return strings;
	}

	private static String text(Object value) {
		if (value instanceof Instant instant) {
			return DATE.format(instant);
		}
		if (value instanceof Collection<?> values) {
			return values.stream().map(Claims::text).collect(Collectors.joining(","));
		}
		return String.valueOf(value);
	}

}
