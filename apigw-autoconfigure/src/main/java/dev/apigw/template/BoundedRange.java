package dev.apigw.template;

import java.util.AbstractList;
import java.util.RandomAccess;

import org.jspecify.annotations.Nullable;

/**
 * {@code [n..m]}: computed, never materialised, and at most {@link #MAX_SIZE} numbers long, so
 * {@code [1..2147483647]} costs nothing until a {@code #foreach} runs into its iteration limit.
 */
final class BoundedRange extends AbstractList<Integer> implements RandomAccess {

	/** Velocity 1.7 (AWS) builds ranges eagerly; a bound keeps every list operation on one cheap. */
	static final int MAX_SIZE = 100_000;

	private final int from;

	private final int step;

	private final int size;

	BoundedRange(int from, int to) {
		long size = Math.abs((long) to - from) + 1;
		if (size > MAX_SIZE) {
			throw RenderState.violation("range [" + from + ".." + to + "] has more than " + MAX_SIZE + " numbers");
		}
		this.from = from;
		this.step = (to >= from) ? 1 : -1;
		this.size = (int) size;
	}

	@Override
	public Integer get(int index) {
		if (index < 0 || index >= this.size) {
			throw new IndexOutOfBoundsException("Index: " + index + ", Size: " + this.size);
		}
		return this.from + index * this.step;
	}

	@Override
	public int size() {
		return this.size;
	}

	@Override
	public int indexOf(@Nullable Object value) {
		if (!(value instanceof Integer number)) {
			return -1;
		}
		long index = ((long) number - this.from) * this.step;
		return (index >= 0 && index < this.size) ? (int) index : -1;
	}

	@Override
	public int lastIndexOf(@Nullable Object value) {
		return indexOf(value);
	}

	@Override
	public boolean contains(@Nullable Object value) {
		return indexOf(value) >= 0;
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
