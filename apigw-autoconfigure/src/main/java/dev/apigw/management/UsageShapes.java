package dev.apigw.management;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.apigw.model.ApiKey;
import dev.apigw.model.QuotaSettings;
import dev.apigw.model.ThrottleSettings;
import dev.apigw.model.UsagePlan;
import org.jspecify.annotations.Nullable;

/**
 * AWS's JSON shapes of {@code ApiKey}, {@code UsagePlan} and {@code UsagePlanKey}, as maps
 * to serialise. A key's {@code value} appears only in the answer to CreateApiKey: only its
 * SHA-256 is kept. Resources from configuration carry the tag {@code apigw:source}.
 */
final class UsageShapes {

	private static final Map<String, String> FROM_CONFIGURATION = Map.of("apigw:source", "application properties");

	private UsageShapes() {
	}

	static Map<String, Object> apiKey(ApiKey key, @Nullable String value, boolean configured) {
		Map<String, Object> shape = new LinkedHashMap<>();
		shape.put("id", key.id());
		Shapes.putIfNotNull(shape, "value", value);
		shape.put("name", key.name());
		Shapes.putIfNotNull(shape, "customerId", key.customerId());
		Shapes.putIfNotNull(shape, "description", key.description());
		shape.put("enabled", key.enabled());
		Shapes.putIfNotNull(shape, "createdDate", seconds(key.createdDate()));
		Shapes.putIfNotNull(shape, "lastUpdatedDate", seconds(key.lastUpdatedDate()));
		shape.put("stageKeys", List.of());
		if (configured) {
			shape.put("tags", FROM_CONFIGURATION);
		}
		return shape;
	}

	static Map<String, Object> usagePlanKey(ApiKey key) {
		Map<String, Object> shape = new LinkedHashMap<>();
		shape.put("id", key.id());
		shape.put("type", "API_KEY");
		shape.put("name", key.name());
		return shape;
	}

	static Map<String, Object> usagePlan(UsagePlan plan, boolean configured) {
		Map<String, Object> shape = new LinkedHashMap<>();
		shape.put("id", plan.id());
		shape.put("name", (plan.name() != null) ? plan.name() : plan.id());
		Shapes.putIfNotNull(shape, "description", plan.description());
		List<Map<String, Object>> stages = new ArrayList<>();
		for (UsagePlan.ApiStage stage : plan.apiStages()) {
			Map<String, Object> apiStage = new LinkedHashMap<>();
			apiStage.put("apiId", stage.apiId());
			apiStage.put("stage", stage.stage());
			if (!stage.methodThrottles().isEmpty()) {
				Map<String, Object> throttles = new LinkedHashMap<>();
				stage.methodThrottles().forEach((method, throttle) -> throttles.put(method, throttle(throttle)));
				apiStage.put("throttle", throttles);
			}
			stages.add(apiStage);
		}
		shape.put("apiStages", stages);
		if (plan.throttle() != null) {
			shape.put("throttle", throttle(plan.throttle()));
		}
		QuotaSettings quota = plan.quota();
		if (quota != null) {
			Map<String, Object> settings = new LinkedHashMap<>();
			settings.put("limit", quota.limit());
			settings.put("offset", quota.offset());
			settings.put("period", quota.period().name());
			shape.put("quota", settings);
		}
		if (configured) {
			shape.put("tags", FROM_CONFIGURATION);
		}
		return shape;
	}

	private static Map<String, Object> throttle(ThrottleSettings throttle) {
		Map<String, Object> shape = new LinkedHashMap<>();
		shape.put("burstLimit", throttle.burstLimit());
		shape.put("rateLimit", throttle.rateLimit());
		return shape;
	}

	private static @Nullable Long seconds(@Nullable Instant instant) {
		return (instant != null) ? instant.getEpochSecond() : null;
	}

}
