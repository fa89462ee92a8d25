package dev.apigw.template;

import java.util.Iterator;

/** A {@code #foreach} iterator: at most {@code maxForeachIterations} elements. */
final class CountingIterator<T> implements Iterator<T> {

	private final Iterator<T> iterator;

	private final RenderState state;

	private int count;

	CountingIterator(Iterator<T> iterator, RenderState state) {
		this.iterator = iterator;
		this.state = state;
	}

	@Override
	public boolean hasNext() {
		return this.iterator.hasNext();
	}

	@Override
	public T next() {
		this.state.tick();
		if (++this.count > this.state.limits().maxForeachIterations()) {
			throw this.state.fail("#foreach ran more than " + this.state.limits().maxForeachIterations()
					+ " iterations");
		}
		return this.iterator.next();
	}

}
