package dev.apigw.store;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import reactor.core.publisher.Mono;

/**
 * Stage caches in this instance's memory: one Caffeine cache per stage, bounded by the
 * bytes of its keys and responses (the stage's cache size), each entry expiring after its
 * own time to live on the gateway's clock.
 */
public final class MemoryResponseCacheStore implements ResponseCacheStore {

	private final Ticker ticker;

	private final ConcurrentMap<String, Cache<String, Entry>> stages = new ConcurrentHashMap<>();

	/**
	 * Creates the store.
	 * @param clock the gateway's clock, which entries expire by
	 */
	public MemoryResponseCacheStore(Clock clock) {
		this.ticker = () -> TimeUnit.MILLISECONDS.toNanos(clock.millis());
	}

	@Override
	public Mono<CachedResponse> get(String stage, String key) {
		Cache<String, Entry> cache = this.stages.get(stage);
		Entry entry = (cache != null) ? cache.getIfPresent(key) : null;
		return (entry != null) ? Mono.just(entry.response()) : Mono.empty();
	}

	@Override
	public Mono<Void> put(String stage, String key, CachedResponse response, Duration ttl, long capacityBytes) {
		Cache<String, Entry> cache = this.stages.computeIfAbsent(stage, (name) -> create(capacityBytes));
		cache.put(key, new Entry(response, ttl.toNanos()));
		return Mono.empty();
	}

	@Override
	public Mono<Long> flush(String stage) {
		Cache<String, Entry> cache = this.stages.get(stage);
		if (cache == null) {
			return Mono.just(0L);
		}
		long size = cache.estimatedSize();
		cache.invalidateAll();
		return Mono.just(size);
	}

	/**
	 * The entries and bytes each stage cache holds.
	 * @return stage to {@code entries} and {@code bytes}
	 */
	public Map<String, Map<String, Long>> statistics() {
		Map<String, Map<String, Long>> statistics = new java.util.TreeMap<>();
		this.stages.forEach((stage, cache) -> {
			cache.cleanUp();
			long bytes = cache.policy().eviction().map((eviction) -> eviction.weightedSize().orElse(0L)).orElse(0L);
			statistics.put(stage, Map.of("entries", cache.estimatedSize(), "bytes", bytes));
		});
		return statistics;
	}

	private Cache<String, Entry> create(long capacityBytes) {
		return Caffeine.newBuilder()
			.ticker(this.ticker)
			.maximumWeight(capacityBytes)
			.<String, Entry>weigher((key, entry) -> key.length() * 2 + entry.response().weight())
			.expireAfter(new TtlExpiry<>(Entry::ttlNanos))
			.build();
	}

	private record Entry(CachedResponse response, long ttlNanos) {

	}

}
