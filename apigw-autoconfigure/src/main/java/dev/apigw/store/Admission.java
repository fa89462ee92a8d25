package dev.apigw.store;

/**
 * A {@link RateLimitStore}'s answer to an {@link AdmissionRequest}: whether the request is
 * admitted, which limit refused it, and what is left of each limit, for rate-limit headers.
 *
 * @param outcome admitted, throttled or over quota
 * @param refusedBy the index of the bucket that refused the request, {@code -1} unless
 * throttled
 * @param tokens the tokens left in each bucket (after this request's token was taken when
 * admitted)
 * @param quotaUsed requests counted in the current period (this one included when
 * admitted), {@code -1} without quota
 * @param quotaLimit the limit in force for the current period (the offset subtracted in the
 * plan's first period), {@code -1} without quota
 * @param dayUsed requests in the day's usage record after this one, {@code -1} unless
 * admitted with metering
 * @param local whether the answer was decided by this instance alone because the shared
 * store was unavailable
 */
public record Admission(Outcome outcome, int refusedBy, double[] tokens, long quotaUsed, long quotaLimit,
		long dayUsed, boolean local) {

	/**
	 * Whether the request may proceed.
	 * @return {@code true} when admitted
	 */
	public boolean admitted() {
		return this.outcome == Outcome.ADMITTED;
	}

	/**
	 * The same answer, marked as decided locally.
	 * @return the answer
	 */
	public Admission asLocal() {
		return new Admission(this.outcome, this.refusedBy, this.tokens, this.quotaUsed, this.quotaLimit, this.dayUsed,
				true);
	}

	/**
	 * What an admission decided.
	 */
	public enum Outcome {

		/** Every limit admitted the request. */
		ADMITTED,

		/** A token bucket was empty. */
		THROTTLED,

		/** The quota for the period is used up. */
		QUOTA_EXCEEDED

	}

}
