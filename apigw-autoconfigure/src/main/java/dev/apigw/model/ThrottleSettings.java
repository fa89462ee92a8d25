package dev.apigw.model;

/**
 * A token bucket's settings, as AWS writes them: a steady-state rate and a burst (the
 * bucket's capacity).
 *
 * @param rateLimit requests per second added to the bucket (greater than 0)
 * @param burstLimit the bucket's capacity in requests (at least 1)
 */
public record ThrottleSettings(double rateLimit, int burstLimit) {

	/** AWS's account-level default: 10,000 requests per second with a burst of 5,000. */
	public static final ThrottleSettings ACCOUNT_DEFAULT = new ThrottleSettings(10_000, 5_000);

}
