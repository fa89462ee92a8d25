package dev.apigw.model;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A usage plan: the API stages it covers (with optional per-method throttles), its
 * throttle and quota per API key, and the keys attached to it.
 *
 * @param id the plan id (used in usage reports, metrics and store names)
 * @param name a human-readable name
 * @param description a description
 * @param apiStages the API stages the plan covers
 * @param throttle the throttle per API key, {@code null} for none
 * @param quota the quota per API key, {@code null} for none
 * @param keys the ids of the API keys attached to the plan
 */
public record UsagePlan(String id, @Nullable String name, @Nullable String description, List<ApiStage> apiStages,
		@Nullable ThrottleSettings throttle, @Nullable QuotaSettings quota, Set<String> keys) {

	public UsagePlan {
		apiStages = List.copyOf(apiStages);
		keys = Set.copyOf(keys);
	}

	/**
	 * An API stage covered by a plan.
	 *
	 * @param apiId the API id
	 * @param stage the stage name
	 * @param methodThrottles per-method throttles by {@code /resource/path/VERB}, used
	 * instead of the plan's throttle for that method
	 */
	public record ApiStage(String apiId, String stage, Map<String, ThrottleSettings> methodThrottles) {

		public ApiStage {
			methodThrottles = Map.copyOf(methodThrottles);
		}

	}

}
