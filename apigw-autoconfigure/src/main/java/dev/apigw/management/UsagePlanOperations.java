package dev.apigw.management;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.apigw.model.ApiKey;
import dev.apigw.model.UsagePlan;
import dev.apigw.throttle.UsagePlanProperties;
import dev.apigw.throttle.UsageReport;
import org.jspecify.annotations.Nullable;

/**
 * CreateUsagePlan, GetUsagePlans, GetUsagePlan, UpdateUsagePlan, DeleteUsagePlan and
 * GetUsage. Plans made here are checked as start-up checks plans (same messages) and put in
 * force at once for every stage they cover; plans of configuration are listed and reported
 * on but not changed.
 */
final class UsagePlanOperations {

	private static final int ID_LENGTH = 6;

	private final ManagedPlans plans;

	private final UsageReport usage;

	UsagePlanOperations(ManagedPlans plans, UsageReport usage) {
		this.plans = plans;
		this.usage = usage;
	}

	ManagementResult create(ManagementRequest request) {
		Map<String, Object> body = JsonBodies.object(request.body());
		String name = JsonBodies.string(body, "name");
		if (name == null || name.isEmpty()) {
			throw ManagementError.badRequest("Invalid Usage Plan name specified: a name is required");
		}
		String id = Ids.newId(ID_LENGTH, (candidate) -> this.plans.catalog().get().plan(candidate) != null);
		UsagePlan plan = this.plans.check(id, UsagePlanBodies.read(body));
		this.plans.catalog().save(plan);
		this.plans.keys().audit(request, "create-usage-plan", Map.of("usagePlanId", id));
		return ManagementResult.created(UsageShapes.usagePlan(plan, false));
	}

	ManagementResult list(ManagementRequest request) {
		String keyId = request.query().getFirst("keyId");
		List<Map<String, Object>> items = this.plans.all().stream()
			.filter((plan) -> keyId == null || this.plans.keyIds(plan).contains(keyId))
			.map(this::shape)
			.toList();
		return ManagementResult.ok(Shapes.page(items, request));
	}

	ManagementResult get(String id) {
		return ManagementResult.ok(shape(this.plans.require(id)));
	}

	ManagementResult update(String id, ManagementRequest request) {
		UsagePlan plan = this.plans.requireCreated(id);
		UsagePlanProperties.Plan settings = UsagePlanBodies.properties(plan);
		UsagePlanBodies.patch(settings, request.body());
		UsagePlan updated = this.plans.check(id, settings);
		for (ApiKey key : this.plans.keysOf(plan)) {
			this.plans.checkOnePlanPerStage(key, updated);
		}
		this.plans.catalog().save(updated);
		this.plans.keys().audit(request, "update-usage-plan", Map.of("usagePlanId", id));
		return ManagementResult.ok(shape(updated));
	}

	ManagementResult delete(String id, ManagementRequest request) {
		UsagePlan plan = this.plans.requireCreated(id);
		for (ApiKey key : this.plans.keysOf(plan)) {
			this.plans.keys().save(UsagePlanKeyOperations.withPlans(key, without(key.usagePlanIds(), id),
					this.plans.keys().now()));
		}
		this.plans.catalog().remove(id);
		this.plans.keys().audit(request, "delete-usage-plan", Map.of("usagePlanId", id));
		return ManagementResult.accepted();
	}

	/**
	 * GetUsage: {@code usagePlanId}, {@code startDate}, {@code endDate} and, per key,
	 * {@code [used, remaining]} per day ({@code values} on the wire, {@code items} in the
	 * SDKs), the keys paged with {@code position} and {@code limit}.
	 * @param id the plan id
	 * @param request the call
	 * @return the report
	 */
	ManagementResult usage(String id, ManagementRequest request) {
		UsagePlan plan = this.plans.require(id);
		LocalDate start = date(request.query().getFirst("startDate"), "startDate");
		LocalDate end = date(request.query().getFirst("endDate"), "endDate");
		String keyId = request.query().getFirst("keyId");
		UsagePlan withKeys = new UsagePlan(plan.id(), plan.name(), plan.description(), plan.apiStages(),
				plan.throttle(), plan.quota(), this.plans.keyIds(plan));
		Map<String, Object> report;
		try {
			report = this.usage.report(withKeys, start, end, keyId).block();
		}
		catch (IllegalArgumentException ex) {
			throw ManagementError.badRequest(ex.getMessage());
		}
		Map<?, ?> values = (report != null) ? (Map<?, ?>) report.get("values") : Map.of();
		List<Map.Entry<?, ?>> keys = new ArrayList<>(values.entrySet());
		Map<String, Object> page = Shapes.page(keys, request);
		Map<String, Object> pageValues = new LinkedHashMap<>();
		for (Object entry : (List<?>) page.get("item")) {
			Map.Entry<?, ?> key = (Map.Entry<?, ?>) entry;
			pageValues.put(String.valueOf(key.getKey()), key.getValue());
		}
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("usagePlanId", plan.id());
		answer.put("startDate", start.toString());
		answer.put("endDate", end.toString());
		answer.put("values", pageValues);
		if (page.containsKey("position")) {
			answer.put("position", page.get("position"));
		}
		return ManagementResult.ok(answer);
	}

	private Map<String, Object> shape(UsagePlan plan) {
		return UsageShapes.usagePlan(plan, this.plans.catalog().configured(plan.id()));
	}

	private static Set<String> without(Set<String> ids, String id) {
		return ids.stream().filter((other) -> !other.equals(id)).collect(Collectors.toSet());
	}

	private static LocalDate date(@Nullable String value, String name) {
		if (value == null || value.isEmpty()) {
			throw ManagementError.badRequest("The " + name + " is required (YYYY-MM-DD)");
		}
		try {
			return LocalDate.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw ManagementError.badRequest("Invalid " + name + " '" + value + "': expected YYYY-MM-DD");
		}
	}

}
