package dev.apigw.actuate;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import dev.apigw.model.ThrottleSettings;
import dev.apigw.model.UsagePlan;
import dev.apigw.throttle.UsagePlans;
import dev.apigw.throttle.UsageReport;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

/**
 * The {@code usage} section of the {@code apigw} actuator endpoint:
 * {@code /actuator/apigw/usage} lists the usage plans;
 * {@code /actuator/apigw/usage/{usagePlanId}?startDate=yyyy-MM-dd&endDate=yyyy-MM-dd[&keyId=]}
 * reports their usage as AWS's GetUsage does.
 */
public final class UsageEndpointSection implements ApigwEndpointSection {

	private final Supplier<UsagePlans> plans;

	private final UsageReport report;

	/**
	 * Creates the section.
	 * @param plans the usage plans in force
	 * @param report reports usage
	 */
	public UsageEndpointSection(Supplier<UsagePlans> plans, UsageReport report) {
		this.plans = plans;
		this.report = report;
	}

	@Override
	public String name() {
		return "usage";
	}

	@Override
	public @Nullable Object read(List<String> path, Map<String, String> parameters) {
		if (path.isEmpty()) {
			List<Object> items = new ArrayList<>();
			this.plans.get().plans().forEach((plan) -> items.add(describe(plan)));
			return Map.of("items", items);
		}
		UsagePlan plan = (path.size() == 1) ? this.plans.get().plan(path.get(0)) : null;
		if (plan == null) {
			return null;
		}
		String start = parameters.get("startDate");
		String end = parameters.get("endDate");
		if (start == null || end == null) {
			return badRequest("startDate and endDate are required (yyyy-MM-dd)");
		}
		try {
			return this.report.report(plan, LocalDate.parse(start), LocalDate.parse(end), parameters.get("keyId"));
		}
		catch (DateTimeParseException ex) {
			return badRequest("startDate and endDate must be dates (yyyy-MM-dd)");
		}
		catch (IllegalArgumentException ex) {
			return badRequest(String.valueOf(ex.getMessage()));
		}
	}

	private static WebEndpointResponse<Object> badRequest(String message) {
		return new WebEndpointResponse<>(Map.of("message", message), WebEndpointResponse.STATUS_BAD_REQUEST);
	}

	private static Map<String, Object> describe(UsagePlan plan) {
		Map<String, Object> item = new LinkedHashMap<>();
		item.put("id", plan.id());
		item.put("name", plan.name());
		item.put("description", plan.description());
		List<Object> stages = new ArrayList<>();
		for (UsagePlan.ApiStage stage : plan.apiStages()) {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("apiId", stage.apiId());
			entry.put("stage", stage.stage());
			Map<String, Object> throttles = new LinkedHashMap<>();
			stage.methodThrottles().forEach((key, settings) -> throttles.put(key, throttle(settings)));
			entry.put("throttle", throttles);
			stages.add(entry);
		}
		item.put("apiStages", stages);
		item.put("throttle", (plan.throttle() != null) ? throttle(plan.throttle()) : null);
		if (plan.quota() != null) {
			Map<String, Object> quota = new LinkedHashMap<>();
			quota.put("limit", plan.quota().limit());
			quota.put("offset", plan.quota().offset());
			quota.put("period", plan.quota().period().name());
			item.put("quota", quota);
		}
		else {
			item.put("quota", null);
		}
		item.put("keys", new ArrayList<>(new java.util.TreeSet<>(plan.keys())));
		return item;
	}

	private static Map<String, Object> throttle(ThrottleSettings settings) {
		Map<String, Object> throttle = new LinkedHashMap<>();
		throttle.put("burstLimit", settings.burstLimit());
		throttle.put("rateLimit", settings.rateLimit());
		return throttle;
	}

}
