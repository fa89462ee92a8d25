package dev.apigw.cache;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.apigw.model.UnauthorizedCacheControlHeaderStrategy;
import dev.apigw.routing.ApiInvocation;
import dev.apigw.routing.Mount;
import dev.apigw.template.MappingExpression;
import org.jspecify.annotations.Nullable;

import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * How one method (for one request verb) of one deployed stage is cached, compiled once per
 * deployment: the fixed part of its keys, the parameters that complete them, whether
 * entries are per caller, the time to live and the invalidation rules.
 *
 * @param stage the stage cache's name ({@code api/stage})
 * @param prefix the fixed part of every key: verb and resource (or cache namespace)
 * @param parameters the cache key parameters, by name
 * @param perCaller whether the method uses authorization or API keys, so that entries
 * belong to one caller
 * @param ttl how long entries are served
 * @param requireAuthorization whether {@code Cache-Control: max-age=0} needs a caller
 * allowed to invalidate
 * @param strategy what an unauthorized invalidation request gets
 * @param hits counts cache hits
 * @param misses counts cache misses
 */
record CachePolicy(String stage, String prefix, Map<String, MappingExpression> parameters, boolean perCaller,
		Duration ttl, boolean requireAuthorization, UnauthorizedCacheControlHeaderStrategy strategy,
		Runnable hits, Runnable misses) {

	private static final List<String> IDENTITY_KEYS = List.of("apiKeyId", "accountId", "accessKey", "caller", "user",
			"userArn", "cognitoIdentityId", "cognitoIdentityPoolId", "principalOrgId");

	/**
	 * The key of a request, or {@code null} when the request must not use the cache: an
	 * authorized method whose caller is not known.
	 * @param invocation the invocation
	 * @param request the request
	 * @return the key
	 */
	@Nullable String key(ApiInvocation invocation, ServerHttpRequest request) {
		StringBuilder key = new StringBuilder(this.prefix.length() + 64);
		key.append(deployment(invocation)).append(' ').append(this.prefix);
		if (!this.parameters.isEmpty()) {
			MappingExpression.Input input = new MappingExpression.Input(invocation.pathParameters(),
					request::getQueryParams, request.getHeaders(), invocation.stage().stage().variables(),
					invocation::context, null, null, null);
			this.parameters.forEach((name, source) -> {
				String value = source.evaluate(input);
				key.append('\u0000').append(name).append('=').append((value != null) ? value : "\u0001");
			});
		}
		if (this.perCaller) {
			String caller = caller(invocation);
			if (caller == null) {
				return null;
			}
			key.append('\u0000').append("caller=").append(caller);
		}
		return key.toString();
	}

	/**
	 * The deployment part of a key: entries of one deployment are never served by another
	 * (a rollback never serves the other deployment's responses); a canary has entries of
	 * its own unless it uses the stage cache.
	 */
	private static String deployment(ApiInvocation invocation) {
		if (!invocation.isCanaryRequest()) {
			return invocation.stage().deploymentId();
		}
		Mount.Canary canary = invocation.mount().canary();
		if (canary != null && canary.useStageCache()) {
			return invocation.mount().stage().deploymentId();
		}
		return invocation.stage().deploymentId() + "~canary";
	}

	/**
	 * Who the caller is, as the authorization and API key phases identified it.
	 * @return the caller, {@code null} when nothing identifies it
	 */
	static @Nullable String caller(ApiInvocation invocation) {
		StringBuilder caller = new StringBuilder();
		Map<String, Object> identity = invocation.identity();
		for (String name : IDENTITY_KEYS) {
			Object value = identity.get(name);
			if (value != null) {
				caller.append(name).append(':').append(value).append(';');
			}
		}
		Map<String, Object> authorizer = invocation.authorizer();
		if (authorizer != null) {
			Object principal = authorizer.get("principalId");
			if (principal != null) {
				caller.append("principalId:").append(principal).append(';');
			}
			if (authorizer.get("claims") instanceof Map<?, ?> claims && claims.get("sub") != null) {
				caller.append("sub:").append(claims.get("sub")).append(';');
			}
		}
		return (caller.length() > 0) ? caller.toString() : null;
	}

}
