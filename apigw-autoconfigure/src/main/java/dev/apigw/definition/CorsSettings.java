package dev.apigw.definition;

import org.jspecify.annotations.Nullable;

/**
 * The values "Enable CORS" writes into an API.
 *
 * @param allowOrigin {@code Access-Control-Allow-Origin}
 * @param allowHeaders {@code Access-Control-Allow-Headers}
 * @param allowMethods {@code Access-Control-Allow-Methods}, {@code null} for the
 * resource's own methods and {@code OPTIONS}
 * @param exposeHeaders {@code Access-Control-Expose-Headers}, {@code null} for none
 * @param maxAge {@code Access-Control-Max-Age} in seconds, {@code null} for none
 * @param allowCredentials whether {@code Access-Control-Allow-Credentials: true} is sent
 */
public record CorsSettings(String allowOrigin, String allowHeaders, @Nullable String allowMethods,
		@Nullable String exposeHeaders, @Nullable Integer maxAge, boolean allowCredentials) {

	/** The console's default {@code Access-Control-Allow-Headers}. */
	public static final String DEFAULT_ALLOW_HEADERS = "Content-Type,X-Amz-Date,Authorization,X-Api-Key,X-Amz-Security-Token";

	/** The console's defaults: any origin, its header list, the resource's methods. */
	public static final CorsSettings DEFAULTS = new CorsSettings("*", DEFAULT_ALLOW_HEADERS, null, null, null, false);

	/**
	 * These settings with the given values laid over them.
	 * @param allowOrigin the origin, or {@code null} to keep this one
	 * @param allowHeaders the headers, or {@code null} to keep these
	 * @param allowMethods the methods, or {@code null} to keep these
	 * @param exposeHeaders the exposed headers, or {@code null} to keep these
	 * @param maxAge the max age, or {@code null} to keep this one
	 * @param allowCredentials credentials, or {@code null} to keep this
	 * @return the combined settings
	 */
	public CorsSettings with(@Nullable String allowOrigin, @Nullable String allowHeaders, @Nullable String allowMethods,
			@Nullable String exposeHeaders, @Nullable Integer maxAge, @Nullable Boolean allowCredentials) {
		return new CorsSettings((allowOrigin != null) ? allowOrigin : this.allowOrigin,
				(allowHeaders != null) ? allowHeaders : this.allowHeaders,
				(allowMethods != null) ? allowMethods : this.allowMethods,
				(exposeHeaders != null) ? exposeHeaders : this.exposeHeaders, (maxAge != null) ? maxAge : this.maxAge,
				(allowCredentials != null) ? allowCredentials : this.allowCredentials);
	}

}
