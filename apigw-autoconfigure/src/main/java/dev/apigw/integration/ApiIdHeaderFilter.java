package dev.apigw.integration;

import dev.apigw.routing.ApiInvocation;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

/**
 * Adds {@code X-Amzn-Apigateway-Api-Id} to the backend request of a proxy integration that
 * changes nothing else of the request: the request itself is then forwarded as it came,
 * without copying it and its headers, and the header joins the copy the gateway makes
 * anyway on the way out.
 */
public final class ApiIdHeaderFilter implements HttpHeadersFilter, Ordered {

	/** The header. */
	public static final String HEADER = "X-Amzn-Apigateway-Api-Id";

	@Override
	public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
		ApiInvocation invocation = ApiInvocation.of(exchange);
		if (invocation == null || !invocation.handoffs().forwardedAsItCame()) {
			return input;
		}
		String apiId = invocation.stage().api().id();
		try {
			input.set(HEADER, apiId);
			return input;
		}
		catch (UnsupportedOperationException ex) {
			// the request's own (read-only) headers: no earlier filter copied them
			HttpHeaders copy = new HttpHeaders();
			copy.addAll(input);
			copy.set(HEADER, apiId);
			return copy;
		}
	}

	@Override
	public boolean supports(Type type) {
		return type == Type.REQUEST;
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
