package dev.apigw.response;

import java.util.Map;

import dev.apigw.routing.ApiInvocation;

import org.springframework.http.HttpHeaders;

/**
 * Applies {@code $context.responseOverride} as templates left it: a status (an integer
 * from 100 to 599, else ignored, as AWS does) and headers.
 */
final class ResponseOverrides {

	private ResponseOverrides() {
	}

	/**
	 * Applies the overrides.
	 * @param invocation the invocation whose templates may have written overrides
	 * @param status the status before overrides
	 * @param headers the headers to override
	 * @return the status to send
	 */
	static int apply(ApiInvocation invocation, int status, HttpHeaders headers) {
		Map<String, Object> override = invocation.responseOverride();
		if (override.get("header") instanceof Map<?, ?> overriddenHeaders) {
			overriddenHeaders.forEach((name, value) -> {
				if (name != null && value != null) {
					headers.set(String.valueOf(name), String.valueOf(value));
				}
			});
		}
		Object overriddenStatus = override.get("status");
		Integer value = null;
		if (overriddenStatus instanceof Number number && number.doubleValue() == number.intValue()) {
			value = number.intValue();
		}
		else if (overriddenStatus instanceof String text && text.matches("\\d{3}")) {
			value = Integer.valueOf(text);
		}
		return (value != null && value >= 100 && value <= 599) ? value : status;
	}

}
