package dev.apigw.integration;

import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;

/**
 * What a non-proxy integration answered, before the integration response maps it: a
 * status (or a Lambda error message), headers and the body.
 *
 * @param status the backend status code
 * @param headers the backend headers
 * @param body the body bytes
 * @param errorMessage the Lambda {@code errorMessage} for failed Lambda invocations,
 * {@code null} otherwise
 */
public record IntegrationResult(int status, HttpHeaders headers, byte[] body, @Nullable String errorMessage) {

	/**
	 * A result with a status and nothing else, as a MOCK integration produces.
	 * @param status the status
	 * @return the result
	 */
	public static IntegrationResult status(int status) {
		return new IntegrationResult(status, new HttpHeaders(), new byte[0], null);
	}

	/**
	 * The body as UTF-8 text.
	 * @return the text
	 */
	public String bodyText() {
		return new String(this.body, StandardCharsets.UTF_8);
	}

}
