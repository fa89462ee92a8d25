package dev.apigw.store;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.apigw.store.AdmissionRequest.Bucket;
import dev.apigw.store.AdmissionRequest.Metering;
import dev.apigw.store.AdmissionRequest.Quota;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link RateLimitStore} must do, time given by the test: token buckets, the
 * all-or-nothing admission, quotas with their first-period offset, usage records.
 */
abstract class RateLimitStoreContractTests {

	private static final long T0 = 1_800_000_000_000L;

	private final String id = UUID.randomUUID().toString();

	protected abstract RateLimitStore store();

	@Test
	void bucketStartsFullAndRefusesBeyondItsBurst() {
		Bucket bucket = bucket("a", 1, 3);
		for (int i = 0; i < 3; i++) {
			assertThat(admit(T0, List.of(bucket)).admitted()).isTrue();
		}
		Admission refused = admit(T0, List.of(bucket));
		assertThat(refused.outcome()).isEqualTo(Admission.Outcome.THROTTLED);
		assertThat(refused.refusedBy()).isZero();
		assertThat(refused.tokens()[0]).isZero();
	}

	@Test
	void bucketRefillsAtItsRateUpToItsBurst() {
		Bucket bucket = bucket("a", 4, 2);
		admit(T0, List.of(bucket));
		admit(T0, List.of(bucket));
		assertThat(admit(T0 + 249, List.of(bucket)).admitted()).isFalse();
		Admission admitted = admit(T0 + 250, List.of(bucket));
		assertThat(admitted.admitted()).isTrue();
		assertThat(admitted.tokens()[0]).isZero();
		// an hour later the bucket holds its burst, not more
		assertThat(admit(T0 + 3_600_000, List.of(bucket)).tokens()[0]).isEqualTo(1.0);
	}

	@Test
	void fractionalRatesRefillSlowly() {
		Bucket bucket = bucket("a", 0.5, 1);
		assertThat(admit(T0, List.of(bucket)).admitted()).isTrue();
		assertThat(admit(T0 + 1999, List.of(bucket)).admitted()).isFalse();
		assertThat(admit(T0 + 2000, List.of(bucket)).admitted()).isTrue();
	}

	@Test
	void refusedRequestConsumesNothingAndTheFirstRefusingBucketDecides() {
		Bucket first = bucket("first", 1, 5);
		Bucket second = bucket("second", 1, 1);
		Bucket third = bucket("third", 1, 1);
		admit(T0, List.of(second, third));
		Admission refused = admit(T0, List.of(first, second, third));
		assertThat(refused.outcome()).isEqualTo(Admission.Outcome.THROTTLED);
		assertThat(refused.refusedBy()).isEqualTo(1);
		assertThat(admit(T0, List.of(first)).tokens()[0]).isEqualTo(4.0);
	}

	@Test
	void quotaAdmitsUpToItsLimitAndCountsOnlyAdmittedRequests() {
		Bucket bucket = bucket("a", 1, 2);
		Quota quota = quota("q", 3, 0, T0 - 1000);
		assertThat(admit(T0, List.of(bucket), quota).quotaUsed()).isEqualTo(1);
		assertThat(admit(T0, List.of(bucket), quota).quotaUsed()).isEqualTo(2);
		Admission throttled = admit(T0, List.of(bucket), quota);
		assertThat(throttled.outcome()).isEqualTo(Admission.Outcome.THROTTLED);
		assertThat(throttled.quotaUsed()).isEqualTo(2);
		Admission last = admit(T0 + 1000, List.of(bucket), quota);
		assertThat(last.admitted()).isTrue();
		assertThat(last.quotaUsed()).isEqualTo(3);
		assertThat(last.quotaLimit()).isEqualTo(3);
		Admission over = admit(T0 + 10_000, List.of(bucket), quota);
		assertThat(over.outcome()).isEqualTo(Admission.Outcome.QUOTA_EXCEEDED);
		assertThat(over.tokens()[0]).isEqualTo(2.0);
		assertThat(read(name("q"))).containsEntry(name("q"), 3L);
	}

	@Test
	void quotaOffsetAppliesInThePeriodOfThePlansFirstUseOnly() {
		long firstPeriod = T0 - 1000;
		Quota quota = quota("q1", 3, 2, firstPeriod);
		assertThat(admit(T0, List.of(), quota).quotaLimit()).isEqualTo(1);
		assertThat(admit(T0, List.of(), quota).outcome()).isEqualTo(Admission.Outcome.QUOTA_EXCEEDED);
		Quota next = quota("q2", 3, 2, T0 + 86_400_000);
		for (int i = 0; i < 3; i++) {
			Admission admission = admit(T0 + 86_400_000, List.of(), next);
			assertThat(admission.admitted()).isTrue();
			assertThat(admission.quotaLimit()).isEqualTo(3);
		}
	}

	@Test
	void meteringCountsAdmittedRequestsAndRecordsTheKey() {
		Bucket bucket = bucket("a", 1, 1);
		Metering metering = new Metering(name("d"), T0 + 86_400_000, name("k"), "alpha");
		assertThat(store().admit(new AdmissionRequest(T0, List.of(bucket), null, metering)).block().dayUsed())
			.isEqualTo(1);
		assertThat(store().admit(new AdmissionRequest(T0, List.of(bucket), null, metering)).block().dayUsed())
			.isEqualTo(-1);
		assertThat(read(name("d"))).containsEntry(name("d"), 1L);
		assertThat(store().members(name("k")).block()).containsExactly("alpha");
		assertThat(store().members(name("none")).block()).isEmpty();
	}

	@Test
	void clockBehindTheStoredTimeNeitherRefillsNorBreaks() {
		Bucket bucket = bucket("a", 1, 2);
		admit(T0, List.of(bucket));
		admit(T0, List.of(bucket));
		// another instance's clock, a little behind
		assertThat(admit(T0 - 500, List.of(bucket)).admitted()).isFalse();
		assertThat(admit(T0 + 1000, List.of(bucket)).admitted()).isTrue();
	}

	@Test
	void readReturnsOnlyWhatIsPresent() {
		assertThat(read(name("missing"))).isEmpty();
	}

	private Bucket bucket(String name, double rate, int burst) {
		return new Bucket(name(name), rate, burst);
	}

	private Quota quota(String name, long limit, long offset, long periodStart) {
		return new Quota(name(name), limit, offset, periodStart, T0 + 10 * 86_400_000L, name("first"));
	}

	private String name(String name) {
		return this.id + ":" + name;
	}

	private Admission admit(long now, List<Bucket> buckets) {
		return admit(now, buckets, null);
	}

	private Admission admit(long now, List<Bucket> buckets, Quota quota) {
		return store().admit(new AdmissionRequest(now, buckets, quota, null)).block();
	}

	private Map<String, Long> read(String name) {
		return store().read(List.of(name)).block();
	}

}
