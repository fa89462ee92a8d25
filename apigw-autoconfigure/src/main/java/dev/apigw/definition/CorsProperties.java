package dev.apigw.definition;

import org.jspecify.annotations.Nullable;

/**
 * CORS as the console's "Enable CORS" sets it up ("apigw.apis.<id>.cors" and
 * "apigw.apis.<id>.resources[i].cors"): an OPTIONS method (a MOCK) answering preflights with
 * the Access-Control-Allow-* headers, and Access-Control-Allow-Origin on the responses of the
 * resource's other methods.
 */
public class CorsProperties {

	/**
	 * Whether CORS is enabled (for the API: on every resource; for a resource: on it alone).
	 */
	private @Nullable Boolean enabled;

	/**
	 * Access-Control-Allow-Origin: "*" (the console's default) or one origin.
	 */
	private @Nullable String allowOrigin;

	/**
	 * Access-Control-Allow-Headers; default "Content-Type,X-Amz-Date,Authorization,X-Api-Key,X-Amz-Security-Token".
	 */
	private @Nullable String allowHeaders;

	/**
	 * Access-Control-Allow-Methods; default the resource's methods and OPTIONS.
	 */
	private @Nullable String allowMethods;

	/**
	 * Access-Control-Expose-Headers; none by default.
	 */
	private @Nullable String exposeHeaders;

	/**
	 * Access-Control-Max-Age in seconds; none by default.
	 */
	private @Nullable Integer maxAge;

	/**
	 * Access-Control-Allow-Credentials; not sent by default.
	 */
	private @Nullable Boolean allowCredentials;

	public @Nullable Boolean getEnabled() {
		return this.enabled;
	}

	public void setEnabled(@Nullable Boolean enabled) {
		this.enabled = enabled;
	}

	public @Nullable String getAllowOrigin() {
		return this.allowOrigin;
	}

	public void setAllowOrigin(@Nullable String allowOrigin) {
		this.allowOrigin = allowOrigin;
	}

	public @Nullable String getAllowHeaders() {
		return this.allowHeaders;
	}

	public void setAllowHeaders(@Nullable String allowHeaders) {
		this.allowHeaders = allowHeaders;
	}

	public @Nullable String getAllowMethods() {
		return this.allowMethods;
	}

	public void setAllowMethods(@Nullable String allowMethods) {
		this.allowMethods = allowMethods;
	}

	public @Nullable String getExposeHeaders() {
		return this.exposeHeaders;
	}

	public void setExposeHeaders(@Nullable String exposeHeaders) {
		this.exposeHeaders = exposeHeaders;
	}

	public @Nullable Integer getMaxAge() {
		return this.maxAge;
	}

	public void setMaxAge(@Nullable Integer maxAge) {
		this.maxAge = maxAge;
	}

	public @Nullable Boolean getAllowCredentials() {
		return this.allowCredentials;
	}

	public void setAllowCredentials(@Nullable Boolean allowCredentials) {
		this.allowCredentials = allowCredentials;
	}

}
