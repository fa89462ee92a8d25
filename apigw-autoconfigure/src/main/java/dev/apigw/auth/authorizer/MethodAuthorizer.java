package dev.apigw.auth.authorizer;

import java.util.function.Consumer;

import dev.apigw.model.AuthorizationType;
import dev.apigw.routing.ApiInvocation;
import dev.apigw.routing.MethodRuntime;
import dev.apigw.routing.StageRuntime;
import reactor.core.publisher.Mono;

import org.springframework.web.server.ServerWebExchange;

/**
 * Authorizes the calls of the methods that use one authorization type ({@code CUSTOM},
 * {@code COGNITO_USER_POOLS} or {@code AWS_IAM}). The authorization phase hands each
 * request to the authorizer of its method's type.
 */
public interface MethodAuthorizer {

	/**
	 * The authorization type this authorizer serves.
	 * @return the type
	 */
	AuthorizationType type();

	/**
	 * Checks, once per deployment, that a method of a stage can be authorized (its
	 * authorizer resolves, its settings are valid), reporting what is wrong.
	 * @param stage the stage
	 * @param method the method
	 * @param problems receives a field name (relative to the API, e.g.
	 * {@code authorizers.name.authorizer-uri}) and a message per problem
	 */
	default void check(StageRuntime stage, MethodRuntime method, Consumer<Problem> problems) {
	}

	/**
	 * Authorizes a call: completes empty when the call may proceed (after recording the
	 * identity and authorizer context on the invocation), or with a
	 * {@link dev.apigw.response.GatewayResponseException} that answers it.
	 * @param exchange the exchange (the request must not be consumed: a request whose body
	 * is read must be replaced through {@link Authorized#exchange()})
	 * @param invocation the invocation
	 * @param method the matched method
	 * @return the exchange to continue with
	 */
	Mono<Authorized> authorize(ServerWebExchange exchange, ApiInvocation invocation, MethodRuntime method);

	/**
	 * The exchange the pipeline continues with after a successful authorization.
	 *
	 * @param exchange the exchange, possibly with a request whose body was read and replayed
	 */
	record Authorized(ServerWebExchange exchange) {

	}

	/**
	 * A problem found by {@link #check}.
	 *
	 * @param field the field, relative to the API
	 * @param message what is wrong and how to fix it
	 */
	record Problem(String field, String message) {

	}

}
