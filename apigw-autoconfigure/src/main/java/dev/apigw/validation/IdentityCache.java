package dev.apigw.validation;

import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * Values computed once per key object, compared by identity and held only while the key
 * is reachable: what is compiled for a deployed API lives as long as the deployment does.
 * Records compare (and hash) by value, which would cost a walk of the whole API per lookup.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class IdentityCache<K, V> {

	private final ConcurrentHashMap<Key<K>, V> values = new ConcurrentHashMap<>();

	private final ReferenceQueue<K> collected = new ReferenceQueue<>();

	private final Function<K, V> compute;

	IdentityCache(Function<K, V> compute) {
		this.compute = compute;
	}

	/**
	 * The value for a key, computed on first use.
	 * @param key the key
	 * @return the value
	 */
	V get(K key) {
		V value = this.values.get(new Key<>(key, null));
		if (value != null) {
			return value;
		}
		expunge();
		return this.values.computeIfAbsent(new Key<>(key, this.collected), (k) -> this.compute.apply(key));
	}

	/**
	 * Stores a value computed elsewhere (at start-up), unless one is there.
	 * @param key the key
	 * @param value the value
	 */
	void put(K key, V value) {
		expunge();
		this.values.putIfAbsent(new Key<>(key, this.collected), value);
	}

	int size() {
		expunge();
		return this.values.size();
	}

	private void expunge() {
		for (Reference<? extends K> ref = this.collected.poll(); ref != null; ref = this.collected.poll()) {
			this.values.remove(ref);
		}
	}

	private static final class Key<K> extends WeakReference<K> {

		private final int hash;

		Key(K referent, @Nullable ReferenceQueue<K> queue) {
			super(referent, queue);
			this.hash = System.identityHashCode(referent);
		}

		@Override
		public boolean equals(Object other) {
			if (this == other) {
				return true;
			}
			if (!(other instanceof Key<?> key)) {
				return false;
			}
			Object referent = get();
			return referent != null && referent == key.get();
		}

		@Override
		public int hashCode() {
			return this.hash;
		}

	}

}
