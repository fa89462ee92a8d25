package dev.apigw.store;

import java.util.function.ToLongFunction;

import com.github.benmanes.caffeine.cache.Expiry;

/**
 * Expires each entry of a memory store after its own time to live, set when it is written
 * (again when it is replaced) and not extended by reads, as Redis's {@code PX} does for the
 * Redis variants.
 *
 * @param <V> the entry type
 */
final class TtlExpiry<V> implements Expiry<String, V> {

	private final ToLongFunction<V> ttlNanos;

	TtlExpiry(ToLongFunction<V> ttlNanos) {
		this.ttlNanos = ttlNanos;
	}

	@Override
	public long expireAfterCreate(String key, V entry, long currentTime) {
		return this.ttlNanos.applyAsLong(entry);
	}

	@Override
	public long expireAfterUpdate(String key, V entry, long currentTime, long currentDuration) {
		return this.ttlNanos.applyAsLong(entry);
	}

	@Override
	public long expireAfterRead(String key, V entry, long currentTime, long currentDuration) {
		return currentDuration;
	}

}
