package dev.apigw.integration;

import java.nio.charset.StandardCharsets;
import java.net.URI;

import dev.apigw.model.Api;
import dev.apigw.model.GatewayResponseType;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.Stage;
import dev.apigw.pipeline.FilterOrders;
import dev.apigw.pipeline.PipelineFilter;
import dev.apigw.response.GatewayResponseException;
import dev.apigw.response.IntegrationResponder;
import dev.apigw.routing.ApiInvocation;
import dev.apigw.template.StatusCodes;
import dev.apigw.template.TemplateRenderException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.web.server.ServerWebExchange;

/**
 * The MOCK integration, served in-process for {@code mock:} URLs: its status is the
 * {@code statusCode} of the integration request payload, and its result goes through the
 * integration responses like any other.
 */
public final class MockIntegrationFilter implements PipelineFilter {

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
	public boolean appliesTo(Api api, Stage stage) {
		return PipelineFilter.anyIntegration(api, IntegrationType.MOCK);
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
		IntegrationRequestFilter.Payload payload = exchange.getRequiredAttribute(IntegrationRequestFilter.PAYLOAD_ATTRIBUTE);
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
