package dev.apigw.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicReference;

import dev.apigw.store.AdmissionRequest.Metering;
import dev.apigw.store.AdmissionRequest.Quota;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What an instance counted on its own and has not merged into Redis yet: counts per counter,
 * the key ids seen per plan, and the plans' first uses. Entries only change inside
 * {@code compute()} and leave with {@code remove()}, both atomic per name, so a count made
 * while a flush runs is either in that flush or left for the next one, never lost.
 * <p>
 * Counts are only ever added to Redis: a count found to be in Redis already is taken out of
 * the backlog while it is still there, never subtracted from Redis, because a Redis that
 * lost its data has been raised to the instances' own totals, which may already include it.
 */
final class Backlog {

	private final ConcurrentMap<String, PendingCount> counts = new ConcurrentHashMap<>();

	private final ConcurrentMap<String, Set<String>> members = new ConcurrentHashMap<>();

	private final Set<String> firstUses = ConcurrentHashMap.newKeySet();

	/**
	 * Records a request admitted by this instance alone.
	 * @param request the request
	 */
	void admitted(AdmissionRequest request) {
		Quota quota = request.quota();
		if (quota != null) {
			count(quota.counter(), 1, quota.expiresAtMillis());
			this.firstUses.add(quota.firstUse());
		}
		Metering metering = request.metering();
		if (metering != null) {
			count(metering.counter(), 1, metering.expiresAtMillis());
			addMembers(metering.set(), Set.of(metering.member()));
		}
	}

	/**
	 * Takes one count of a request's counters out of the backlog: Redis admitted and counted
	 * the request after this instance had stopped waiting for its answer and decided it
	 * itself. Nothing is taken when nothing is pending (this instance refused it and counted
	 * nothing else since): Redis then holds one request more than was admitted.
	 * @param request the request
	 */
	void countedByRedis(AdmissionRequest request) {
		Quota quota = request.quota();
		if (quota != null) {
			uncount(quota.counter(), 1);
		}
		Metering metering = request.metering();
		if (metering != null) {
			uncount(metering.counter(), 1);
		}
	}

	/**
	 * Merges everything into Redis. Every merge is tried; one that fails is put back for a
	 * later flush, and the flush then fails with the first error. A count merge that timed
	 * out but that Redis still ran is taken out of the backlog again when its late answer
	 * comes (what is still pending of it), so it is not merged twice.
	 * @param redis Redis
	 * @param local this instance's own counters, whose totals are the floors of the merges
	 * @param timeout how long one merge may take
	 * @return completion
	 */
	Mono<Void> flush(RedisRateLimitStore redis, MemoryRateLimitStore local, Duration timeout) {
		List<Merge> merges = new ArrayList<>();
		for (String name : List.copyOf(this.firstUses)) {
			this.firstUses.remove(name);
			merges.add(new Merge(redis.putIfAbsent(name, local.value(name)), () -> this.firstUses.add(name),
					Merge.IDEMPOTENT));
		}
		for (String set : List.copyOf(this.members.keySet())) {
			Set<String> added = this.members.remove(set);
			if (added != null) {
				merges.add(new Merge(redis.add(set, added), () -> addMembers(set, added), Merge.IDEMPOTENT));
			}
		}
		for (String name : List.copyOf(this.counts.keySet())) {
			PendingCount pending = this.counts.remove(name);
			if (pending != null && pending.count > 0) {
				merges.add(new Merge(redis.merge(name, pending.count, local.value(name), pending.expiresAtMillis),
						() -> count(name, pending.count, pending.expiresAtMillis),
						() -> uncount(name, pending.count)));
			}
		}
		AtomicReference<@Nullable Throwable> failure = new AtomicReference<>();
		return Flux.fromIterable(merges)
			.concatMap((merge) -> {
				// not cancelled on timeout: a late answer tells that Redis did merge
				CompletableFuture<Void> done = merge.work().toFuture();
				return Mono.fromFuture(done, true).timeout(timeout).onErrorResume((error) -> {
					merge.restore().run();
					done.thenRun(merge.takeBack());
					failure.compareAndSet(null, error);
					return Mono.empty();
				});
			})
			.then(Mono.defer(() -> {
				Throwable error = failure.get();
				return (error != null) ? Mono.error(error) : Mono.<Void>empty();
			}));
	}

	private void count(String counter, long delta, long expiresAtMillis) {
		this.counts.compute(counter, (name, pending) -> {
			PendingCount result = (pending != null) ? pending : new PendingCount(expiresAtMillis);
			result.count += delta;
			return result;
		});
	}

	private void uncount(String counter, long delta) {
		this.counts.computeIfPresent(counter, (name, pending) -> {
			pending.count -= Math.min(delta, pending.count);
			return (pending.count > 0) ? pending : null;
		});
	}

	private void addMembers(String set, Set<String> added) {
		this.members.compute(set, (name, pending) -> {
			Set<String> result = (pending != null) ? pending : new HashSet<>();
			result.addAll(added);
			return result;
		});
	}

	/**
	 * One merge, what puts it back in the backlog when it fails, and what takes that back
	 * when it turns out to have succeeded after all.
	 */
	private record Merge(Mono<Void> work, Runnable restore, Runnable takeBack) {

		static final Runnable IDEMPOTENT = () -> {
		};

	}

	private static final class PendingCount {

		private long count;

		private final long expiresAtMillis;

		PendingCount(long expiresAtMillis) {
			this.expiresAtMillis = expiresAtMillis;
		}

	}

}
