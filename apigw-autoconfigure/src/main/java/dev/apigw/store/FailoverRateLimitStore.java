package dev.apigw.store;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.apigw.store.AdmissionRequest.Metering;
import dev.apigw.store.AdmissionRequest.Quota;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;

/**
 * The Redis store as the gateway uses it: every call bounded by a timeout; when Redis fails
 * the store is marked unavailable, the {@link FailurePolicy} decides (enforce locally, or
 * refuse), and at most one probe per retry interval checks whether Redis is back. With
 * local fallback this instance keeps its own buckets and counters, its quota counters
 * starting from the counts Redis last reported, and merges what it counted into Redis
 * before it relies on Redis again, so usage records continue and quotas hold.
 */
public final class FailoverRateLimitStore implements RateLimitStore, SharedStore {

	private static final Log logger = LogFactory.getLog(FailoverRateLimitStore.class);

	private final RedisRateLimitStore redis;

	private final MemoryRateLimitStore local = new MemoryRateLimitStore();

	private final StoreAvailability availability;

	private final Duration timeout;

	private final long retryMillis;

	private final Clock clock;

	private final ConcurrentMap<String, PendingCount> pendingCounts = new ConcurrentHashMap<>();

	private final ConcurrentMap<String, Set<String>> pendingMembers = new ConcurrentHashMap<>();

	private final Set<String> pendingFirstUses = ConcurrentHashMap.newKeySet();

	private final AtomicBoolean probing = new AtomicBoolean();

	private volatile long nextProbe;

	/**
	 * Creates the store.
	 * @param connectionFactory the Redis connection factory
	 * @param prefix prepended to every Redis key
	 * @param policy what to do while Redis is unavailable
	 * @param timeout how long one Redis call may take before Redis counts as unavailable
	 * @param retryInterval how often to check whether an unavailable Redis is back
	 * @param clock the clock
	 */
	public FailoverRateLimitStore(ReactiveRedisConnectionFactory connectionFactory, String prefix, FailurePolicy policy,
			Duration timeout, Duration retryInterval, Clock clock) {
		this.redis = new RedisRateLimitStore(connectionFactory, prefix);
		this.availability = new StoreAvailability("redis", policy, clock);
		this.timeout = timeout;
		this.retryMillis = retryInterval.toMillis();
		this.clock = clock;
	}

	@Override
	public StoreAvailability availability() {
		return this.availability;
	}

	@Override
	public Mono<Admission> admit(AdmissionRequest request) {
		if (!this.availability.isAvailable()) {
			probeLater();
			return fallback(request);
		}
		return this.redis.admit(request)
			.timeout(this.timeout)
			.doOnNext((admission) -> learn(request, admission))
			.onErrorResume((error) -> {
				unavailable(error);
				return fallback(request);
			});
	}

	@Override
	public Mono<Map<String, Long>> read(List<String> names) {
		if (!this.availability.isAvailable()) {
			probeLater();
			return this.local.read(names);
		}
		return this.redis.read(names).timeout(this.timeout).onErrorResume((error) -> {
			unavailable(error);
			return this.local.read(names);
		});
	}

	@Override
	public Mono<Set<String>> members(String set) {
		if (!this.availability.isAvailable()) {
			probeLater();
			return this.local.members(set);
		}
		return this.redis.members(set).timeout(this.timeout).onErrorResume((error) -> {
			unavailable(error);
			return this.local.members(set);
		});
	}

	/**
	 * Checks whether an unavailable Redis answers again and, if so, merges the local counts
	 * into it and marks it available. At most one check runs at a time.
	 * @return whether Redis is available afterwards
	 */
	@Override
	public Mono<Boolean> probe() {
		if (this.availability.isAvailable()) {
			return Mono.just(true);
		}
		if (!this.probing.compareAndSet(false, true)) {
			return Mono.just(false);
		}
		this.nextProbe = this.clock.millis() + this.retryMillis;
		return this.redis.ping()
			.timeout(this.timeout)
			.then(Mono.defer(this::flush))
			.then(Mono.fromRunnable(() -> {
				if (this.availability.recovered()) {
					logger.info("apigw Redis store is available again; limits are shared again");
				}
			}))
			// what was counted locally while the state switched
			.then(Mono.defer(this::flush))
			.thenReturn(true)
			.onErrorResume((error) -> {
				logger.debug("apigw Redis store still unavailable: " + error);
				return Mono.just(false);
			})
			.doFinally((signal) -> this.probing.set(false));
	}

	private void probeLater() {
		if (this.clock.millis() >= this.nextProbe && !this.probing.get()) {
			probe().subscribe();
		}
	}

	private void unavailable(Throwable error) {
		String reason = (error instanceof java.util.concurrent.TimeoutException)
				? "no answer within " + this.timeout.toMillis() + " ms" : String.valueOf(error);
		if (this.availability.failed(reason)) {
			this.nextProbe = this.clock.millis() + this.retryMillis;
			logger.warn("apigw Redis store is unavailable (" + reason + "); "
					+ ((this.availability.policy() == FailurePolicy.LOCAL_FALLBACK)
							? "enforcing limits with this instance's own counters until it answers again"
							: "refusing rate-limited requests until it answers again (fail-closed)"));
		}
	}

	private Mono<Admission> fallback(AdmissionRequest request) {
		if (this.availability.policy() == FailurePolicy.FAIL_CLOSED) {
			return Mono.error(new StoreUnavailableException("The Redis store is unavailable"));
		}
		return Mono.fromSupplier(() -> {
			Admission admission = this.local.admitNow(request);
			if (admission.admitted()) {
				remember(request);
			}
			return admission.asLocal();
		});
	}

	/** Keeps the local counters at least at what Redis reported, for a later fallback. */
	private void learn(AdmissionRequest request, Admission admission) {
		Metering metering = request.metering();
		if (metering != null && admission.dayUsed() > 0) {
			this.local.raise(metering.counter(), admission.dayUsed(), metering.expiresAtMillis());
		}
		Quota quota = request.quota();
		if (quota == null) {
			return;
		}
		this.local.raise(quota.counter(), admission.quotaUsed(), quota.expiresAtMillis());
		if (quota.offset() > 0) {
			boolean firstPeriod = admission.quotaLimit() != quota.limit();
			this.local.putIfAbsent(quota.firstUse(),
					firstPeriod ? quota.periodStartMillis() : quota.periodStartMillis() - 1);
		}
	}

	private void remember(AdmissionRequest request) {
		Quota quota = request.quota();
		if (quota != null) {
			count(quota.counter(), 1, quota.expiresAtMillis());
			this.pendingFirstUses.add(quota.firstUse());
		}
		Metering metering = request.metering();
		if (metering != null) {
			count(metering.counter(), 1, metering.expiresAtMillis());
			addMembers(metering.set(), Set.of(metering.member()));
		}
	}

	// pending entries are only changed inside compute() and taken out with remove(), both
	// atomic per name, so no count or member is lost to a concurrent flush
	private void count(String counter, long delta, long expiresAtMillis) {
		this.pendingCounts.compute(counter, (name, pending) -> {
			PendingCount result = (pending != null) ? pending : new PendingCount(expiresAtMillis);
			result.count += delta;
			return result;
		});
	}

	private void addMembers(String set, Set<String> members) {
		this.pendingMembers.compute(set, (name, pending) -> {
			Set<String> result = (pending != null) ? pending : new HashSet<>();
			result.addAll(members);
			return result;
		});
	}

	/**
	 * Merges what was counted locally into Redis. Every merge is tried; one that fails is
	 * put back to be merged by a later flush, and the flush then fails.
	 */
	private Mono<Void> flush() {
		List<Merge> merges = new ArrayList<>();
		for (String name : List.copyOf(this.pendingFirstUses)) {
			this.pendingFirstUses.remove(name);
			merges.add(new Merge(this.redis.putIfAbsent(name, this.local.value(name)),
					() -> this.pendingFirstUses.add(name)));
		}
		for (String set : List.copyOf(this.pendingMembers.keySet())) {
			Set<String> members = this.pendingMembers.remove(set);
			if (members != null) {
				merges.add(new Merge(this.redis.add(set, members), () -> addMembers(set, members)));
			}
		}
		for (String name : List.copyOf(this.pendingCounts.keySet())) {
			PendingCount pending = this.pendingCounts.remove(name);
			if (pending != null && pending.count > 0) {
				merges.add(new Merge(
						this.redis.merge(name, pending.count, this.local.value(name), pending.expiresAtMillis),
						() -> count(name, pending.count, pending.expiresAtMillis)));
			}
		}
		AtomicBoolean failed = new AtomicBoolean();
		return Flux.fromIterable(merges)
			.concatMap((merge) -> merge.work().timeout(this.timeout).onErrorResume((error) -> {
				merge.restore().run();
				failed.set(true);
				return Mono.empty();
			}))
			.then(Mono.defer(() -> failed.get() ? Mono.error(new StoreUnavailableException("Merge failed"))
					: Mono.<Void>empty()));
	}

	private record Merge(Mono<Void> work, Runnable restore) {

	}

	private static final class PendingCount {

		private long count;

		private final long expiresAtMillis;

		PendingCount(long expiresAtMillis) {
			this.expiresAtMillis = expiresAtMillis;
		}

	}

}
