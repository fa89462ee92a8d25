package dev.apigw.management;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.apigw.definition.InvalidApiDefinitionException;
import dev.apigw.model.ApiKey;
import dev.apigw.model.UsagePlan;
import dev.apigw.throttle.UsagePlanCatalog;
import dev.apigw.throttle.UsagePlanDefinitions;
import dev.apigw.throttle.UsagePlanProperties;

/**
 * The usage plans as the management API sees them: the plans of configuration (read-only)
 * and those made through the API, kept in the {@link UsagePlanCatalog} the API key and
 * throttling phases read. A plan's keys are the keys configuration lists for it and the
 * stored keys that name it ({@link ApiKey#usagePlanIds()}).
 */
final class ManagedPlans {

	private final UsagePlanCatalog catalog;

	private final ManagedKeys keys;

	private final ManagedApis apis;

	ManagedPlans(UsagePlanCatalog catalog, ManagedKeys keys, ManagedApis apis) {
		this.catalog = catalog;
		this.keys = keys;
		this.apis = apis;
	}

	UsagePlanCatalog catalog() {
		return this.catalog;
	}

	ManagedKeys keys() {
		return this.keys;
	}

	List<UsagePlan> all() {
		return this.catalog.get().plans();
	}

	UsagePlan require(String id) {
		UsagePlan plan = this.catalog.get().plan(id);
		if (plan == null) {
			throw ManagementError.notFound("Invalid Usage Plan ID specified");
		}
		return plan;
	}

	/**
	 * A plan the management API may change.
	 * @param id the plan id
	 * @return the plan
	 */
	UsagePlan requireCreated(String id) {
		UsagePlan plan = require(id);
		if (this.catalog.configured(id)) {
			throw ManagementError.badRequest("Usage plan '" + id + "' comes from configuration (apigw.usage-plans."
					+ id + "): change it there, not through the management API");
		}
		return plan;
	}

	/**
	 * Builds a plan made through the API with the checks and messages of start-up.
	 * @param id the plan id
	 * @param plan its settings
	 * @return the plan
	 */
	UsagePlan check(String id, UsagePlanProperties.Plan plan) {
		try {
			return UsagePlanDefinitions.check(id, plan, this.apis.all());
		}
		catch (InvalidApiDefinitionException ex) {
			throw ManagementError.badRequest(ex.getMessage());
		}
	}

	static boolean contains(UsagePlan plan, ApiKey key) {
		return plan.keys().contains(key.id()) || key.usagePlanIds().contains(plan.id());
	}

	/**
	 * The keys of a plan, in the order of {@link ManagedKeys#all()}.
	 * @param plan the plan
	 * @return its keys
	 */
	List<ApiKey> keysOf(UsagePlan plan) {
		return this.keys.all().stream().filter((key) -> contains(plan, key)).toList();
	}

	Set<String> keyIds(UsagePlan plan) {
		Set<String> ids = new LinkedHashSet<>(plan.keys());
		keysOf(plan).forEach((key) -> ids.add(key.id()));
		return ids;
	}

	/**
	 * Refuses a key in a plan when another plan of the key covers one of the plan's API
	 * stages: a key is in at most one plan per API stage, as on AWS.
	 * @param key the key
	 * @param plan the plan, with the stages it is to cover
	 */
	void checkOnePlanPerStage(ApiKey key, UsagePlan plan) {
		for (UsagePlan other : all()) {
			if (other.id().equals(plan.id()) || !contains(other, key)) {
				continue;
			}
			for (UsagePlan.ApiStage stage : plan.apiStages()) {
				boolean shared = other.apiStages().stream()
					.anyMatch((covered) -> covered.apiId().equals(stage.apiId()) && covered.stage().equals(stage.stage()));
				if (shared) {
					throw ManagementError.conflict("Usage Plan " + plan.id() + " cannot be added because API Key "
							+ key.id() + " cannot reference multiple Usage Plans with the same API Stage: "
							+ stage.apiId() + ":" + stage.stage());
				}
			}
		}
	}

}
