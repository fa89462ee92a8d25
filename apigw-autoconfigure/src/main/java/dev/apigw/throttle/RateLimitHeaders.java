package dev.apigw.throttle;

import java.util.List;

import dev.apigw.store.Admission;
import dev.apigw.store.AdmissionRequest;
import dev.apigw.store.AdmissionRequest.Bucket;
import dev.apigw.store.AdmissionRequest.Quota;

import org.springframework.http.HttpHeaders;

/**
 * The opt-in rate-limit headers: limit, remaining and reset of the tightest of a request's
 * limits (the one with the fewest requests left), and {@code Retry-After} on a 429.
 */
final class RateLimitHeaders {

	static final String LIMIT = "X-RateLimit-Limit";

	static final String REMAINING = "X-RateLimit-Remaining";

	static final String RESET = "X-RateLimit-Reset";

	private RateLimitHeaders() {
	}

	/**
	 * Adds the headers.
	 * @param headers the response headers
	 * @param request the limits
	 * @param admission the store's answer
	 */
	static void add(HttpHeaders headers, AdmissionRequest request, Admission admission) {
		List<Bucket> buckets = request.buckets();
		long limit = 0;
		long remaining = Long.MAX_VALUE;
		long reset = 0;
		for (int i = 0; i < buckets.size() && i < admission.tokens().length; i++) {
			Bucket bucket = buckets.get(i);
			double tokens = Math.max(0, admission.tokens()[i]);
			long left = (long) Math.floor(tokens);
			if (left < remaining) {
				remaining = left;
				limit = bucket.burst();
				reset = seconds((bucket.burst() - tokens) / bucket.rate());
			}
		}
		Quota quota = request.quota();
		if (quota != null && admission.quotaLimit() >= 0) {
			long left = Math.max(0, admission.quotaLimit() - admission.quotaUsed());
			if (left < remaining) {
				remaining = left;
				limit = admission.quotaLimit();
				reset = seconds((periodEnd(quota) - request.nowMillis()) / 1000.0);
			}
		}
		headers.set(LIMIT, Long.toString(limit));
		headers.set(REMAINING, Long.toString(remaining));
		headers.set(RESET, Long.toString(reset));
		if (admission.outcome() == Admission.Outcome.THROTTLED) {
			Bucket bucket = buckets.get(admission.refusedBy());
			double missing = 1 - admission.tokens()[admission.refusedBy()];
			headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, seconds(missing / bucket.rate()))));
		}
		else if (admission.outcome() == Admission.Outcome.QUOTA_EXCEEDED && quota != null) {
			headers.set(HttpHeaders.RETRY_AFTER,
					Long.toString(seconds((periodEnd(quota) - request.nowMillis()) / 1000.0)));
		}
	}

	private static long periodEnd(Quota quota) {
		return quota.expiresAtMillis() - RequestLimits.QUOTA_EXPIRY_SLACK;
	}

	private static long seconds(double seconds) {
		return (long) Math.ceil(Math.max(0, seconds));
	}

}
