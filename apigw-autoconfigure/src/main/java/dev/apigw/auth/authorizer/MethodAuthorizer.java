package dev.apigw.auth.authorizer;

import dev.apigw.definition.Problems;
import dev.apigw.model.AuthorizationType;
import dev.apigw.routing.MethodRuntime;
import dev.apigw.routing.StageRuntime;
import org.jspecify.annotations.Nullable;

import org.springframework.web.server.ServerWebExchange;

/**
 * Authorizes the calls of the methods that use one authorization type ({@code CUSTOM},
 * {@code COGNITO_USER_POOLS} or {@code AWS_IAM}). For every deployment the authorization
 * phase asks the authorizer of each method's type to compile the method's authorization
 * once (resolving functions, checking settings), and hands each call of the method to what
 * it compiled.
 */
public interface MethodAuthorizer {

	/**
	 * The authorization type this authorizer serves.
	 * @return the type
	 */
	AuthorizationType type();

	/**
	 * Compiles, once per deployed stage, how the calls of a method are authorized. What is
	 * wrong (a function that does not resolve, invalid settings) is reported to the problems
	 * with the method's resource and HTTP method and a field relative to the API (e.g.
	 * {@code authorizers.name.authorizer-uri}): the deployment is then refused, at start-up
	 * as at run time.
	 * @param stage the stage
	 * @param method the method, of this authorizer's type
	 * @param problems receives what is wrong
	 * @return the method's authorization, {@code null} only when a problem was reported (a
	 * method left without one refuses every call)
	 */
	@Nullable MethodAuthorization compile(StageRuntime stage, MethodRuntime method, Problems problems);

	/**
	 * The exchange the pipeline continues with after a successful authorization.
	 *
	 * @param exchange the exchange, possibly with a request whose body was read and replayed
	 */
	record Authorized(ServerWebExchange exchange) {

	}

}
