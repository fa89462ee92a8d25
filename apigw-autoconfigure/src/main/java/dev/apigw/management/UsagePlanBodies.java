package dev.apigw.management;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.apigw.model.QuotaPeriod;
import dev.apigw.model.QuotaSettings;
import dev.apigw.model.ThrottleSettings;
import dev.apigw.model.UsagePlan;
import dev.apigw.throttle.UsagePlanProperties;
import org.jspecify.annotations.Nullable;

/**
 * Reads CreateUsagePlan bodies and applies UpdateUsagePlan {@code patchOperations} into
 * {@link UsagePlanProperties.Plan}s, the form start-up checks: {@code replace} of
 * {@code /name}, {@code /description}, {@code /throttle/rateLimit},
 * {@code /throttle/burstLimit}, {@code /quota/limit}, {@code /quota/period},
 * {@code /quota/offset}; {@code remove} of {@code /throttle} and {@code /quota}; {@code add}
 * and {@code remove} of {@code /apiStages} with the value {@code {apiId}:{stage}}. Other
 * paths are refused before anything changes.
 */
final class UsagePlanBodies {

	private static final List<String> PATHS = List.of("/name", "/description", "/throttle/rateLimit",
			"/throttle/burstLimit", "/throttle", "/quota/limit", "/quota/period", "/quota/offset", "/quota",
			"/apiStages");

	private UsagePlanBodies() {
	}

	static UsagePlanProperties.Plan read(Map<String, Object> body) {
		UsagePlanProperties.Plan plan = new UsagePlanProperties.Plan();
		plan.setName(JsonBodies.string(body, "name"));
		plan.setDescription(JsonBodies.string(body, "description"));
		Map<String, Object> throttle = JsonBodies.objectOf(body, "throttle");
		plan.setThrottle(throttle(throttle));
		Map<String, Object> quota = JsonBodies.objectOf(body, "quota");
		if (!quota.isEmpty()) {
			Double limit = JsonBodies.number(quota, "limit");
			Double offset = JsonBodies.number(quota, "offset");
			plan.getQuota().setLimit((limit != null) ? limit.longValue() : null);
			plan.getQuota().setOffset((offset != null) ? offset.longValue() : 0);
			plan.getQuota().setPeriod(period(JsonBodies.string(quota, "period")));
		}
		for (Map<String, Object> stage : JsonBodies.objects(body, "apiStages")) {
			UsagePlanProperties.ApiStage apiStage = new UsagePlanProperties.ApiStage();
			apiStage.setApi(JsonBodies.string(stage, "apiId"));
			apiStage.setStage(JsonBodies.string(stage, "stage"));
			Map<String, Object> methods = JsonBodies.objectOf(stage, "throttle");
			methods.keySet().forEach((method) -> apiStage.getThrottle().put(method,
					throttle(JsonBodies.objectOf(methods, method))));
			plan.getApiStages().add(apiStage);
		}
		return plan;
	}

	/**
	 * The settings of a plan, to patch and check again.
	 * @param plan the plan
	 * @return its settings
	 */
	static UsagePlanProperties.Plan properties(UsagePlan plan) {
		UsagePlanProperties.Plan properties = new UsagePlanProperties.Plan();
		properties.setName(plan.name());
		properties.setDescription(plan.description());
		if (plan.throttle() != null) {
			properties.setThrottle(throttle(plan.throttle()));
		}
		QuotaSettings quota = plan.quota();
		if (quota != null) {
			properties.getQuota().setLimit(quota.limit());
			properties.getQuota().setPeriod(quota.period());
			properties.getQuota().setOffset(quota.offset());
		}
		for (UsagePlan.ApiStage stage : plan.apiStages()) {
			UsagePlanProperties.ApiStage apiStage = new UsagePlanProperties.ApiStage();
			apiStage.setApi(stage.apiId());
			apiStage.setStage(stage.stage());
			stage.methodThrottles().forEach((method, throttle) -> apiStage.getThrottle().put(method, throttle(throttle)));
			properties.getApiStages().add(apiStage);
		}
		properties.setKeys(new ArrayList<>(plan.keys()));
		return properties;
	}

	static void patch(UsagePlanProperties.Plan plan, byte[] body) {
		for (Map<String, Object> operation : JsonBodies.objects(JsonBodies.object(body), "patchOperations")) {
			String op = String.valueOf(JsonBodies.string(operation, "op"));
			String path = String.valueOf(JsonBodies.string(operation, "path"));
			String value = JsonBodies.string(operation, "value");
			switch (op + " " + path) {
				case "replace /name" -> plan.setName(value);
				case "replace /description" -> plan.setDescription(value);
				case "replace /throttle/rateLimit" -> plan.getThrottle().setRateLimit(number(value, path));
				case "replace /throttle/burstLimit" -> plan.getThrottle().setBurstLimit(number(value, path).intValue());
				case "remove /throttle" -> plan.setThrottle(new UsagePlanProperties.Throttle());
				case "replace /quota/limit" -> plan.getQuota().setLimit(number(value, path).longValue());
				case "replace /quota/offset" -> plan.getQuota().setOffset(number(value, path).longValue());
				case "replace /quota/period" -> plan.getQuota().setPeriod(period(value));
				case "remove /quota" -> plan.setQuota(new UsagePlanProperties.Quota());
				case "add /apiStages" -> plan.getApiStages().add(apiStage(value));
				case "remove /apiStages" -> removeStage(plan, value);
				default -> throw ManagementError.badRequest("Invalid patch path '" + path + "' specified for op '" + op
						+ "'. apigw applies: " + PATHS + " (see docs/management.md)");
			}
		}
	}

	private static UsagePlanProperties.Throttle throttle(Map<String, Object> settings) {
		UsagePlanProperties.Throttle throttle = new UsagePlanProperties.Throttle();
		Double rate = JsonBodies.number(settings, "rateLimit");
		Double burst = JsonBodies.number(settings, "burstLimit");
		throttle.setRateLimit(rate);
		throttle.setBurstLimit((burst != null) ? burst.intValue() : null);
		return throttle;
	}

	private static UsagePlanProperties.Throttle throttle(ThrottleSettings settings) {
		UsagePlanProperties.Throttle throttle = new UsagePlanProperties.Throttle();
		throttle.setRateLimit(settings.rateLimit());
		throttle.setBurstLimit(settings.burstLimit());
		return throttle;
	}

	private static QuotaPeriod period(@Nullable String value) {
		if (value == null) {
			return QuotaPeriod.MONTH;
		}
		try {
			return QuotaPeriod.valueOf(value.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw ManagementError.badRequest("Invalid quota period '" + value + "': DAY, WEEK or MONTH");
		}
	}

	private static Double number(@Nullable String value, String path) {
		try {
			return Double.valueOf(String.valueOf(value));
		}
		catch (NumberFormatException ex) {
			throw ManagementError.badRequest("Invalid value for '" + path + "': '" + value + "' is not a number");
		}
	}

	private static UsagePlanProperties.ApiStage apiStage(@Nullable String value) {
		int colon = (value != null) ? value.indexOf(':') : -1;
		if (colon <= 0 || colon == value.length() - 1) {
			throw ManagementError.badRequest("Invalid API stage '" + value + "': expected {apiId}:{stage}");
		}
		UsagePlanProperties.ApiStage stage = new UsagePlanProperties.ApiStage();
		stage.setApi(value.substring(0, colon));
		stage.setStage(value.substring(colon + 1));
		return stage;
	}

	private static void removeStage(UsagePlanProperties.Plan plan, @Nullable String value) {
		UsagePlanProperties.ApiStage removed = apiStage(value);
		boolean found = plan.getApiStages().removeIf((stage) -> removed.getApi().equals(stage.getApi())
				&& removed.getStage().equals(stage.getStage()));
		if (!found) {
			throw ManagementError.notFound("Invalid API Stage {api: " + removed.getApi() + ", stage: "
					+ removed.getStage() + "} specified for usageplan");
		}
	}

}
