package dev.apigw.throttle;

/**
 * Told about every throttling decision, on the request's thread; for metrics. Must not
 * block.
 */
public interface ThrottleListener {

	/** The plan tag value of requests without a usage plan. */
	String NO_PLAN = "none";

	/**
	 * A request was admitted and counted against a usage plan.
	 * @param plan the plan id
	 */
	default void used(String plan) {
	}

	/**
	 * A request was throttled.
	 * @param plan the plan id, or {@link #NO_PLAN}
	 * @param level which bucket refused it: {@code plan}, {@code plan-method},
	 * {@code method} or {@code account}
	 */
	default void throttled(String plan, String level) {
	}

	/**
	 * A request was refused because the key's quota is used up.
	 * @param plan the plan id
	 */
	default void quotaExceeded(String plan) {
	}

}
