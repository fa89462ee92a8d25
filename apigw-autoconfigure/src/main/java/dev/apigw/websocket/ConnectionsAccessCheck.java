package dev.apigw.websocket;

import reactor.core.publisher.Mono;

import org.springframework.web.server.ServerWebExchange;

/**
 * Decides who may call the {@code @connections} management API over HTTP: on AWS it is
 * IAM-protected ({@code execute-api:ManageConnections}, SigV4-signed), and so it is here
 * whenever an {@link dev.apigw.auth.iam.IamCredentialsRepository} bean exists
 * ({@link IamWebSocketAccess}). Declare a bean of this type to decide otherwise; without
 * either every call is allowed, so expose the API only where its callers are trusted, or turn it off with
 * {@code apigw.websocket.connections-api-enabled=false} and use {@link WebSocketConnections}
 * in-process.
 */
@FunctionalInterface
public interface ConnectionsAccessCheck {

	/**
	 * Checks a call.
	 * @param exchange the request ({@code POST}, {@code GET} or {@code DELETE}); its body is
	 * already read
	 * @param body the request body (the message of a {@code POST}), empty for none
	 * @param apiId the WebSocket API
	 * @param stage the stage
	 * @param connectionId the connection addressed
	 * @return completion to allow the call, or a
	 * {@link dev.apigw.response.GatewayResponseException} refusing it (e.g.
	 * {@code ACCESS_DENIED}, {@code MISSING_AUTHENTICATION_TOKEN})
	 */
	Mono<Void> check(ServerWebExchange exchange, byte[] body, String apiId, String stage, String connectionId);

}
