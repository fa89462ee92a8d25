package dev.apigw.cache;

import java.util.Map;
import java.util.Set;

import dev.apigw.routing.ApiInvocation;

/**
 * The invalidation policy of {@code apigw.cache.invalidation}: callers with one of the
 * listed API keys, or identified as one of the listed principals (an authorizer's
 * {@code principalId}, or {@code $context.identity.user}, {@code userArn} or
 * {@code caller}), may invalidate. Nobody may when both lists are empty.
 */
public final class ConfiguredInvalidationPolicy implements CacheInvalidationPolicy {

	private final Set<String> apiKeys;

	private final Set<String> principals;

	/**
	 * Creates the policy.
	 * @param invalidation the configured callers
	 */
	public ConfiguredInvalidationPolicy(CacheProperties.Invalidation invalidation) {
		this.apiKeys = Set.copyOf(invalidation.getApiKeys());
		this.principals = Set.copyOf(invalidation.getPrincipals());
	}

	@Override
	public boolean mayInvalidate(ApiInvocation invocation) {
		Map<String, Object> identity = invocation.identity();
		if (contains(this.apiKeys, identity.get("apiKeyId"))) {
			return true;
		}
		Map<String, Object> authorizer = invocation.authorizer();
		return (authorizer != null && contains(this.principals, authorizer.get("principalId")))
				|| contains(this.principals, identity.get("user")) || contains(this.principals, identity.get("userArn"))
				|| contains(this.principals, identity.get("caller"));
	}

	private static boolean contains(Set<String> allowed, Object value) {
		return value != null && allowed.contains(value.toString());
	}

}
