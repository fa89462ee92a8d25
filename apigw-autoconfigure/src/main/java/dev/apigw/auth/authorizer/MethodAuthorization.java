package dev.apigw.auth.authorizer;

import dev.apigw.routing.ApiInvocation;
import reactor.core.publisher.Mono;

import org.springframework.web.server.ServerWebExchange;

/**
 * How the calls of one method of a deployed stage are authorized, as its
 * {@link MethodAuthorizer} compiled it for the deployment (the resolved function, the
 * parsed settings), so that nothing is looked up or parsed per request.
 */
@FunctionalInterface
public interface MethodAuthorization {

	/**
	 * Authorizes a call: completes with the exchange to continue with when the call may
	 * proceed (after recording the identity and authorizer context on the invocation), or
	 * with a {@link dev.apigw.response.GatewayResponseException} that answers it.
	 * @param exchange the exchange (the request must not be consumed: a request whose body
	 * is read must be replaced through {@link MethodAuthorizer.Authorized#exchange()})
	 * @param invocation the invocation, matched to the method this authorization was
	 * compiled for
	 * @return the exchange to continue with
	 */
	Mono<MethodAuthorizer.Authorized> authorize(ServerWebExchange exchange, ApiInvocation invocation);

}
