package dev.apigw.integration;


import java.util.Map;

import dev.apigw.routing.ApiInvocation;
import dev.apigw.response.ResponseHeaders;
import dev.apigw.template.ContextOverrides;

import org.springframework.http.HttpHeaders;

/**
 * Applies {@code $context.responseOverride} as templates left it: a status (an integer
 * from 100 to 599, else ignored, as AWS does) and headers, under the names mapped response
 * headers get ({@link dev.apigw.response.ReservedHeaders#responseName(String)}), so an override can no more
 * frame the response than a mapping can.
 */
final class ResponseOverrides {

	private ResponseOverrides() {
	}

	/**
	 * Applies the overrides.
	 * @param invocation the invocation whose templates may have written overrides
	 * @param status the status before overrides
	 * @param headers the headers to override
	 * @return the status to send
	 */
	static int apply(ApiInvocation invocation, int status, HttpHeaders headers) {
		ContextOverrides overrides = ContextOverrides
			.of(Map.of("requestOverride", invocation.requestOverride(), "responseOverride", invocation.responseOverride()));
		overrides.responseHeaders().forEach((name, value) -> ResponseHeaders.setMapped(headers, name, value));
		Integer overridden = overrides.responseStatus();
		return (overridden != null) ? overridden : status;
	}

}
