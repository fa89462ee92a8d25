package dev.apigw.template;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The map a template builds ({@code {}} literals, the {@code $context} override maps): a
 * {@code LinkedHashMap} that charges what it grows by to the render's budget, prints within budget
 * ({@code {a=b, c=d}} like any Java map) and ticks the deadline on {@code equals}/{@code hashCode}.
 */
class GuardedMap extends LinkedHashMap<@Nullable Object, @Nullable Object> {

	private static final long serialVersionUID = 1L;

	/** Puts without charging; for the engine's own construction of values. */
	final void rawPut(@Nullable Object key, @Nullable Object value) {
		super.put(key, value);
	}

	/** Called before the map changes; JSON objects also mark their document as changed. */
	void growing(long entries) {
		RenderState.allocateCurrent(entries * GuardedList.ELEMENT_UNITS);
	}

	@Override
	public @Nullable Object put(@Nullable Object key, @Nullable Object value) {
		growing(1);
		return super.put(key, value);
	}

	@Override
	public void putAll(Map<? extends @Nullable Object, ? extends @Nullable Object> map) {
		growing(map.size());
		super.putAll(map);
	}

	@Override
	public @Nullable Object putIfAbsent(@Nullable Object key, @Nullable Object value) {
		growing(1);
		return super.putIfAbsent(key, value);
	}

	@Override
	public @Nullable Object remove(@Nullable Object key) {
		growing(0);
		return super.remove(key);
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

}
