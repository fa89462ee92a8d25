package dev.apigw.management;

import java.time.Clock;
import java.util.List;
import java.util.Set;

/**
 * Routes the calls under {@code /apikeys} and {@code /usageplans} to their operations.
 */
final class UsageRoutes {

	static final Set<String> ROOTS = Set.of("apikeys", "usageplans");

	private final ApiKeyOperations apiKeys;

	private final UsagePlanOperations usagePlans;

	private final UsagePlanKeyOperations usagePlanKeys;

	UsageRoutes(KeysAndPlans keysAndPlans, ManagedApis apis, Clock clock) {
		ManagedKeys keys = new ManagedKeys(keysAndPlans.store(), keysAndPlans.configuredKeys(), clock,
				keysAndPlans.audit());
		ManagedPlans plans = new ManagedPlans(keysAndPlans.plans(), keys, apis);
		this.apiKeys = new ApiKeyOperations(keys);
		this.usagePlans = new UsagePlanOperations(plans, keysAndPlans.usage());
		this.usagePlanKeys = new UsagePlanKeyOperations(plans);
	}

	ManagementResult route(ManagementRequest call) {
		List<String> path = call.segments();
		String method = call.method();
		String id = (path.size() > 1) ? path.get(1) : null;
		if (path.get(0).equals("apikeys") && path.size() <= 2) {
			return (id == null) ? switch (method) {
				case "GET" -> this.apiKeys.list(call);
				case "POST" -> this.apiKeys.create(call);
				default -> throw ManagementResult.unsupported(call);
			} : switch (method) {
				case "GET" -> this.apiKeys.get(id);
				case "PATCH" -> this.apiKeys.update(id, call);
				case "DELETE" -> this.apiKeys.delete(id, call);
				default -> throw ManagementResult.unsupported(call);
			};
		}
		if (path.get(0).equals("usageplans") && path.size() <= 2) {
			return (id == null) ? switch (method) {
				case "GET" -> this.usagePlans.list(call);
				case "POST" -> this.usagePlans.create(call);
				default -> throw ManagementResult.unsupported(call);
			} : switch (method) {
				case "GET" -> this.usagePlans.get(id);
				case "PATCH" -> this.usagePlans.update(id, call);
				case "DELETE" -> this.usagePlans.delete(id, call);
				default -> throw ManagementResult.unsupported(call);
			};
		}
		if (!path.get(0).equals("usageplans") || id == null) {
			throw ManagementResult.unsupported(call);
		}
		if (path.size() == 3 && path.get(2).equals("usage") && method.equals("GET")) {
			return this.usagePlans.usage(id, call);
		}
		if (path.size() <= 4 && path.get(2).equals("keys")) {
			String keyId = (path.size() == 4) ? path.get(3) : null;
			if (keyId == null) {
				return switch (method) {
					case "GET" -> this.usagePlanKeys.list(id, call);
					case "POST" -> this.usagePlanKeys.create(id, call);
					default -> throw ManagementResult.unsupported(call);
				};
			}
			return switch (method) {
				case "GET" -> this.usagePlanKeys.get(id, keyId);
				case "DELETE" -> this.usagePlanKeys.delete(id, keyId, call);
				default -> throw ManagementResult.unsupported(call);
			};
		}
		throw ManagementResult.unsupported(call);
	}

}
