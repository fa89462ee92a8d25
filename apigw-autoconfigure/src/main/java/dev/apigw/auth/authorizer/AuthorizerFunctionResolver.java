package dev.apigw.auth.authorizer;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Finds the in-process function of a Lambda authorizer by function name (an
 * {@code authorizerUri} ARN is reduced to its function name, with {@code :alias} when it
 * has one). The default resolves beans; declare a bean of this type to resolve functions
 * elsewhere (for instance from a shared function registry).
 */
public interface AuthorizerFunctionResolver {

	/**
	 * Resolves a function.
	 * @param name the function name, possibly {@code name:alias}
	 * @return the function, or {@code null} when there is none of that name
	 * @throws IllegalArgumentException when something of that name exists but cannot be
	 * used as an authorizer function (the message says why)
	 */
	@Nullable AuthorizerFunction resolve(String name);

	/**
	 * The names functions can be resolved by, for messages.
	 * @return the names
	 */
	Set<String> names();

}
