package dev.apigw.model;

import org.jspecify.annotations.Nullable;

/**
 * A route of a WebSocket API: the route key messages are selected by ({@code $connect},
 * {@code $disconnect}, {@code $default} or a custom key such as {@code sendmessage}), its
 * integration, and, on {@code $connect}, how callers are authorized.
 *
 * @param routeKey the route key
 * @param authorizationType how {@code $connect} authorizes callers ({@code NONE} on every
 * other route, as on AWS)
 * @param authorizerId the authorizer of a {@code CUSTOM} {@code $connect} route
 * @param apiKeyRequired whether {@code $connect} requires an API key
 * @param integration the integration messages of this route are sent to; {@code null} for a
 * route without integration (messages are accepted and dropped)
 * @param templateSelectionExpression selects the request template by its key
 * ({@code \$default} when not set)
 * @param routeResponseSelectionExpression {@code $default} to send the integration's
 * response back to the client (a two-way route); {@code null} for a one-way route
 */
public record WebSocketRoute(String routeKey, AuthorizationType authorizationType, @Nullable String authorizerId,
		boolean apiKeyRequired, @Nullable Integration integration, @Nullable String templateSelectionExpression,
		@Nullable String routeResponseSelectionExpression) {

	/** The route key of the route run when a client connects. */
	public static final String CONNECT = "$connect";

	/** The route key of the route run when a connection ends. */
	public static final String DISCONNECT = "$disconnect";

	/** The route key of the route messages fall back to. */
	public static final String DEFAULT = "$default";

	/**
	 * Whether the integration's response is sent back to the client.
	 * @return {@code true} for a two-way route
	 */
	public boolean twoWay() {
		return this.routeResponseSelectionExpression != null && !this.routeResponseSelectionExpression.isBlank();
	}

}
