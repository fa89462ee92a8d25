package dev.apigw.websocket;

import java.util.Map;

import dev.apigw.model.ReservedHeaders;
import dev.apigw.model.WebSocketRoute;
import dev.apigw.routing.CompiledIntegration;
import org.jspecify.annotations.Nullable;

/**
 * A route compiled for one stage: its integration (stage variables substituted, selection
 * patterns and mapping templates compiled) and its template selection expression. Built once
 * per deployment.
 *
 * @param route the route definition
 * @param integration the compiled integration, {@code null} for a route without one
 * @param templateSelection selects the request template
 * @param headerParameters {@code integration.request.header.X} to its source
 * @param queryParameters {@code integration.request.querystring.X} to its source
 */
record CompiledRoute(WebSocketRoute route, @Nullable CompiledIntegration integration,
		SelectionExpression templateSelection, Map<String, SelectionExpression> headerParameters, Map<String, SelectionExpression> queryParameters) {

	/**
	 * Compiles integration request parameters of a WebSocket route: targets
	 * {@code integration.request.header.X} and {@code integration.request.querystring.X};
	 * sources {@code 'static'}, {@code route.request.header.X},
	 * {@code route.request.querystring.X}, {@code route.request.body[.path]},
	 * {@code context.X} and {@code stageVariables.X}.
	 * @param parameters target to source
	 * @param headers receives the header targets
	 * @param query receives the query string targets
	 * @throws IllegalArgumentException naming a target or source that is not supported, or
	 * a header the gateway sets itself (framing, hop-by-hop, {@code Host})
	 */
	static void parameters(Map<String, String> parameters, Map<String, SelectionExpression> headers,
			Map<String, SelectionExpression> query) {
		parameters.forEach((target, source) -> {
			SelectionExpression expression = parameter(source.trim());
			if (target.startsWith("integration.request.header.")) {
				String name = target.substring("integration.request.header.".length());
				if (ReservedHeaders.isReservedInRequests(name)) {
					throw new IllegalArgumentException("'" + target + "' cannot be mapped: framing, hop-by-hop and Host "
							+ "headers of the integration request are the gateway's to set; remove the mapping");
				}
				headers.put(name, expression);
			}
			else if (target.startsWith("integration.request.querystring.")) {
				query.put(target.substring("integration.request.querystring.".length()), expression);
			}
			else {
				throw new IllegalArgumentException("'" + target + "' is not integration.request.header.X or "
						+ "integration.request.querystring.X");
			}
		});
	}

	private static SelectionExpression parameter(String source) {
		if (source.length() >= 2 && source.startsWith("'") && source.endsWith("'")) {
			return SelectionExpression.parse(source.substring(1, source.length() - 1).replace("$", "\\$"));
		}
		if (source.startsWith("route.request.")) {
			return SelectionExpression.parse("${" + source.substring("route.".length()) + "}");
		}
		if (source.startsWith("context.") || source.startsWith("stageVariables.")) {
			return SelectionExpression.parse("${" + source + "}");
		}
		throw new IllegalArgumentException("'" + source + "' is not 'static', route.request.header.X, "
				+ "route.request.querystring.X, route.request.body[.path], context.X or stageVariables.X");
	}

	String key() {
		return this.route.routeKey();
	}

}
