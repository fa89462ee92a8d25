package dev.apigw.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import static dev.apigw.template.Rendering.ENGINE;
import static dev.apigw.template.Rendering.input;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Compiling: errors name the template and the position; compiled templates are shared safely. */
class TemplateCompileTests {

	@Test
	void syntaxErrorNamesTheTemplateLineAndColumn() {
		assertThatExceptionOfType(TemplateException.class)
			.isThrownBy(() -> ENGINE.compile("POST /pets application/json", "{\n  \"a\": #if($x\n}"))
			.withMessageStartingWith("Mapping template 'POST /pets application/json' has a syntax error at line 3, column 1");
	}

	@Test
	void unclosedBlockIsASyntaxError() {
		assertThatExceptionOfType(TemplateException.class).isThrownBy(() -> ENGINE.compile("t", "#foreach($i in [1..2])$i"))
			.withMessageContaining("'t' has a syntax error");
	}

	@Test
	void compileErrorsAreNotRenderErrors() {
		assertThatExceptionOfType(TemplateException.class).isThrownBy(() -> ENGINE.compile("t", "#set($a = )"))
			.isNotInstanceOf(TemplateRenderException.class);
	}

	@Test
	void templatesWithoutVtlRenderAsTheyAre() {
		assertThat(ENGINE.compile("t", "{\"statusCode\": 200}").render(input().build())).isEqualTo("{\"statusCode\": 200}");
		assertThat(ENGINE.compile("t", "").render(input().build())).isEmpty();
	}

	@Test
	void nameIsKept() {
		assertThat(ENGINE.compile("GET / application/xml", "x").name()).isEqualTo("GET / application/xml");
	}

	@Test
	void oneTemplateRendersConcurrentlyWithoutMixingInputs() throws Exception {
		MappingTemplate template = ENGINE.compile("concurrent",
				"#set($id = $input.params('id'))#foreach($i in [1..50])$id#end|$input.json('$.n')|$context.requestId");
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Future<Boolean>> results = new ArrayList<>();
			for (int n = 0; n < 200; n++) {
				String id = Integer.toString(n);
				Callable<Boolean> task = () -> {
					String out = template.render(input().pathParams(Map.of("id", id)).body("{\"n\": " + id + "}")
						.context(Map.of("requestId", "r" + id)).build());
					return out.equals(id.repeat(50) + "|" + id + "|r" + id);
				};
				results.add(pool.submit(task));
			}
			for (Future<Boolean> result : results) {
				assertThat(result.get()).isTrue();
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

}
