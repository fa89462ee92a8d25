package dev.apigw.throttle;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.apigw.model.QuotaPeriod;
import dev.apigw.model.QuotaSettings;
import dev.apigw.model.ThrottleSettings;
import dev.apigw.model.UsagePlan;
import dev.apigw.model.UsagePlanMatch;
import dev.apigw.routing.ApiInvocation;
import dev.apigw.routing.MethodRuntime;
import dev.apigw.store.AdmissionRequest;
import dev.apigw.store.AdmissionRequest.Bucket;
import dev.apigw.store.AdmissionRequest.Metering;
import dev.apigw.store.AdmissionRequest.Quota;
import org.jspecify.annotations.Nullable;

/**
 * The limits one request must pass, in AWS's order: the usage plan's throttle for the key
 * (its per-method throttle when the plan sets one for the method), the stage's method
 * throttle (the method's own settings over {@code * / *}), the account throttle, then the
 * plan's quota. Also names every bucket and counter in the store (the stage's buckets are
 * named by {@link StageBuckets}).
 */
final class RequestLimits {

	/** How long daily usage records are kept (AWS reports the last 90 days). */
	static final int USAGE_RETENTION_DAYS = 90;

	/** How long a quota counter outlives its period in the store. */
	static final long QUOTA_EXPIRY_SLACK = 86_400_000L;

	private RequestLimits() {
	}

	/**
	 * The limits of a request.
	 * @param invocation the invocation
	 * @param match the request's usage plan, {@code null} when the method needs no key
	 * @param stageBucket the stage's throttle of the method, {@code null} for none
	 * @param account the account-level throttle
	 * @param now the time, epoch milliseconds
	 * @return the limits
	 */
	static Limits of(ApiInvocation invocation, @Nullable UsagePlanMatch match, @Nullable Bucket stageBucket,
			ThrottleSettings account, long now) {
		MethodRuntime method = invocation.requiredMethod();
		String resourcePath = method.resource().path();
		String verb = method.method().httpMethod();
		String requestVerb = invocation.httpMethod();
		List<Bucket> buckets = new ArrayList<>(3);
		List<String> levels = new ArrayList<>(3);
		Quota quota = null;
		Metering metering = null;
		if (match != null) {
			UsagePlan plan = match.plan();
			String client = plan.id() + ":" + match.keyId();
			String methodKey = methodKey(match.apiStage().methodThrottles(), resourcePath, verb, requestVerb);
			if (methodKey != null) {
				ThrottleSettings settings = match.apiStage().methodThrottles().get(methodKey);
				buckets.add(new Bucket("b:plan:" + client + " " + methodKey, settings.rateLimit(), settings.burstLimit()));
				levels.add("plan-method");
			}
			else if (plan.throttle() != null) {
				buckets.add(new Bucket("b:plan:" + client, plan.throttle().rateLimit(), plan.throttle().burstLimit()));
				levels.add("plan");
			}
			LocalDate today = LocalDate.ofInstant(java.time.Instant.ofEpochMilli(now), ZoneOffset.UTC);
			QuotaSettings settings = plan.quota();
			if (settings != null) {
				LocalDate start = settings.period().start(today);
				long end = QuotaPeriod.millis(settings.period().next(start));
				quota = new Quota(quotaCounter(plan.id(), match.keyId(), settings.period(), start), settings.limit(),
						settings.offset(), QuotaPeriod.millis(start), end + QUOTA_EXPIRY_SLACK, firstUse(plan.id()));
			}
			metering = new Metering(dayCounter(plan.id(), match.keyId(), today),
					QuotaPeriod.millis(today.plusDays(USAGE_RETENTION_DAYS + 1)), keySet(plan.id()), match.keyId());
		}
		if (stageBucket != null) {
			buckets.add(stageBucket);
			levels.add("method");
		}
		buckets.add(new Bucket("b:account", account.rateLimit(), account.burstLimit()));
		levels.add("account");
		return new Limits(new AdmissionRequest(now, buckets, quota, metering), levels,
				(match != null) ? match.plan().id() : ThrottleListener.NO_PLAN);
	}

	/** The key of the settings for a method: the request's verb, else the method's (ANY). */
	private static @Nullable String methodKey(Map<String, ?> settings, String resourcePath, String verb,
			String requestVerb) {
		if (settings.isEmpty()) {
			return null;
		}
		String key = resourcePath + "/" + requestVerb;
		if (settings.containsKey(key)) {
			return key;
		}
		key = resourcePath + "/" + verb;
		return settings.containsKey(key) ? key : null;
	}

	static String quotaCounter(String plan, String key, QuotaPeriod period, LocalDate start) {
		return "q:" + plan + ":" + key + ":" + period + ":" + start;
	}

	static String dayCounter(String plan, String key, LocalDate day) {
		return "d:" + plan + ":" + key + ":" + day;
	}

	static String keySet(String plan) {
		return "k:" + plan;
	}

	static String firstUse(String plan) {
		return "f:" + plan;
	}

	/**
	 * A request's limits.
	 *
	 * @param request what the store decides on
	 * @param levels the level of each bucket, for metrics
	 * @param plan the plan id, or {@link ThrottleListener#NO_PLAN}
	 */
	record Limits(AdmissionRequest request, List<String> levels, String plan) {

	}

}
