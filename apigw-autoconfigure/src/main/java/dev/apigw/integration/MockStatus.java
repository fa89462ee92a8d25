package dev.apigw.integration;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Reads the status code from a MOCK integration's request payload, as AWS does: the
 * {@code statusCode} member must be an integer ({@code {"statusCode": 200}}, also with the
 * unquoted key {@code {statusCode: 200}} that CDK emits).
 */
final class MockStatus {

	private static final Pattern STATUS = Pattern
		.compile("^\\s*\\{.*?[\"']?statusCode[\"']?\\s*:\\s*(-?\\d+)\\s*(?:[,}\\s]).*$", Pattern.DOTALL);

	private MockStatus() {
	}

	/**
	 * Extracts the status code.
	 * @param payload the rendered request template or passed-through body
	 * @return the status, or {@code null} when there is no integer statusCode
	 */
	static @Nullable Integer of(@Nullable String payload) {
		if (payload == null) {
			return null;
		}
		Matcher matcher = STATUS.matcher(payload);
		if (!matcher.matches()) {
			return null;
		}
		try {
			return Integer.valueOf(matcher.group(1));
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
