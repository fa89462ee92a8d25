package dev.apigw.integration;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.apigw.model.GatewayResponseType;
import dev.apigw.response.GatewayResponseException;
import dev.apigw.routing.ApiInvocation;
import dev.apigw.template.MappingTemplate;
import dev.apigw.template.RenderRejectedException;
import dev.apigw.template.TemplateInput;
import dev.apigw.template.TemplateRenderException;
import dev.apigw.template.TemplateRenderer;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;

/**
 * Renders the mapping templates of integration requests and responses (compiled with their
 * deployment, see {@link CompiledIntegration}) for a request, through the
 * {@link TemplateRenderer} that keeps expensive renders off the event loops. A render that
 * breaks the sandbox or its budget ends the request with a 500 gateway response and a log line
 * naming the template; a render refused because the render threads are saturated ends it with
 * a 429 ({@code THROTTLED}).
 */
public final class MappingTemplates {

	private static final Log logger = LogFactory.getLog(MappingTemplates.class);

	private final TemplateRenderer renderer;

	/**
	 * Creates the renderer.
	 * @param renderer decides where templates render
	 */
	public MappingTemplates(TemplateRenderer renderer) {
		this.renderer = renderer;
	}

	/**
	 * Renders a request or response template for a request. What the template writes into
	 * {@code $context.requestOverride} and {@code $context.responseOverride} becomes the
	 * invocation's once the render has finished.
	 * @param template the template
	 * @param body the request body, or the integration response body
	 * @param invocation the invocation
	 * @param exchange the exchange
	 * @return the rendered text; a {@link GatewayResponseException} when the render fails or is
	 * refused
	 */
	public Mono<String> render(MappingTemplate template, String body, ApiInvocation invocation,
			ServerWebExchange exchange) {
		return this.renderer.render(template, () -> input(body, invocation, exchange)).map((rendered) -> {
			invocation.adoptOverrides(rendered.input().context());
			return rendered.output();
		}).onErrorMap(TemplateRenderException.class, (ex) -> {
			// the summary leaves out what the request may have put into the failure's message
			logger.warn(exchange.getLogPrefix() + "Execution failed: " + ex.summary());
			if (logger.isDebugEnabled()) {
				logger.debug(exchange.getLogPrefix() + "Execution failed: " + ex.getMessage());
			}
			return new GatewayResponseException(GatewayResponseType.API_CONFIGURATION_ERROR);
		}).onErrorMap(RenderRejectedException.class,
				(ex) -> new GatewayResponseException(GatewayResponseType.THROTTLED));
	}

	private static TemplateInput input(String body, ApiInvocation invocation, ServerWebExchange exchange) {
		ServerHttpRequest request = exchange.getRequest();
		return TemplateInput.builder()
			.body(body)
			.pathParams(invocation.pathParameters())
			.queryParams(lastValues(request.getQueryParams()))
			.headers(lastValues(request.getHeaders()))
			.context(invocation.context())
			.stageVariables(invocation.stage().stage().variables())
			.build();
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
