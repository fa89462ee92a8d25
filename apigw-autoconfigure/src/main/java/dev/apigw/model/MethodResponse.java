package dev.apigw.model;

import java.util.Map;

/**
 * A response a method declares: its status code, the headers it may carry
 * ({@code method.response.header.X} to whether it is required) and its models by content
 * type.
 *
 * @param statusCode the status code, e.g. {@code "200"}
 * @param responseParameters declared headers
 * @param responseModels content type to model name
 */
public record MethodResponse(String statusCode, Map<String, Boolean> responseParameters,
		Map<String, String> responseModels) {

	public MethodResponse {
		responseParameters = Copies.map(responseParameters);
		responseModels = Copies.map(responseModels);
	}

	/**
	 * A response with no declared headers or models.
	 * @param statusCode the status code
	 * @return the response
	 */
	public static MethodResponse of(String statusCode) {
		return new MethodResponse(statusCode, Map.of(), Map.of());
	}

}
