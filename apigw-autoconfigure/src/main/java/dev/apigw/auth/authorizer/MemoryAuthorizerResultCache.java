package dev.apigw.auth.authorizer;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import reactor.core.publisher.Mono;

/**
 * The in-memory {@link AuthorizerResultCache}: a bounded Caffeine cache whose entries
 * expire after their own TTL, measured on the gateway's clock.
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
			.expireAfter(new Expiry<String, Entry>() {

				@Override
				public long expireAfterCreate(String key, Entry entry, long currentTime) {
					return entry.ttlNanos();
				}

				@Override
				public long expireAfterUpdate(String key, Entry entry, long currentTime, long currentDuration) {
					return entry.ttlNanos();
				}

				@Override
				public long expireAfterRead(String key, Entry entry, long currentTime, long currentDuration) {
					return currentDuration;
				}

			})
			.build();
	}

	@Override
	public Mono<AuthorizerResult> get(String key) {
		return Mono.fromSupplier(() -> {
			Entry entry = this.cache.getIfPresent(key);
			return (entry != null) ? entry.result() : null;
		});
	}

	@Override
	public Mono<Void> put(String key, AuthorizerResult result, Duration ttl) {
		return Mono.fromRunnable(() -> this.cache.put(key, new Entry(result, ttl.toNanos())));
	}

	@Override
	public Mono<Void> clear() {
		return Mono.fromRunnable(this.cache::invalidateAll);
	}

	private record Entry(AuthorizerResult result, long ttlNanos) {

	}

}
