package dev.apigw.template;

import java.util.Map;

/** Compiles and renders templates in tests. */
final class Rendering {

	static final TemplateEngine ENGINE = new TemplateEngine();

	private Rendering() {
	}

	static String render(String source) {
		return render(source, TemplateInput.builder().build());
	}

	static String render(String source, String body) {
		return render(source, TemplateInput.builder().body(body).build());
	}

	static String render(String source, TemplateInput input) {
		return ENGINE.compile("test", source).render(input);
	}

	static TemplateInput.Builder input() {
		return TemplateInput.builder();
	}

	static Map<String, Object> mutable(Map<String, Object> map) {
		return new java.util.LinkedHashMap<>(map);
	}

}
