package dev.apigw.definition.openapi;

/**
 * A JSON pointer (RFC 6901) into an OpenAPI document, used to name the offending field in
 * problems and warnings.
 */
final class Pointer {

	static final Pointer ROOT = new Pointer("");

	private final String value;

	private Pointer(String value) {
		this.value = value;
	}

	Pointer child(String token) {
		return new Pointer(this.value + '/' + token.replace("~", "~0").replace("/", "~1"));
	}

	Pointer child(int index) {
		return new Pointer(this.value + '/' + index);
	}

	/**
	 * The pointer as Jackson's {@code JsonNode.at(..)} expects it.
	 * @return the raw pointer, empty for the whole document
	 */
	String raw() {
		return this.value;
	}

	@Override
	public String toString() {
		return this.value.isEmpty() ? "/" : this.value;
	}

}
