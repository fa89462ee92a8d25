package dev.apigw.throttle;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.apigw.model.QuotaSettings;
import dev.apigw.model.UsagePlan;
import dev.apigw.store.RateLimitStore;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Usage of a plan's keys per day in AWS GetUsage's shape:
 * {@code {"usagePlanId", "startDate", "endDate", "values": {"<keyId>": [[used, remaining], ...]}}},
 * one pair per day; {@code remaining} is what was left of the key's quota for the period at
 * the end of that day ({@code null} for a plan without quota).
 */
public final class UsageReport {

	/** The longest range one report covers, as long as daily records are kept. */
	public static final int MAX_DAYS = RequestLimits.USAGE_RETENTION_DAYS;

	private final RateLimitStore store;

	private final Clock clock;

	/**
	 * Creates the report.
	 * @param store where usage is recorded
	 * @param clock the gateway's clock
	 */
	public UsageReport(RateLimitStore store, Clock clock) {
		this.store = store;
		this.clock = clock;
	}

	/**
	 * Reports a plan's usage.
	 * @param plan the plan
	 * @param start the first day
	 * @param end the last day (at most {@link #MAX_DAYS} days after the first)
	 * @param keyId the only key to report, {@code null} for every key of the plan
	 * @return the report
	 */
	public Mono<Map<String, Object>> report(UsagePlan plan, LocalDate start, LocalDate end, @Nullable String keyId) {
		if (end.isBefore(start) || start.plusDays(MAX_DAYS).isBefore(end)) {
			throw new IllegalArgumentException("endDate must be on or after startDate and at most " + MAX_DAYS
					+ " days later");
		}
		Mono<Set<String>> keys = (keyId != null) ? Mono.just(Set.of(keyId))
				: this.store.members(RequestLimits.keySet(plan.id())).map((seen) -> {
					Set<String> all = new TreeSet<>(plan.keys());
					all.addAll(seen);
					return all;
				});
		QuotaSettings quota = plan.quota();
		LocalDate from = (quota != null) ? quota.period().start(start) : start;
		return keys.flatMap((ids) -> {
			List<String> names = new ArrayList<>();
			names.add(RequestLimits.firstUse(plan.id()));
			for (String id : ids) {
				for (LocalDate day = from; !day.isAfter(end); day = day.plusDays(1)) {
					names.add(RequestLimits.dayCounter(plan.id(), id, day));
				}
			}
			return this.store.read(names).map((values) -> {
				Map<String, Object> values2 = new LinkedHashMap<>();
				for (String id : ids) {
					values2.put(id, days(plan, id, from, start, end, values));
				}
				Map<String, Object> report = new LinkedHashMap<>();
				report.put("usagePlanId", plan.id());
				report.put("startDate", start.toString());
				report.put("endDate", end.toString());
				report.put("values", values2);
				return report;
			});
		});
	}

	private List<List<@Nullable Long>> days(UsagePlan plan, String keyId, LocalDate from, LocalDate start,
			LocalDate end, Map<String, Long> values) {
		QuotaSettings quota = plan.quota();
		LocalDate firstUse = LocalDate.ofInstant(
				java.time.Instant.ofEpochMilli(
						values.getOrDefault(RequestLimits.firstUse(plan.id()), this.clock.millis())),
				ZoneOffset.UTC);
		List<List<@Nullable Long>> days = new ArrayList<>();
		long used = 0;
		LocalDate period = null;
		for (LocalDate day = from; !day.isAfter(end); day = day.plusDays(1)) {
			long today = values.getOrDefault(RequestLimits.dayCounter(plan.id(), keyId, day), 0L);
			Long remaining = null;
			if (quota != null) {
				LocalDate dayPeriod = quota.period().start(day);
				if (!dayPeriod.equals(period)) {
					period = dayPeriod;
					used = 0;
				}
				used += today;
				boolean first = !firstUse.isBefore(dayPeriod) && firstUse.isBefore(quota.period().next(dayPeriod));
				long limit = first ? quota.limit() - quota.offset() : quota.limit();
				remaining = Math.max(0, limit - used);
			}
			if (!day.isBefore(start)) {
				days.add(Arrays.asList(today, remaining));
			}
		}
		return days;
	}

}
