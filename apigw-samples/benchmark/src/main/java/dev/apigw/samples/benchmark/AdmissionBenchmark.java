package dev.apigw.samples.benchmark;

import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.apigw.store.Admission;
import dev.apigw.store.AdmissionRequest;
import dev.apigw.store.MemoryRateLimitStore;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Token-bucket admission in the embedded store, as the throttle phase asks for it: the
 * account bucket alone (a method without a usage plan), and the account, method and usage
 * plan buckets with the plan's quota and the key's usage record (the full pipeline). Run
 * with {@code -t 1} and {@code -t 2} to see the two event loops contend for the store.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AdmissionBenchmark {

	private static final double RATE = 1e12;

	private static final int BURST = Integer.MAX_VALUE;

	private static final AdmissionRequest.Bucket ACCOUNT = new AdmissionRequest.Bucket("account", RATE, BURST);

	private static final List<AdmissionRequest.Bucket> ACCOUNT_ONLY = List.of(ACCOUNT);

	private static final List<AdmissionRequest.Bucket> THREE = List.of(ACCOUNT,
			new AdmissionRequest.Bucket("stage:bench/live:/full/{id}/GET", RATE, BURST),
			new AdmissionRequest.Bucket("plan:unlimited:bench-key", RATE, BURST));

	private final MemoryRateLimitStore store = new MemoryRateLimitStore();

	@Benchmark
	public Admission accountBucket() {
		return this.store.admitNow(new AdmissionRequest(System.currentTimeMillis(), ACCOUNT_ONLY, null, null));
	}

	@Benchmark
	public Admission threeBucketsQuotaAndUsage() {
		long now = System.currentTimeMillis();
		long day = now - now % 86_400_000L;
		return this.store.admitNow(new AdmissionRequest(now, THREE,
				new AdmissionRequest.Quota("quota:unlimited:bench-key:" + day, Long.MAX_VALUE / 2, 0, day,
						day + 86_400_000L, "first:unlimited"),
				new AdmissionRequest.Metering("usage:unlimited:bench-key:" + day, day + 86_400_000L * 90,
						"keys:unlimited", "bench-key")));
	}

}
