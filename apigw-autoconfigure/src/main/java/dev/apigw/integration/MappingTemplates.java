package dev.apigw.integration;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import dev.apigw.model.GatewayResponseType;
import dev.apigw.response.GatewayResponseException;
import dev.apigw.routing.ApiInvocation;
import dev.apigw.template.MappingTemplate;
import dev.apigw.template.TemplateEngine;
import dev.apigw.template.TemplateInput;
import dev.apigw.template.TemplateRenderException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;

/**
 * Renders the mapping templates of integration requests and responses with the sandboxed
 * Velocity {@link TemplateEngine}. Templates are compiled when a deployment is compiled
 * ({@link #compile}) and looked up by their text per request; a render that breaks the
 * sandbox or its budget ends the request with a 500 gateway response and a log line naming
 * the template.
 */
public final class MappingTemplates {

	private static final Log logger = LogFactory.getLog(MappingTemplates.class);

	private final TemplateEngine engine;

	private final ConcurrentMap<String, MappingTemplate> compiled = new ConcurrentHashMap<>();

	/**
	 * Creates the renderer.
	 * @param engine the template engine
	 */
	public MappingTemplates(TemplateEngine engine) {
		this.engine = engine;
	}

	/**
	 * Compiles a template once, so requests only render it.
	 * @param name names the template in messages (API, resource, method, content type)
	 * @param source the template text
	 * @throws dev.apigw.template.TemplateException when the template does not parse
	 */
	public void compile(String name, String source) {
		if (!this.compiled.containsKey(source)) {
			this.compiled.putIfAbsent(source, this.engine.compile(name, source));
		}
	}

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
		return render(template, body, invocation, exchange, "request " + contentType);
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
		return render(template, body, invocation, exchange, "response " + contentType);
	}

	private String render(String source, String body, ApiInvocation invocation, ServerWebExchange exchange,
			String what) {
		MappingTemplate template = this.compiled.get(source);
		if (template == null) {
			template = this.compiled.computeIfAbsent(source, (text) -> this.engine.compile(describe(invocation, what), text));
		}
		ServerHttpRequest request = exchange.getRequest();
		TemplateInput input = TemplateInput.builder()
			.body(body)
			.pathParams(invocation.pathParameters())
			.queryParams(lastValues(request.getQueryParams()))
			.headers(lastValues(request.getHeaders()))
			.context(invocation.context())
			.stageVariables(invocation.stage().stage().variables())
			.build();
		invocation.adoptOverrides(input.context());
		try {
			return template.render(input);
		}
		catch (TemplateRenderException ex) {
			logger.warn(exchange.getLogPrefix() + "Execution failed: mapping template " + template.name() + " ("
					+ describe(invocation, what) + "): " + ex.getMessage());
			throw new GatewayResponseException(GatewayResponseType.API_CONFIGURATION_ERROR);
		}
	}

	private static String describe(ApiInvocation invocation, String what) {
		return "API '" + invocation.stage().api().id() + "', resource '" + invocation.resourcePath() + "', method "
				+ invocation.httpMethod() + ", " + what;
	}

	private static Map<String, String> lastValues(Map<String, List<String>> values) {
		if (values.isEmpty()) {
			return Map.of();
		}
		Map<String, String> last = new LinkedHashMap<>();
		values.forEach((name, list) -> {
			if (!list.isEmpty()) {
				last.put(name, list.get(list.size() - 1));
			}
		});
		return last;
	}

	private static Map<String, String> lastValues(HttpHeaders headers) {
		Map<String, String> last = new LinkedHashMap<>();
		headers.forEach((name, list) -> {
			if (!list.isEmpty()) {
				last.put(name, list.get(list.size() - 1));
			}
		});
		return last;
	}

}
