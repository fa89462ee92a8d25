package dev.apigw.cache;

import dev.apigw.routing.ApiInvocation;

/**
 * Decides whether a caller may invalidate cache entries with {@code Cache-Control:
 * max-age=0} on a method that requires authorization for it: apigw's counterpart of AWS's
 * {@code execute-api:InvalidateCache} permission. Called after the authorization and API
 * key phases, with the caller's identity in the invocation. Declare a bean to replace the
 * configured policy ({@code apigw.cache.invalidation.*}).
 */
@FunctionalInterface
public interface CacheInvalidationPolicy {

	/**
	 * Whether the caller of a request may invalidate its cache entry.
	 * @param invocation the invocation (its identity and authorizer result)
	 * @return {@code true} when allowed
	 */
	boolean mayInvalidate(ApiInvocation invocation);

}
