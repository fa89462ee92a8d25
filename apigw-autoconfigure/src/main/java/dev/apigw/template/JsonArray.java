package dev.apigw.template;

import java.util.Collection;

import net.minidev.json.JSONArray;
import org.jspecify.annotations.Nullable;

/**
 * A JSON array from a body or {@code $util.parseJson}: a json-smart {@code JSONArray}, which AWS
 * prints as compact JSON ({@code [{"a":1}]}), guarded like {@link GuardedList}.
 */
final class JsonArray extends JSONArray {

	private static final long serialVersionUID = 1L;

	private final transient boolean inBody;

	JsonArray(boolean inBody) {
		this.inBody = inBody;
	}

	void rawAdd(@Nullable Object element) {
		super.add(element);
	}

	private void growing(long elements) {
		RenderState.allocateCurrent(elements * GuardedList.ELEMENT_UNITS);
		if (this.inBody) {
			TemplateInput.bodyChangedInCurrentRender();
		}
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
	public @Nullable Object remove(int index) {
		growing(0);
		return super.remove(index);
	}

	@Override
	public boolean remove(@Nullable Object element) {
		growing(0);
		return super.remove(element);
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
