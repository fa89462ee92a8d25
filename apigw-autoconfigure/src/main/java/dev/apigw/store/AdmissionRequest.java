package dev.apigw.store;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What one API request must pass, decided atomically by a {@link RateLimitStore}: token
 * buckets in evaluation order, then an optional quota. The request is admitted only when
 * every bucket holds a token and the quota is not used up; then one token is taken from
 * every bucket, the quota and metering counters are incremented. A refused request
 * consumes nothing.
 *
 * @param nowMillis the time of the request (the gateway's clock, epoch milliseconds)
 * @param buckets the token buckets, in evaluation order
 * @param quota the quota, {@code null} when none applies
 * @param metering the usage record to count an admitted request in, {@code null} for none
 */
public record AdmissionRequest(long nowMillis, List<Bucket> buckets, @Nullable Quota quota,
		@Nullable Metering metering) {

	public AdmissionRequest {
		buckets = List.copyOf(buckets);
	}

	/**
	 * A token bucket: holds up to {@code burst} tokens, refilled at {@code rate} tokens per
	 * second, full when first used.
	 *
	 * @param name the bucket's name in the store
	 * @param rate tokens added per second (greater than 0)
	 * @param burst the bucket's capacity (at least 1)
	 */
	public record Bucket(String name, double rate, int burst) {

		/**
		 * How long an untouched bucket takes to fill up, after which the store may forget it.
		 * @return milliseconds
		 */
		public long refillMillis() {
			return (long) Math.ceil(this.burst / this.rate * 1000.0);
		}

	}

	/**
	 * A request counter per period with a limit.
	 *
	 * @param counter the counter's name in the store (one per period)
	 * @param limit the requests allowed per period
	 * @param offset requests subtracted from the limit in the plan's first period
	 * @param periodStartMillis when the current period started
	 * @param expiresAtMillis when the store may forget the counter
	 * @param firstUse the name of the value recording when the plan was first used; the
	 * period containing that moment is the plan's first period
	 */
	public record Quota(String counter, long limit, long offset, long periodStartMillis, long expiresAtMillis,
			String firstUse) {

	}

	/**
	 * A usage record: a counter per key and day, and the set of keys seen for a plan.
	 *
	 * @param counter the day counter's name
	 * @param expiresAtMillis when the store may forget the day counter
	 * @param set the name of the set of key ids seen for the plan
	 * @param member the key id to add to the set
	 */
	public record Metering(String counter, long expiresAtMillis, String set, String member) {

	}

}
