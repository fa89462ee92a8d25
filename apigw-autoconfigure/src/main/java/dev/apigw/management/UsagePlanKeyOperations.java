package dev.apigw.management;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.apigw.model.ApiKey;
import dev.apigw.model.UsagePlan;

/**
 * CreateUsagePlanKey, GetUsagePlanKeys, GetUsagePlanKey and DeleteUsagePlanKey. Adding a
 * key to a plan records the plan in the stored key ({@link ApiKey#usagePlanIds()}), which
 * the API key phase reads, so the key is accepted on the plan's stages at once. A key is in
 * at most one plan per API stage, as on AWS. Keys of configuration join plans through
 * configuration only.
 */
final class UsagePlanKeyOperations {

	private final ManagedPlans plans;

	UsagePlanKeyOperations(ManagedPlans plans) {
		this.plans = plans;
	}

	ManagementResult create(String planId, ManagementRequest request) {
		UsagePlan plan = this.plans.require(planId);
		Map<String, Object> body = JsonBodies.object(request.body());
		String keyType = JsonBodies.string(body, "keyType");
		if (keyType != null && !keyType.equals("API_KEY")) {
			throw ManagementError.badRequest("Invalid key type specified: '" + keyType + "'; only API_KEY is supported");
		}
		String keyId = JsonBodies.string(body, "keyId");
		ApiKey key = this.plans.keys().requireStored(String.valueOf(keyId));
		if (ManagedPlans.contains(plan, key)) {
			throw ManagementError.conflict("Usage Plan Key already exists: API Key " + key.id()
					+ " is in usage plan " + planId);
		}
		this.plans.checkOnePlanPerStage(key, plan);
		Set<String> planIds = new HashSet<>(key.usagePlanIds());
		planIds.add(planId);
		ApiKey updated = withPlans(key, planIds, this.plans.keys().now());
		this.plans.keys().save(updated);
		this.plans.keys().audit(request, "create-usage-plan-key", Map.of("usagePlanId", planId, "keyId", key.id()));
		return ManagementResult.created(UsageShapes.usagePlanKey(updated));
	}

	ManagementResult list(String planId, ManagementRequest request) {
		UsagePlan plan = this.plans.require(planId);
		String nameQuery = request.query().getFirst("name");
		List<Map<String, Object>> items = this.plans.keysOf(plan).stream()
			.filter((key) -> nameQuery == null || key.name().startsWith(nameQuery))
			.map(UsageShapes::usagePlanKey)
			.toList();
		return ManagementResult.ok(Shapes.page(items, request));
	}

	ManagementResult get(String planId, String keyId) {
		return ManagementResult.ok(UsageShapes.usagePlanKey(requireKey(this.plans.require(planId), keyId)));
	}

	ManagementResult delete(String planId, String keyId, ManagementRequest request) {
		UsagePlan plan = this.plans.require(planId);
		ApiKey key = requireKey(plan, keyId);
		if (!key.usagePlanIds().contains(planId)) {
			throw ManagementError.badRequest("API key '" + keyId + "' is in usage plan '" + planId + "' by "
					+ "configuration (apigw.usage-plans." + planId + ".keys): change it there");
		}
		Set<String> planIds = new HashSet<>(key.usagePlanIds());
		planIds.remove(planId);
		this.plans.keys().save(withPlans(key, planIds, this.plans.keys().now()));
		this.plans.keys().audit(request, "delete-usage-plan-key", Map.of("usagePlanId", planId, "keyId", keyId));
		return ManagementResult.accepted();
	}

	static ApiKey withPlans(ApiKey key, Set<String> usagePlanIds, Instant now) {
		return new ApiKey(key.id(), key.name(), key.description(), key.enabled(), key.valueSha256(), usagePlanIds,
				key.customerId(), key.createdDate(), now);
	}

	private ApiKey requireKey(UsagePlan plan, String keyId) {
		ApiKey key = this.plans.keys().find(keyId);
		if (key == null || !ManagedPlans.contains(plan, key)) {
			throw ManagementError.notFound("Invalid API Key identifier specified");
		}
		return key;
	}

}
