package dev.apigw.template;

import org.jspecify.annotations.Nullable;

/**
 * {@code $input}: the payload and the method request's parameters, as AWS defines them.
 */
final class InputVariable implements TemplateVariable {

	private final TemplateInput input;

	InputVariable(TemplateInput input) {
		this.input = input;
	}

	/** {@code $input.body}: the raw payload; an empty payload is {@code {}}. */
	String body() {
		return this.input.body();
	}

	/** {@code $input.json(path)}: the JSONPath result as compact JSON. */
	String json(@Nullable Object path) {
		return ValueRenderer.json(path(path));
	}

	/**
	 * {@code $input.path(path)}: the JSONPath result as an object (map, JSON array, string,
	 * number, boolean); {@code null} for a missing path or a JSON {@code null}.
	 */
	@Nullable Object path(@Nullable Object path) {
		String expression = (path == null) ? "$" : ValueRenderer.render(path);
		return JsonSupport.read(this.input.parsedBody(), expression);
	}

	/** {@code $input.params()}: {@code path}, {@code querystring} and {@code header} maps. */
	Object params() {
		return this.input.params();
	}

	/** {@code $input.params(name)}: path, then query string, then header; {@code ""} if none. */
	String params(@Nullable Object name) {
		if (name == null) {
			return "";
		}
		String value = this.input.param(ValueRenderer.render(name));
		return (value != null) ? value : "";
	}

	@Override
	public String toString() {
		return "";
	}

}
