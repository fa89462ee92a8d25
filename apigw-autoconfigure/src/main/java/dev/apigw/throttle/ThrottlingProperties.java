package dev.apigw.throttle;

import dev.apigw.model.ThrottleSettings;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Account-level throttling ({@code apigw.throttling}): the token bucket every request of
 * every API passes, and the optional rate-limit response headers.
 */
@ConfigurationProperties("apigw.throttling")
public class ThrottlingProperties {

	/**
	 * Steady-state requests per second over all APIs of this gateway (AWS's account-level limit).
	 */
	private double rateLimit = ThrottleSettings.ACCOUNT_DEFAULT.rateLimit();

	/**
	 * Burst over all APIs of this gateway: the account bucket's capacity.
	 */
	private int burstLimit = ThrottleSettings.ACCOUNT_DEFAULT.burstLimit();

	/**
	 * Whether responses carry X-RateLimit-Limit, X-RateLimit-Remaining and X-RateLimit-Reset (and Retry-After on 429) for the tightest limit; AWS sends none.
	 */
	private boolean rateLimitHeaders;

	public double getRateLimit() {
		return this.rateLimit;
	}

	public void setRateLimit(double rateLimit) {
		this.rateLimit = rateLimit;
	}

	public int getBurstLimit() {
		return this.burstLimit;
	}

	public void setBurstLimit(int burstLimit) {
		this.burstLimit = burstLimit;
	}

	public boolean isRateLimitHeaders() {
		return this.rateLimitHeaders;
	}

	public void setRateLimitHeaders(boolean rateLimitHeaders) {
		this.rateLimitHeaders = rateLimitHeaders;
	}

}
