package dev.apigw.routing;

import dev.apigw.model.Integration;
import dev.apigw.model.Method;

/**
 * A method as deployed to a stage: its definition and what was compiled for it once per
 * deployment (the integration's resolved target, mappings and templates).
 *
 * @param method the definition
 * @param resource the resource it belongs to
 * @param integration the compiled integration
 */
public record MethodRuntime(Method method, ResourceRuntime resource, CompiledIntegration integration) {

	/**
	 * The integration definition.
	 * @return the integration
	 */
	public Integration definition() {
		return this.integration.definition();
	}

}
