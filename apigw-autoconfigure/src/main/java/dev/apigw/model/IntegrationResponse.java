package dev.apigw.model;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * How an integration's result becomes the method response: which results it applies to
 * (a Java regular expression matched in full against the backend status, or against a
 * Lambda {@code errorMessage}), the status code to answer with, header mappings and body
 * templates.
 *
 * @param selectionPattern the regular expression; {@code null} or empty for the default
 * response
 * @param statusCode the method response status code, e.g. {@code "200"}
 * @param responseParameters {@code method.response.header.X} to a source expression
 * ({@code integration.response.header.Y}, {@code integration.response.body.JSONPath},
 * {@code 'static'}, {@code stageVariables.V}, {@code context.V})
 * @param responseTemplates content type to mapping template, in definition order
 * @param contentHandling conversion of the body, {@code null} for passthrough
 */
public record IntegrationResponse(@Nullable String selectionPattern, String statusCode,
		Map<String, String> responseParameters, Map<String, String> responseTemplates,
		@Nullable ContentHandling contentHandling) {

	public IntegrationResponse {
		responseParameters = Copies.map(responseParameters);
		responseTemplates = Copies.map(responseTemplates);
	}

	/**
	 * A response without mappings.
	 * @param selectionPattern the pattern, {@code null} for the default response
	 * @param statusCode the status code
	 * @return the response
	 */
	public static IntegrationResponse of(@Nullable String selectionPattern, String statusCode) {
		return new IntegrationResponse(selectionPattern, statusCode, Map.of(), Map.of(), null);
	}

	/**
	 * Whether this is the default response, used when no pattern matches.
	 * @return {@code true} when the selection pattern is absent or empty
	 */
	public boolean isDefault() {
		return this.selectionPattern == null || this.selectionPattern.isEmpty();
	}

}
