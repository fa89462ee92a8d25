package dev.apigw.store;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.apigw.store.AdmissionRequest.Metering;
import dev.apigw.store.AdmissionRequest.Quota;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;

/**
 * The Redis store as the gateway uses it: every call bounded by a timeout; when Redis fails
 * the store is marked unavailable, the {@link FailurePolicy} decides (enforce locally, or
 * refuse), and at most one probe per retry interval checks whether Redis is back. With
 * local fallback this instance keeps its own buckets and counters, its quota counters
 * starting from the counts Redis last reported, and merges what it counted into Redis
 * before it relies on Redis again, so usage records continue and quotas hold.
 * <p>
 * Every admitted request ends up counted once in Redis: a request decided locally while the
 * probe was merging is merged by itself; with local fallback an admission that timed out
 * is not abandoned, and when Redis still runs it, a local count is taken back. At most once
 * per retry interval the store also checks a marker key to notice a Redis that lost its
 * data.
 */
public final class FailoverRateLimitStore implements RateLimitStore, SharedStore {

	private static final Log logger = LogFactory.getLog(FailoverRateLimitStore.class);

	private final RedisRateLimitStore redis;

	private final MemoryRateLimitStore local = new MemoryRateLimitStore();

	private final Backlog backlog = new Backlog();

	private final StoreAvailability availability;

	private final CounterMarker marker;

	private final Duration timeout;

	private final long retryMillis;

	private final Clock clock;

	private final AtomicBoolean probing = new AtomicBoolean();

	private final AtomicBoolean checking = new AtomicBoolean();

	private volatile long nextProbe;

	private volatile long nextCheck;

	/**
	 * Creates the store.
	 * @param connectionFactory the Redis connection factory
	 * @param prefix prepended to every Redis key
	 * @param policy what to do while Redis is unavailable
	 * @param timeout how long one Redis call may take before Redis counts as unavailable
	 * @param retryInterval how often to check whether an unavailable Redis is back, and
	 * whether an available one lost its data
	 * @param clock the clock
	 */
	public FailoverRateLimitStore(ReactiveRedisConnectionFactory connectionFactory, String prefix, FailurePolicy policy,
			Duration timeout, Duration retryInterval, Clock clock) {
		this.redis = new RedisRateLimitStore(connectionFactory, prefix);
		this.availability = new StoreAvailability("redis", policy, clock);
		this.marker = new CounterMarker(this.redis, prefix, this.availability, clock);
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
		checkLater(request.nowMillis());
		if (this.availability.policy() == FailurePolicy.FAIL_CLOSED) {
			// cancelled on timeout, so that Lettuce drops it unless it was sent already
			return this.redis.admit(request)
				.timeout(this.timeout)
				.doOnNext((admission) -> learn(request, admission))
				.onErrorResume((error) -> {
					unavailable(error);
					return fallback(request);
				});
		}
		return Mono.defer(() -> {
			// not cancelled on timeout: Redis may still run it, and its answer then tells
			CompletableFuture<Admission> answer = this.redis.admit(request).toFuture();
			return Mono.fromFuture(answer, true)
				.timeout(this.timeout)
				.doOnNext((admission) -> learn(request, admission))
				.onErrorResume((error) -> {
					unavailable(error);
					// listening once the local decision is counted, so that an early answer finds it
					return fallback(request).doOnSuccess((decided) -> answer.thenAccept((late) -> {
						if (late.admitted()) {
							this.backlog.countedByRedis(request);
						}
					}));
				});
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
	 * Checks whether Redis answers. An available Redis is checked for lost data (its
	 * marker); an unavailable one that answers again gets the local counts merged into it
	 * and is marked available. At most one check of each kind runs at a time.
	 * @return whether Redis is available afterwards
	 */
	@Override
	public Mono<Boolean> probe() {
		if (this.availability.isAvailable()) {
			// asked explicitly (health): checked now, even beside a periodic check
			this.nextCheck = this.clock.millis() + this.retryMillis;
			return this.marker.check().timeout(this.timeout).thenReturn(true).onErrorResume((error) -> {
				unavailable(error);
				return Mono.just(false);
			});
		}
		if (!this.probing.compareAndSet(false, true)) {
			return Mono.just(false);
		}
		this.nextProbe = this.clock.millis() + this.retryMillis;
		return this.redis.ping()
			.timeout(this.timeout)
			.then(Mono.defer(() -> this.marker.check().timeout(this.timeout)))
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
				// a merge that failed after the switch: back to probing, which merges it later
				unavailable(error);
				return Mono.just(false);
			})
			.doFinally((signal) -> this.probing.set(false));
	}

	private void probeLater() {
		if (this.clock.millis() >= this.nextProbe && !this.probing.get()) {
			probe().subscribe();
		}
	}

	/** At most one marker check per retry interval, beside the admissions, which do not wait for it. */
	private void checkLater(long nowMillis) {
		if (nowMillis >= this.nextCheck && this.checking.compareAndSet(false, true)) {
			this.nextCheck = this.clock.millis() + this.retryMillis;
			this.marker.check()
				.timeout(this.timeout)
				.doFinally((signal) -> this.checking.set(false))
				.subscribe((done) -> {
				}, this::unavailable);
		}
	}

	private void unavailable(Throwable error) {
		String reason = (error instanceof TimeoutException) ? "no answer within " + this.timeout.toMillis() + " ms"
				: String.valueOf(error);
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
		return Mono.defer(() -> {
			Admission admission = this.local.admitNow(request);
			if (!admission.admitted()) {
				return Mono.just(admission.asLocal());
			}
			this.backlog.admitted(request);
			// Redis may have come back since this request was sent here, after the probe's
			// last merge: then nothing else would merge this count
			return mergeIfAvailable().thenReturn(admission.asLocal());
		});
	}

	private Mono<Void> mergeIfAvailable() {
		if (!this.availability.isAvailable()) {
			return Mono.empty();
		}
		return flush().onErrorResume((error) -> {
			unavailable(error);
			return Mono.empty();
		});
	}

	private Mono<Void> flush() {
		return this.backlog.flush(this.redis, this.local, this.timeout);
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

}
