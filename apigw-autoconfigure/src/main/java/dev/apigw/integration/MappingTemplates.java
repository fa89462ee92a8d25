package dev.apigw.integration;

import dev.apigw.routing.ApiInvocation;

import org.springframework.web.server.ServerWebExchange;

/**
 * Renders the mapping templates of integration requests and responses.
 */
public final class MappingTemplates {

	/**
	 * Renders the request template selected for a request.
	 * @param integration the integration
	 * @param contentType the content type the template was selected for
	 * @param template the template text
	 * @param body the request body
	 * @param invocation the invocation
	 * @param exchange the exchange
	 * @return the rendered payload
	 */
	public String renderRequest(CompiledIntegration integration, String contentType, String template, String body,
			ApiInvocation invocation, ServerWebExchange exchange) {
		return template;
	}

	/**
	 * Renders the response template selected for an integration response.
	 * @param integration the integration
	 * @param contentType the content type the template was selected for
	 * @param template the template text
	 * @param body the integration response body
	 * @param invocation the invocation
	 * @param exchange the exchange
	 * @return the rendered body
	 */
	public String renderResponse(CompiledIntegration integration, String contentType, String template, String body,
			ApiInvocation invocation, ServerWebExchange exchange) {
		return template;
	}

}
