package dev.apigw.template;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A read-only view of a map the pipeline supplied ({@code $context} and its nested maps,
 * {@code $stageVariables}). Templates may read it and print it ({@code {a=b}}) but their writes are
 * silently dropped, so that a request template cannot change what later templates or the pipeline
 * see as {@code $context.requestId} and the like. Only {@code $context.requestOverride} and
 * {@code $context.responseOverride} are writable; {@link ContextView} hands those out unwrapped.
 */
class MapView extends AbstractMap<Object, @Nullable Object> {

	private final Map<?, ?> target;

	MapView(Map<?, ?> target) {
		this.target = target;
	}

	static @Nullable Object wrap(@Nullable Object value) {
		if (value instanceof MapView || value instanceof GuardedMap) {
			return value;
		}
		if (value instanceof Map<?, ?> map) {
			return new MapView(map);
		}
		if (value instanceof List<?> list && !(value instanceof GuardedList)) {
			return Collections.unmodifiableList(list);
		}
		return value;
	}

	@Override
	public @Nullable Object get(@Nullable Object key) {
		RenderState.tickCurrent();
		return wrap(this.target.get(key));
	}

	@Override
	public boolean containsKey(@Nullable Object key) {
		return this.target.containsKey(key);
	}

	@Override
	public int size() {
		return this.target.size();
	}

	@Override
	public @Nullable Object put(Object key, @Nullable Object value) {
		return null;
	}

	@Override
	public @Nullable Object remove(@Nullable Object key) {
		return null;
	}

	@Override
	public void clear() {
	}

	@Override
	public Set<Entry<Object, @Nullable Object>> entrySet() {
		return new AbstractSetView();
	}

	@Override
	public boolean equals(@Nullable Object other) {
		RenderState.tickCurrent();
		return super.equals(other);
	}

	@Override
	public int hashCode() {
		RenderState.tickCurrent();
		return super.hashCode();
	}

	@Override
	public String toString() {
		return ValueRenderer.toStringOf(this);
	}

	private final class AbstractSetView extends java.util.AbstractSet<Entry<Object, @Nullable Object>> {

		@Override
		public Iterator<Entry<Object, @Nullable Object>> iterator() {
			Iterator<? extends Entry<?, ?>> entries = MapView.this.target.entrySet().iterator();
			return new Iterator<>() {

				@Override
				public boolean hasNext() {
					return entries.hasNext();
				}

				@Override
				public Entry<Object, @Nullable Object> next() {
					Entry<?, ?> entry = entries.next();
					return new SimpleImmutableEntry<>(entry.getKey(), wrap(entry.getValue()));
				}

			};
		}

		@Override
		public int size() {
			return MapView.this.target.size();
		}

	}

}
