package dev.apigw.auth.authorizer;

import java.util.Map;

/**
 * A Lambda authorizer function invoked in-process: receives AWS's authorizer event (TOKEN
 * or REQUEST, as a JSON-shaped map) and returns AWS's authorizer output
 * ({@code principalId}, {@code policyDocument}, optional {@code context} and
 * {@code usageIdentifierKey}). To reject a caller with 401, throw an exception whose
 * message is {@code Unauthorized}, as a Lambda function does.
 * <p>
 * Invocations may block: they run on a bounded scheduler, never on the event loop.
 */
@FunctionalInterface
public interface AuthorizerFunction {

	/**
	 * Authorizes a call.
	 * @param event the authorizer event
	 * @return the authorizer output
	 * @throws Exception to fail the authorization ({@code Unauthorized} for 401, anything
	 * else for 500)
	 */
	Map<String, Object> invoke(Map<String, Object> event) throws Exception;

}
