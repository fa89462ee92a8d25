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
 * @param unauthorizedCacheControlHeaderStrategy what an unauthorized invalidation request
 * gets
 */
public record MethodSettings(@Nullable Double throttlingRateLimit, @Nullable Integer throttlingBurstLimit,
		@Nullable Boolean cachingEnabled, @Nullable Duration cacheTtl,
		@Nullable Boolean requireAuthorizationForCacheControl, @Nullable Boolean metricsEnabled,
		@Nullable UnauthorizedCacheControlHeaderStrategy unauthorizedCacheControlHeaderStrategy) {

	/** Settings that set nothing. */
	public static final MethodSettings NONE = new MethodSettings(null, null, null, null, null, null, null);

	/** AWS's default cache time to live. */
	public static final Duration DEFAULT_CACHE_TTL = Duration.ofSeconds(300);

	/** The longest cache time to live AWS accepts. */
	public static final Duration MAX_CACHE_TTL = Duration.ofSeconds(3600);

	/**
	 * Settings without a strategy for unauthorized cache invalidation.
	 * @param throttlingRateLimit steady-state requests per second
	 * @param throttlingBurstLimit bucket size
	 * @param cachingEnabled whether responses are cached
	 * @param cacheTtl how long cached responses live
	 * @param requireAuthorizationForCacheControl whether invalidation needs authorization
	 * @param metricsEnabled whether per-method metrics are recorded
	 */
	public MethodSettings(@Nullable Double throttlingRateLimit, @Nullable Integer throttlingBurstLimit,
			@Nullable Boolean cachingEnabled, @Nullable Duration cacheTtl,
			@Nullable Boolean requireAuthorizationForCacheControl, @Nullable Boolean metricsEnabled) {
		this(throttlingRateLimit, throttlingBurstLimit, cachingEnabled, cacheTtl, requireAuthorizationForCacheControl,
				metricsEnabled, null);
	}

	/**
	 * These settings with every unset value taken from broader ones.
	 * @param broader the broader settings ({@code * / *})
	 * @return the combined settings
	 */
	public MethodSettings orElse(MethodSettings broader) {
		return new MethodSettings(pick(this.throttlingRateLimit, broader.throttlingRateLimit),
				pick(this.throttlingBurstLimit, broader.throttlingBurstLimit),
				pick(this.cachingEnabled, broader.cachingEnabled), pick(this.cacheTtl, broader.cacheTtl),
				pick(this.requireAuthorizationForCacheControl, broader.requireAuthorizationForCacheControl),
				pick(this.metricsEnabled, broader.metricsEnabled),
				pick(this.unauthorizedCacheControlHeaderStrategy, broader.unauthorizedCacheControlHeaderStrategy));
	}

	private static <T> @Nullable T pick(@Nullable T own, @Nullable T broader) {
		return (own != null) ? own : broader;
	}

}
