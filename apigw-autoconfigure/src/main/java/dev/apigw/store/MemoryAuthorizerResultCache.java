package dev.apigw.store;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import reactor.core.publisher.Mono;

/**
 * The in-memory {@link AuthorizerResultCache}: a bounded Caffeine cache whose entries
 * expire after their own TTL, measured on the gateway's clock. It keeps the results
 * themselves, so a hit costs no decoding.
 */
public final class MemoryAuthorizerResultCache implements AuthorizerResultCache {

	private final Cache<String, Entry> cache;

	/**
	 * Creates the cache.
	 * @param clock the gateway's clock
	 * @param maximumSize the most results kept; the least used go first
	 */
	public MemoryAuthorizerResultCache(Clock clock, long maximumSize) {
		this.cache = Caffeine.newBuilder()
			.maximumSize(maximumSize)
			.ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
			.expireAfter(new TtlExpiry<>(Entry::ttlNanos))
			.build();
	}

	@Override
	public <T> Mono<T> get(String key, ValueCodec<T> codec) {
		return Mono.fromSupplier(() -> {
			Entry entry = this.cache.getIfPresent(key);
			// the codec stands for the value's type: an entry put with another one is not ours
			if (entry == null || entry.codec() != codec) {
				return null;
			}
			@SuppressWarnings("unchecked")
			T result = (T) entry.result();
			return result;
		});
	}

	@Override
	public <T> Mono<Void> put(String key, T result, Duration ttl, ValueCodec<T> codec) {
		return Mono.fromRunnable(() -> this.cache.put(key, new Entry(result, codec, ttl.toNanos())));
	}

	@Override
	public Mono<Void> clear() {
		return Mono.fromRunnable(this.cache::invalidateAll);
	}

	private record Entry(Object result, ValueCodec<?> codec, long ttlNanos) {

	}

}
