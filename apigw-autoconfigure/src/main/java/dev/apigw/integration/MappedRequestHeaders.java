package dev.apigw.integration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.apigw.model.ReservedHeaders;
import dev.apigw.routing.CompiledIntegration;
import dev.apigw.template.MappingExpression;

/**
 * The headers parameter mappings and {@code $context.requestOverride.header} add to an
 * integration request, in that order (an override wins), checked before anything is sent.
 * Overrides of framing, hop-by-hop and {@code Host} headers are dropped (the gateway sets
 * those from what it sends); a name that is not a token, or a value with a control
 * character (a line break decoded from the query string, say), makes the request malformed.
 *
 * @param headers name to value, to set on the integration request
 * @param dropped the names of overrides that were dropped, as written
 * @param malformed whether a name or value cannot be sent as a header at all
 */
record MappedRequestHeaders(Map<String, String> headers, List<String> dropped, boolean malformed) {

	/**
	 * Evaluates the header mappings and reads the overrides.
	 * @param integration the compiled integration (its header mappings)
	 * @param input what mappings read
	 * @param overrides {@code $context.requestOverride.header} as templates left it
	 * @return the headers
	 */
	static MappedRequestHeaders of(CompiledIntegration integration, MappingExpression.Input input,
			Map<String, String> overrides) {
		Map<String, String> headers = new LinkedHashMap<>();
		List<String> dropped = new ArrayList<>(0);
		boolean malformed = false;
		for (Map.Entry<String, MappingExpression> mapping : integration.headerMappings().entrySet()) {
			String value = mapping.getValue().evaluate(input);
			// start-up validation refuses hop-by-hop and Host targets; framing ones never get here
			if (value != null && !ReservedHeaders.isReservedInRequests(mapping.getKey())) {
				malformed |= !put(headers, mapping.getKey(), value);
			}
		}
		for (Map.Entry<String, String> override : overrides.entrySet()) {
			if (ReservedHeaders.isReservedInRequests(override.getKey())) {
				dropped.add(override.getKey());
			}
			else {
				malformed |= !put(headers, override.getKey(), override.getValue());
			}
		}
		return new MappedRequestHeaders(headers, dropped, malformed);
	}

	private static boolean put(Map<String, String> headers, String name, String value) {
		String sent = ReservedHeaders.wellFormedValue(value);
		if (sent == null || !ReservedHeaders.isToken(name)) {
			return false;
		}
		headers.put(name, sent);
		return true;
	}

}
