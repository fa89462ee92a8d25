package dev.apigw.template;

/**
 * A JSON object from a request or response body or {@code $util.parseJson}: insertion-ordered
 * like the {@code LinkedHashMap} json-smart builds for Jayway, so it prints as {@code {a=1, b=x}}.
 * Objects of the parsed body tell the input when a template changes them, so that the next
 * {@code $input.path} sees the body as sent (AWS evaluates every call on the original body).
 */
final class JsonObject extends GuardedMap {

	private static final long serialVersionUID = 1L;

	private final transient boolean inBody;

	JsonObject(boolean inBody) {
		this.inBody = inBody;
	}

	@Override
	void growing(long entries) {
		super.growing(entries);
		if (this.inBody) {
			TemplateInput.bodyChangedInCurrentRender();
		}
	}

}
