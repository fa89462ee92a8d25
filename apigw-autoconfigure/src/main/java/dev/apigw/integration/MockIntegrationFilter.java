package dev.apigw.integration;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import dev.apigw.definition.Problems;
import dev.apigw.model.GatewayResponseType;
import dev.apigw.model.IntegrationType;
import dev.apigw.pipeline.FilterOrders;
import dev.apigw.pipeline.PipelinePhase;
import dev.apigw.response.GatewayResponseException;
import dev.apigw.routing.ApiInvocation;
import dev.apigw.routing.IntegrationPayload;
import dev.apigw.routing.StageRuntime;
import dev.apigw.template.StatusCodes;
import dev.apigw.template.TemplateRenderException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.web.server.ServerWebExchange;

/**
 * The MOCK integration, served in-process for {@code mock:} URLs: its status is the
 * {@code statusCode} of the integration request payload, and its result goes through the
 * integration responses like any other.
 */
public final class MockIntegrationFilter implements PipelinePhase, GatewayFilter {

	private static final Log logger = LogFactory.getLog(MockIntegrationFilter.class);

	private final IntegrationResponder responder;

	/**
	 * Creates the filter.
	 * @param responder the integration response phase
	 */
	public MockIntegrationFilter(IntegrationResponder responder) {
		this.responder = responder;
	}

	@Override
	public int getOrder() {
		return FilterOrders.IN_PROCESS_INTEGRATION;
	}

	@Override
	public @Nullable GatewayFilter compile(StageRuntime stage, Problems problems) {
		return (PipelinePhase.anyIntegration(stage.api(), IntegrationType.MOCK)) ? this : null;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		URI url = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR);
		ApiInvocation invocation = ApiInvocation.of(exchange);
		if (invocation == null || url == null || !"mock".equals(url.getScheme())
				|| ServerWebExchangeUtils.isAlreadyRouted(exchange)) {
			return chain.filter(exchange);
		}
		ServerWebExchangeUtils.setAlreadyRouted(exchange);
		IntegrationPayload payload = invocation.handoffs().requiredIntegrationPayload();
		String text = (payload.body() != null) ? new String(payload.body(), StandardCharsets.UTF_8) : "";
		int status;
		try {
			status = StatusCodes.statusCodeOf(text);
		}
		catch (TemplateRenderException ex) {
			logger.warn(exchange.getLogPrefix() + "Execution failed due to configuration error: " + StatusCodes.UNPARSABLE);
			return Mono.error(new GatewayResponseException(GatewayResponseType.API_CONFIGURATION_ERROR));
		}
		invocation.integrationLatency(0);
		return this.responder.respond(exchange, exchange.getResponse(), invocation, IntegrationResult.status(status))
			.then(chain.filter(exchange));
	}

}
