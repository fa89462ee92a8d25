package dev.apigw.model;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A WebSocket API (API Gateway v2, protocol {@code WEBSOCKET}): routes selected per message
 * by a route selection expression, and the stages it is served in. Mounted like a REST API
 * ({@code /{id}/{stage}}, or its base path and host). Immutable; validated once at start-up.
 *
 * @param id the API id ({@code requestContext.apiId}, default URL {@code /{id}/{stage}})
 * @param description a description
 * @param basePath where the API is mounted, before the stage segment; {@code null} for
 * {@code /{id}}
 * @param host the only host the API answers on, {@code null} for any host
 * @param routeSelectionExpression selects a message's route, e.g. {@code $request.body.action}
 * @param apiKeySelectionExpression where {@code $connect} takes an API key from, e.g.
 * {@code $request.header.x-api-key}
 * @param routes route key to route, in definition order
 * @param stages stage name to stage (only the variables apply)
 * @param source where the definition came from, for messages
 */
public record WebSocketApi(String id, @Nullable String description, @Nullable String basePath, @Nullable String host,
		String routeSelectionExpression, String apiKeySelectionExpression, Map<String, WebSocketRoute> routes,
		Map<String, Stage> stages, String source) implements DeployableApi {

	/** AWS's usual route selection expression. */
	public static final String DEFAULT_ROUTE_SELECTION = "$request.body.action";

	/** AWS's default API key selection expression. */
	public static final String DEFAULT_API_KEY_SELECTION = "$request.header.x-api-key";

	public WebSocketApi {
		routes = Copies.map(routes);
		stages = Copies.map(stages);
	}

	/**
	 * The route with the given key.
	 * @param routeKey the route key
	 * @return the route, or {@code null}
	 */
	public @Nullable WebSocketRoute route(String routeKey) {
		return this.routes.get(routeKey);
	}

}
