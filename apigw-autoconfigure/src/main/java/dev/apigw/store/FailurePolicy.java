package dev.apigw.store;

/**
 * What the gateway does while its shared store (Redis) cannot be reached.
 */
public enum FailurePolicy {

	/**
	 * Keep enforcing every limit with this instance's own buckets and counters, starting
	 * from the counts Redis last reported; merge the local counts into Redis when it
	 * answers again. The default: limits keep holding (per instance: each of N instances
	 * may admit what the quota had left when Redis last answered it, so at most N times the
	 * quota in all) and every admitted request is counted.
	 */
	LOCAL_FALLBACK,

	/**
	 * Refuse every request that a shared limit applies to with a 503 gateway response
	 * until Redis answers again.
	 */
	FAIL_CLOSED

}
