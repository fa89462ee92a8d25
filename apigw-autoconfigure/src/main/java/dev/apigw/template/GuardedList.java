package dev.apigw.template;

import java.util.ArrayList;
import java.util.Collection;

import org.jspecify.annotations.Nullable;

/**
 * The list a template builds ({@code []} literals, {@code split} results): an {@code ArrayList} that
 * charges what it grows by to the render's budget, prints within budget and ticks the deadline on
 * {@code equals}/{@code hashCode}, so that lists nested into themselves cannot blow up.
 */
class GuardedList extends ArrayList<@Nullable Object> {

	private static final long serialVersionUID = 1L;

	static final int ELEMENT_UNITS = 8;

	GuardedList() {
	}

	GuardedList(int capacity) {
		super(capacity);
	}

	/** Adds without charging; for the engine's own construction of values. */
	final void rawAdd(@Nullable Object element) {
		super.add(element);
	}

	/** Called before the list grows; JSON arrays also mark their document as changed. */
	void growing(long elements) {
		RenderState.allocateCurrent(elements * ELEMENT_UNITS);
	}

	@Override
	public boolean add(@Nullable Object element) {
		growing(1);
		return super.add(element);
	}

	@Override
	public void add(int index, @Nullable Object element) {
		growing(1);
		super.add(index, element);
	}

	@Override
	public boolean addAll(Collection<? extends @Nullable Object> collection) {
		growing(collection.size());
		return super.addAll(collection);
	}

	@Override
	public boolean addAll(int index, Collection<? extends @Nullable Object> collection) {
		growing(collection.size());
		return super.addAll(index, collection);
	}

	@Override
	public @Nullable Object set(int index, @Nullable Object element) {
		growing(0);
		return super.set(index, element);
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
