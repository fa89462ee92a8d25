package dev.apigw.definition;

import java.util.List;

import dev.apigw.definition.InvalidApiDefinitionException.Problem;
import dev.apigw.model.Api;

/**
 * Checks a complete, merged API definition for what only a feature knows (for example that
 * every Lambda function an integration names is registered). Beans of this type run at
 * start-up after the built-in checks; their problems are reported together with all others.
 */
@FunctionalInterface
public interface ApiDefinitionValidator {

	/**
	 * Validates an API.
	 * @param api the API, merged from every source that defines it
	 * @return the problems found, empty when the API is valid
	 */
	List<Problem> validate(Api api);

}
