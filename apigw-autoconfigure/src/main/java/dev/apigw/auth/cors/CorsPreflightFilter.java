package dev.apigw.auth.cors;

import java.util.IdentityHashMap;
import java.util.Map;

import dev.apigw.definition.Problems;
import dev.apigw.integration.IntegrationResponder;
import dev.apigw.integration.IntegrationResult;
import dev.apigw.integration.MappingTemplates;
import dev.apigw.model.AuthorizationType;
import dev.apigw.model.GatewayResponseType;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.Method;
import dev.apigw.pipeline.FilterOrders;
import dev.apigw.pipeline.PipelinePhase;
import dev.apigw.response.GatewayResponseException;
import dev.apigw.routing.ApiInvocation;
import dev.apigw.routing.CompiledIntegration;
import dev.apigw.routing.MethodRuntime;
import dev.apigw.routing.ResourceRuntime;
import dev.apigw.routing.StageRuntime;
import dev.apigw.template.MappingTemplate;
import dev.apigw.template.StatusCodes;
import dev.apigw.template.TemplateRenderException;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilter;
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
public final class CorsPreflightFilter implements PipelinePhase {

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

	/**
	 * Finds the stage's methods that answer preflights here: {@code OPTIONS} MOCKs without
	 * authorization or API key, with the request template that gives their status. A stage
	 * without one does not pass through the phase.
	 */
	@Override
	public @Nullable GatewayFilter compile(StageRuntime stage, Problems problems) {
		Map<MethodRuntime, Preflight> preflights = new IdentityHashMap<>();
		for (ResourceRuntime resource : stage.resourceList()) {
			for (MethodRuntime method : resource.methods().values()) {
				Method definition = method.method();
				if (definition.httpMethod().equals("OPTIONS") && definition.authorizationType() == AuthorizationType.NONE
						&& !definition.apiKeyRequired()
						&& method.integration().definition().type() == IntegrationType.MOCK) {
					preflights.put(method, new Preflight(template(method.integration())));
				}
			}
		}
		return preflights.isEmpty() ? null : new StagePreflights(preflights);
	}

	private Mono<Void> answer(ServerWebExchange exchange, ApiInvocation invocation, Preflight preflight) {
		MappingTemplate template = preflight.template();
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

	/**
	 * What a preflight of one method renders.
	 *
	 * @param template the MOCK's request template, {@code null} for none (status 200)
	 */
	private record Preflight(@Nullable MappingTemplate template) {

	}

	/**
	 * The phase for one stage: the methods answering preflights.
	 */
	private final class StagePreflights implements GatewayFilter {

		private final Map<MethodRuntime, Preflight> preflights;

		StagePreflights(Map<MethodRuntime, Preflight> preflights) {
			this.preflights = preflights;
		}

		@Override
		public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
			if (!isPreflight(exchange)) {
				return chain.filter(exchange);
			}
			ApiInvocation invocation = ApiInvocation.required(exchange);
			Preflight preflight = this.preflights.get(invocation.requiredMethod());
			return (preflight != null) ? answer(exchange, invocation, preflight) : chain.filter(exchange);
		}

		@Override
		public String toString() {
			return "CorsPreflight[" + this.preflights.size() + " methods]";
		}

	}

}
