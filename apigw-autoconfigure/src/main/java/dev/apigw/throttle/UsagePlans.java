package dev.apigw.throttle;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.apigw.model.ThrottleSettings;
import dev.apigw.model.UsagePlan;
import dev.apigw.model.UsagePlan.ApiStage;
import dev.apigw.model.UsagePlanMatch;
import org.jspecify.annotations.Nullable;

/**
 * The usage plans, indexed by the API stages they cover, and the account-level throttle:
 * the throttling configuration the API key and throttling phases read.
 */
public final class UsagePlans {

	private final Map<String, UsagePlan> plans = new LinkedHashMap<>();

	private final Map<String, List<Covered>> byStage = new HashMap<>();

	private final ThrottleSettings account;

	/**
	 * Indexes plans.
	 * @param plans the plans (validated)
	 * @param account the account-level throttle
	 */
	public UsagePlans(List<UsagePlan> plans, ThrottleSettings account) {
		this.account = account;
		for (UsagePlan plan : plans) {
			this.plans.put(plan.id(), plan);
			for (ApiStage stage : plan.apiStages()) {
				this.byStage.computeIfAbsent(stage.apiId() + "/" + stage.stage(), (key) -> new ArrayList<>())
					.add(new Covered(plan, stage));
			}
		}
	}

	/**
	 * The plan of an API key for an API stage: a plan covering the stage that lists the key
	 * or that the key names.
	 * @param apiId the API id
	 * @param stage the stage name
	 * @param keyId the key id
	 * @param keyPlans the ids of the plans the key names itself (keys from a repository)
	 * @return the match, or {@code null} when no plan of the key covers the stage
	 */
	public @Nullable UsagePlanMatch find(String apiId, String stage, String keyId, Set<String> keyPlans) {
		List<Covered> covered = this.byStage.get(apiId + "/" + stage);
		if (covered == null) {
			return null;
		}
		for (Covered candidate : covered) {
			if (candidate.plan.keys().contains(keyId) || keyPlans.contains(candidate.plan.id())) {
				return new UsagePlanMatch(candidate.plan, candidate.stage, keyId);
			}
		}
		return null;
	}

	/**
	 * A plan by id.
	 * @param id the id
	 * @return the plan, or {@code null}
	 */
	public @Nullable UsagePlan plan(String id) {
		return this.plans.get(id);
	}

	/**
	 * Every plan.
	 * @return the plans in definition order
	 */
	public List<UsagePlan> plans() {
		return List.copyOf(this.plans.values());
	}

	/**
	 * The account-level throttle, applied to every request of every API.
	 * @return the settings
	 */
	public ThrottleSettings account() {
		return this.account;
	}

	private record Covered(UsagePlan plan, ApiStage stage) {

	}

}
