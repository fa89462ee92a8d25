package dev.apigw.definition;

import dev.apigw.model.Api;

/**
 * Loads an API from an OpenAPI file named in configuration
 * ({@code apigw.apis.<id>.openapi}).
 */
@FunctionalInterface
public interface OpenApiLoader {

	/**
	 * Loads and imports an OpenAPI document.
	 * @param apiId the API id
	 * @param location the document location (e.g. {@code classpath:petstore.yaml})
	 * @return the imported API
	 * @throws InvalidApiDefinitionException when the document cannot be read or is invalid
	 */
	Api load(String apiId, String location);

}
