package dev.apigw.definition;

import java.util.List;

import dev.apigw.model.Api;

/**
 * A source of API definitions: application properties, annotated beans, OpenAPI files, or
 * a user's own bean. Every source yields the same immutable model; definitions with the
 * same id from several sources are merged, and conflicts fail start-up.
 */
@FunctionalInterface
public interface ApiDefinitionSource {

	/**
	 * The APIs this source defines.
	 * @return the APIs
	 * @throws InvalidApiDefinitionException when a definition is invalid
	 */
	List<Api> apis();

}
