package dev.apigw.store;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.apigw.store.AdmissionRequest.Bucket;
import dev.apigw.store.AdmissionRequest.Metering;
import dev.apigw.store.AdmissionRequest.Quota;
import reactor.core.publisher.Mono;

/**
 * The embedded store: buckets and counters in this instance's memory. One lock guards all
 * state, so an admission over several buckets is atomic; the critical section is a few
 * arithmetic operations, and every request takes the account bucket anyway. Entries are
 * forgotten once expired (a bucket once it would be full again), swept at most once a
 * minute of request time.
 */
public final class MemoryRateLimitStore implements RateLimitStore {

	private static final long SWEEP_INTERVAL = 60_000;

	private final Object lock = new Object();

	private final Map<String, double[]> buckets = new HashMap<>();

	private final Map<String, long[]> values = new HashMap<>();

	private final Map<String, Set<String>> sets = new HashMap<>();

	private long now;

	private long nextSweep;

	@Override
	public Mono<Admission> admit(AdmissionRequest request) {
		return Mono.fromSupplier(() -> admitNow(request));
	}

	/**
	 * Decides an admission synchronously.
	 * @param request the request
	 * @return the answer
	 */
	public Admission admitNow(AdmissionRequest request) {
		long time = request.nowMillis();
		List<Bucket> limits = request.buckets();
		synchronized (this.lock) {
			this.now = Math.max(this.now, time);
			sweep(time);
			double[] tokens = new double[limits.size()];
			double[] stamps = new double[limits.size()];
			int refusedBy = -1;
			for (int i = 0; i < limits.size(); i++) {
				Bucket bucket = limits.get(i);
				double[] state = this.buckets.get(bucket.name());
				double available = bucket.burst();
				double stamp = time;
				if (state != null && state[2] > time) {
					available = state[0];
					stamp = state[1];
					if (time > stamp) {
						available = Math.min(bucket.burst(), available + (time - stamp) * bucket.rate() / 1000.0);
						stamp = time;
					}
				}
				tokens[i] = available;
				stamps[i] = stamp;
				if (available < 1 && refusedBy < 0) {
					refusedBy = i;
				}
			}
			Quota quota = request.quota();
			long used = -1;
			long limit = -1;
			if (quota != null) {
				used = valueOf(quota.counter(), time);
				long firstUse = valueOf(quota.firstUse(), time, time);
				limit = effectiveLimit(quota, firstUse);
			}
			if (refusedBy >= 0) {
				return new Admission(Admission.Outcome.THROTTLED, refusedBy, tokens, used, limit, -1, false);
			}
			if (quota != null && used >= limit) {
				return new Admission(Admission.Outcome.QUOTA_EXCEEDED, -1, tokens, used, limit, -1, false);
			}
			for (int i = 0; i < limits.size(); i++) {
				Bucket bucket = limits.get(i);
				tokens[i] -= 1;
				this.buckets.put(bucket.name(),
						new double[] { tokens[i], stamps[i], stamps[i] + bucket.refillMillis() + 1000 });
			}
			if (quota != null) {
				this.values.putIfAbsent(quota.firstUse(), new long[] { time, Long.MAX_VALUE });
				used = increment(quota.counter(), 1, quota.expiresAtMillis());
			}
			Metering metering = request.metering();
			long day = -1;
			if (metering != null) {
				day = increment(metering.counter(), 1, metering.expiresAtMillis());
				this.sets.computeIfAbsent(metering.set(), (name) -> new LinkedHashSet<>()).add(metering.member());
			}
			return new Admission(Admission.Outcome.ADMITTED, -1, tokens, used, limit, day, false);
		}
	}

	static long effectiveLimit(Quota quota, long firstUse) {
		return (firstUse >= quota.periodStartMillis()) ? quota.limit() - quota.offset() : quota.limit();
	}

	@Override
	public Mono<Map<String, Long>> read(List<String> names) {
		return Mono.fromSupplier(() -> {
			Map<String, Long> found = new LinkedHashMap<>();
			synchronized (this.lock) {
				for (String name : names) {
					long[] value = this.values.get(name);
					if (value != null && value[1] > this.now) {
						found.put(name, value[0]);
					}
				}
			}
			return found;
		});
	}

	@Override
	public Mono<Set<String>> members(String set) {
		return Mono.fromSupplier(() -> {
			synchronized (this.lock) {
				Set<String> members = this.sets.get(set);
				return (members != null) ? Set.copyOf(members) : Set.of();
			}
		});
	}

	/**
	 * Raises a value to at least the given one: how a fallback store learns the counts the
	 * shared store last reported.
	 * @param name the value's name
	 * @param value the lowest value to hold
	 * @param expiresAtMillis when the value may be forgotten
	 */
	public void raise(String name, long value, long expiresAtMillis) {
		synchronized (this.lock) {
			long[] current = this.values.get(name);
			if (current == null || current[0] < value) {
				this.values.put(name, new long[] { value, expiresAtMillis });
			}
		}
	}

	/**
	 * Records a value unless one is recorded.
	 * @param name the name
	 * @param value the value
	 */
	public void putIfAbsent(String name, long value) {
		synchronized (this.lock) {
			this.values.putIfAbsent(name, new long[] { value, Long.MAX_VALUE });
		}
	}

	/**
	 * The current value of a counter.
	 * @param name the name
	 * @return the value, 0 when absent
	 */
	public long value(String name) {
		synchronized (this.lock) {
			return valueOf(name, this.now);
		}
	}

	private long valueOf(String name, long time) {
		return valueOf(name, time, 0);
	}

	private long valueOf(String name, long time, long absent) {
		long[] value = this.values.get(name);
		return (value != null && value[1] > time) ? value[0] : absent;
	}

	private long increment(String name, long delta, long expiresAtMillis) {
		long[] value = this.values.get(name);
		if (value == null || value[1] <= this.now) {
			value = new long[] { 0, expiresAtMillis };
			this.values.put(name, value);
		}
		value[0] += delta;
		value[1] = Math.max(value[1], expiresAtMillis);
		return value[0];
	}

	private void sweep(long time) {
		if (time < this.nextSweep) {
			return;
		}
		this.nextSweep = time + SWEEP_INTERVAL;
		this.buckets.values().removeIf((state) -> state[2] <= time);
		this.values.values().removeIf((value) -> value[1] <= time);
	}

}
