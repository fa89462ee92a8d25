package dev.apigw.integration;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import dev.apigw.model.GatewayResponseType;
import dev.apigw.response.ContentTypes;
import dev.apigw.response.GatewayResponseException;
import dev.apigw.response.ResponseHeaders;
import dev.apigw.routing.ApiInvocation;
import dev.apigw.routing.CompiledIntegration;
import dev.apigw.template.MappingExpression;
import dev.apigw.template.MappingTemplate;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;

/**
 * The integration response and method response phases of non-proxy integrations: selects
 * the integration response (selection pattern against the status or Lambda error message,
 * else the default), maps headers (renaming those AWS reserves to
 * {@code x-amzn-Remapped-*} and dropping the framing and hop-by-hop ones, see
 * {@link ResponseHeaders#setMapped}), renders the response template chosen by Accept or
 * passes the body through, and writes the method response; the gateway frames the response
 * from the body it writes.
 */
public final class IntegrationResponder {

	private static final Log logger = LogFactory.getLog(IntegrationResponder.class);

	private final MappingTemplates templates;

	/**
	 * Creates the responder.
	 * @param templates renders response templates
	 */
	public IntegrationResponder(MappingTemplates templates) {
		this.templates = templates;
	}

	/**
	 * Maps an integration result to the method response and writes it.
	 * @param exchange the exchange (its request is read)
	 * @param target the response to write to
	 * @param invocation the invocation
	 * @param result the integration result
	 * @return completion of the write
	 */
	public Mono<Void> respond(ServerWebExchange exchange, ServerHttpResponse target, ApiInvocation invocation,
			IntegrationResult result) {
		CompiledIntegration integration = invocation.requiredMethod().integration();
		boolean lambdaSuccess = result.errorMessage() == null && isLambda(integration);
		String selectionValue = (result.errorMessage() != null) ? result.errorMessage() : String.valueOf(result.status());
		CompiledIntegration.Response selected = integration.select(selectionValue, !lambdaSuccess);
		if (selected == null && lambdaSuccess) {
			// without a default, a pattern that matches the absent errorMessage (".*") is one
			selected = integration.select(null, true);
		}
		if (selected == null) {
			logger.warn(exchange.getLogPrefix() + "Execution failed due to configuration error: No match for output "
					+ "mapping and no default output mapping configured. Endpoint Response Status Code: " + selectionValue);
			return Mono.error(new GatewayResponseException(GatewayResponseType.API_CONFIGURATION_ERROR));
		}
		invocation.integrationStatus(result.status());
		ServerHttpRequest request = exchange.getRequest();
		String bodyText = result.bodyText();
		HttpHeaders headers = target.getHeaders();
		headers.clear();
		ResponseHeaders.addRequestIds(headers, invocation);
		if (!selected.headerMappings().isEmpty()) {
			Map<String, Object> context = invocation.context();
			MappingExpression.Input input = new MappingExpression.Input(invocation.pathParameters(),
					request::getQueryParams, request.getHeaders(), invocation.stage().stage().variables(), () -> context,
					null, result.headers(), bodyText);
			selected.headerMappings().forEach((name, source) -> {
				String value = source.evaluate(input);
				if (value != null) {
					ResponseHeaders.setMapped(headers, name, value);
				}
			});
		}
		Map.Entry<String, MappingTemplate> template = ContentTypes.selectByAccept(selected.templates(),
				ContentTypes.accept(request.getHeaders()));
		if (template == null) {
			if (!headers.containsHeader(HttpHeaders.CONTENT_TYPE)) {
				headers.set(HttpHeaders.CONTENT_TYPE, ContentTypes.APPLICATION_JSON);
			}
			return write(target, invocation, selected, result.body());
		}
		CompiledIntegration.Response response = selected;
		return this.templates.render(template.getValue(), bodyText, invocation, exchange).flatMap((rendered) -> {
			headers.set(HttpHeaders.CONTENT_TYPE, template.getKey());
			return write(target, invocation, response, rendered.getBytes(StandardCharsets.UTF_8));
		});
	}

	private static Mono<Void> write(ServerHttpResponse target, ApiInvocation invocation,
			CompiledIntegration.Response selected, byte[] body) {
		HttpHeaders headers = target.getHeaders();
		headers.set("X-Amzn-Trace-Id", invocation.traceId());
		int status = ResponseOverrides.apply(invocation, selected.statusCode(), headers);
		target.setStatusCode(HttpStatusCode.valueOf(status));
		headers.setContentLength(body.length);
		return target.writeWith(Mono.just(target.bufferFactory().wrap(body)));
	}

	private static boolean isLambda(CompiledIntegration integration) {
		return integration.definition().type() == dev.apigw.model.IntegrationType.AWS;
	}

}
