package dev.apigw.auth.cors;

import java.util.Map;

import dev.apigw.integration.CompiledIntegration;
import dev.apigw.integration.IntegrationResult;
import dev.apigw.integration.MappingTemplates;
import dev.apigw.model.Api;
import dev.apigw.model.AuthorizationType;
import dev.apigw.model.GatewayResponseType;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.Method;
import dev.apigw.model.Stage;
import dev.apigw.pipeline.FilterOrders;
import dev.apigw.pipeline.PipelineFilter;
import dev.apigw.response.GatewayResponseException;
import dev.apigw.response.IntegrationResponder;
import dev.apigw.routing.ApiInvocation;
import dev.apigw.template.MappingTemplate;
import dev.apigw.template.StatusCodes;
import dev.apigw.template.TemplateRenderException;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.server.ServerWebExchange;

/**
 * Answers CORS preflights ({@code OPTIONS} with {@code Origin} and
 * {@code Access-Control-Request-Method}) whose method is an {@code OPTIONS} MOCK needing no
 * authorization and no API key (what "Enable CORS" creates) right after the resource
 * policy, so no authorizer, API key or throttle check ever sees them. The MOCK runs as it
 * would later in the pipeline: its request template gives the status, its integration
 * response the headers.
 */
public final class CorsPreflightFilter implements PipelineFilter {

	private final MappingTemplates templates;

	private final IntegrationResponder responder;

	/**
	 * Creates the filter.
	 * @param templates renders the MOCK's request template
	 * @param responder writes its integration response
	 */
	public CorsPreflightFilter(MappingTemplates templates, IntegrationResponder responder) {
		this.templates = templates;
		this.responder = responder;
	}

	@Override
	public int getOrder() {
		return FilterOrders.CORS_PREFLIGHT;
	}

	@Override
	public boolean appliesTo(Api api, Stage stage) {
		return PipelineFilter.anyMethod(api, (method) -> method.httpMethod().equals("OPTIONS"));
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		ApiInvocation invocation = ApiInvocation.of(exchange);
		if (invocation == null || !isPreflight(exchange)) {
			return chain.filter(exchange);
		}
		Method method = invocation.requiredMethod().method();
		CompiledIntegration integration = invocation.requiredMethod().integration();
		if (!method.httpMethod().equals("OPTIONS") || method.authorizationType() != AuthorizationType.NONE
				|| method.apiKeyRequired() || integration.definition().type() != IntegrationType.MOCK) {
			return chain.filter(exchange);
		}
		MappingTemplate template = template(integration);
		Mono<String> rendered = (template != null) ? this.templates.render(template, "", invocation, exchange)
				: Mono.just("");
		return rendered.flatMap((payload) -> {
			int status;
			try {
				status = StatusCodes.statusCodeOf(payload);
			}
			catch (TemplateRenderException ex) {
				return Mono.error(new GatewayResponseException(GatewayResponseType.API_CONFIGURATION_ERROR));
			}
			ServerWebExchangeUtils.setAlreadyRouted(exchange);
			invocation.integrationLatency(0);
			return this.responder.respond(exchange, exchange.getResponse(), invocation, IntegrationResult.status(status));
		});
	}

	private static @Nullable MappingTemplate template(CompiledIntegration integration) {
		Map<String, MappingTemplate> templates = integration.requestTemplates();
		MappingTemplate json = templates.get("application/json");
		if (json != null) {
			return json;
		}
		return templates.isEmpty() ? null : templates.values().iterator().next();
	}

	private static boolean isPreflight(ServerWebExchange exchange) {
		HttpHeaders headers = exchange.getRequest().getHeaders();
		return exchange.getRequest().getMethod() == HttpMethod.OPTIONS && headers.containsHeader(HttpHeaders.ORIGIN)
				&& headers.containsHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD);
	}

}
