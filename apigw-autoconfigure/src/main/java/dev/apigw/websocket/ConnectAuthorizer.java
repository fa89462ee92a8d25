package dev.apigw.websocket;

import java.util.Map;

import dev.apigw.model.WebSocketApi;
import dev.apigw.model.WebSocketRoute;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.web.server.ServerWebExchange;

/**
 * Authorizes the opening handshake of a WebSocket API whose {@code $connect} route has an
 * authorization type ({@code CUSTOM} or {@code AWS_IAM}): the hook through which
 * authorizers (Lambda REQUEST authorizers, SigV4) serve WebSocket APIs. Declare a bean of
 * this type; a {@code $connect} route needing authorization fails start-up without one.
 * <p>
 * Refuse by completing with a {@link dev.apigw.response.GatewayResponseException}
 * ({@code UNAUTHORIZED} 401, {@code ACCESS_DENIED} 403, ...): the handshake is answered with
 * that gateway response and no connection is made.
 */
@FunctionalInterface
public interface ConnectAuthorizer {

	/**
	 * Authorizes a handshake.
	 * @param request the handshake and what it connects to
	 * @return the principal and context, or an error refusing the connection
	 */
	Mono<ConnectAuthorization> authorize(ConnectRequest request);

	/**
	 * A handshake to authorize.
	 *
	 * @param api the WebSocket API
	 * @param stage the stage
	 * @param route the {@code $connect} route (its authorization type and authorizer name)
	 * @param exchange the handshake request (headers, query, remote address); not to be
	 * answered by the authorizer
	 * @param connectionId the id the connection will have
	 * @param methodArn {@code arn:aws:execute-api:{region}:{account}:{api}/{stage}/$connect}
	 */
	record ConnectRequest(WebSocketApi api, String stage, WebSocketRoute route, ServerWebExchange exchange,
			String connectionId, String methodArn) {

	}

	/**
	 * An accepted handshake: what every event of the connection carries as
	 * {@code requestContext.authorizer}.
	 *
	 * @param principalId the principal
	 * @param context the authorizer's context (values as text, as on AWS)
	 * @param usageIdentifierKey the API key for usage plans, {@code null} when none
	 */
	record ConnectAuthorization(String principalId, Map<String, String> context, @Nullable String usageIdentifierKey) {

		public ConnectAuthorization {
			context = Map.copyOf(context);
		}

	}

}
