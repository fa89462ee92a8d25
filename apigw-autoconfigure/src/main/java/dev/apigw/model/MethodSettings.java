package dev.apigw.model;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * Stage settings for one method ({@code /pets/GET}) or for all methods ({@code * / *}):
 * throttling and caching. Unset values inherit from the broader setting.
 *
 * @param throttlingRateLimit steady-state requests per second
 * @param throttlingBurstLimit bucket size
 * @param cachingEnabled whether responses are cached
 * @param cacheTtl how long cached responses live
 * @param requireAuthorizationForCacheControl whether {@code Cache-Control: max-age=0} needs
 * authorization to invalidate
 * @param metricsEnabled whether per-method metrics are recorded
 */
public record MethodSettings(@Nullable Double throttlingRateLimit, @Nullable Integer throttlingBurstLimit,
		@Nullable Boolean cachingEnabled, @Nullable Duration cacheTtl,
		@Nullable Boolean requireAuthorizationForCacheControl, @Nullable Boolean metricsEnabled) {

	/** Settings that set nothing. */
	public static final MethodSettings NONE = new MethodSettings(null, null, null, null, null, null);

}
