package dev.apigw.definition;

import java.time.Duration;

import dev.apigw.model.UnauthorizedCacheControlHeaderStrategy;
import org.jspecify.annotations.Nullable;

/**
 * Stage settings for one method or for all methods
 * ("apigw.apis.<id>.stages.<name>.method-settings[i]").
 */
public class MethodSettingsProperties {

	/**
	 * Resource path the settings apply to, or "*" for every resource.
	 */
	private String resourcePath = "*";

	/**
	 * HTTP method the settings apply to, or "*" for every method.
	 */
	private String httpMethod = "*";

	/**
	 * Steady-state requests per second.
	 */
	private @Nullable Double throttlingRateLimit;

	/**
	 * Burst (bucket size) in requests.
	 */
	private @Nullable Integer throttlingBurstLimit;

	/**
	 * Whether responses are cached.
	 */
	private @Nullable Boolean cachingEnabled;

	/**
	 * Time to live of cached responses (0 to 3600 s).
	 */
	private @Nullable Duration cacheTtl;

	/**
	 * Whether invalidating the cache with "Cache-Control: max-age=0" requires authorization.
	 */
	private @Nullable Boolean requireAuthorizationForCacheControl;

	/**
	 * Whether per-method metrics are recorded.
	 */
	private @Nullable Boolean metricsEnabled;

	/**
	 * What a "Cache-Control: max-age=0" request from a caller not allowed to invalidate gets: FAIL_WITH_403, SUCCEED_WITH_RESPONSE_HEADER (AWS's default) or SUCCEED_WITHOUT_RESPONSE_HEADER.
	 */
	private @Nullable UnauthorizedCacheControlHeaderStrategy unauthorizedCacheControlHeaderStrategy;

	public @Nullable UnauthorizedCacheControlHeaderStrategy getUnauthorizedCacheControlHeaderStrategy() {
		return this.unauthorizedCacheControlHeaderStrategy;
	}

	public void setUnauthorizedCacheControlHeaderStrategy(
			@Nullable UnauthorizedCacheControlHeaderStrategy unauthorizedCacheControlHeaderStrategy) {
		this.unauthorizedCacheControlHeaderStrategy = unauthorizedCacheControlHeaderStrategy;
	}

	public String getResourcePath() {
		return this.resourcePath;
	}

	public void setResourcePath(String resourcePath) {
		this.resourcePath = resourcePath;
	}

	public String getHttpMethod() {
		return this.httpMethod;
	}

	public void setHttpMethod(String httpMethod) {
		this.httpMethod = httpMethod;
	}

	public @Nullable Double getThrottlingRateLimit() {
		return this.throttlingRateLimit;
	}

	public void setThrottlingRateLimit(@Nullable Double throttlingRateLimit) {
		this.throttlingRateLimit = throttlingRateLimit;
	}

	public @Nullable Integer getThrottlingBurstLimit() {
		return this.throttlingBurstLimit;
	}

	public void setThrottlingBurstLimit(@Nullable Integer throttlingBurstLimit) {
		this.throttlingBurstLimit = throttlingBurstLimit;
	}

	public @Nullable Boolean getCachingEnabled() {
		return this.cachingEnabled;
	}

	public void setCachingEnabled(@Nullable Boolean cachingEnabled) {
		this.cachingEnabled = cachingEnabled;
	}

	public @Nullable Duration getCacheTtl() {
		return this.cacheTtl;
	}

	public void setCacheTtl(@Nullable Duration cacheTtl) {
		this.cacheTtl = cacheTtl;
	}

	public @Nullable Boolean getRequireAuthorizationForCacheControl() {
		return this.requireAuthorizationForCacheControl;
	}

	public void setRequireAuthorizationForCacheControl(@Nullable Boolean requireAuthorizationForCacheControl) {
		this.requireAuthorizationForCacheControl = requireAuthorizationForCacheControl;
	}

	public @Nullable Boolean getMetricsEnabled() {
		return this.metricsEnabled;
	}

	public void setMetricsEnabled(@Nullable Boolean metricsEnabled) {
		this.metricsEnabled = metricsEnabled;
	}

}
