package dev.apigw.template;

import java.util.Map;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static dev.apigw.template.Rendering.input;
import static dev.apigw.template.Rendering.render;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A template is attacker-controlled code: it must not reach classes, class loaders, reflection,
 * threads or the system through any value it can get hold of.
 */
@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SandboxReflectionTests {

	private static final String BODY = "{\"a\": {\"b\": 1}, \"list\": [1, 2], \"s\": \"x\", \"n\": 1.5}";

	private static String attempt(String template) {
		TemplateInput input = input().body(BODY)
			.pathParams(Map.of("id", "1"))
			.context(Map.of("requestId", "r", "identity", Map.of("sourceIp", "1.2.3.4")))
			.stageVariables(Map.of("v", "x"))
			.build();
		return render(template, input);
	}

	@ParameterizedTest
	@ValueSource(strings = {
			"$input.body.class",
			"$input.body.getClass()",
			"$input.body.getClass().forName('java.lang.Runtime').getRuntime().exec('id')",
			"$input.body.class.classLoader",
			"$input.body.class.forName('java.lang.System').getProperty('user.home')",
			"$context.getClass()",
			"$context.identity.getClass()",
			"$stageVariables.getClass()",
			"$input.getClass()",
			"$util.getClass()",
			"$input.path('$').getClass()",
			"$input.path('$.list').getClass().getClassLoader()",
			"$input.path('$.n').getClass()",
			"$input.path('$.s').class.getMethods()",
			"$input.params().getClass()",
			"$input.params('id').getClass().getProtectionDomain()",
			"$util.parseJson('{}').getClass()",
			"$util.base64Encode('x').class",
			"#set($n = 1)$n.getClass()",
			"#set($n = 1)$n.class.forName('java.lang.Thread')",
			"#set($b = true)$b.getClass()",
			"#set($r = [1..2])$r.getClass()",
			"#set($m = {})$m.getClass()",
			"#set($l = [])$l.getClass()",
			"#set($m = {'k': 'v'})#foreach($e in $m.entrySet())$e.getClass()#end",
			"#set($m = {'k': 'v'})$m.keySet().getClass()",
			"#set($m = {'k': 'v'})$m.entrySet().iterator()",
			"#foreach($i in [1])$foreach.getClass()#end",
			"#foreach($i in [1])$foreach.getInfo()#end",
			"#set($c = $input.body.class)",
			"#set($s = 'x')$s.getBytes()",
			"#set($s = 'x')$s.chars()",
			"#set($s = 'x')$s.format('%s', 1)",
			"#set($s = 'x')$s.intern()",
			"#set($s = 'x')$s.wait()",
			"#set($s = 'x')$s.notify()",
			"#set($s = 'x')$s.charAt(0).getClass()",
			"$input.json('$').getClass()",
			"#set($m = {})$m.compute('k', $null)" })
	void reflectionAndForbiddenMethodsFailTheRender(String template) {
		assertThatExceptionOfType(TemplateRenderException.class).isThrownBy(() -> attempt(template))
			.withMessageContaining("Mapping template 'test' was stopped: it mapping templates may not use");
	}

	@Test
	void classIsAnOrdinaryKeyOnMapsAndResolvesToNothing() {
		assertThat(attempt("[$context.class][$context.class.forName('java.lang.Runtime')][$input.path('$').class]"))
			.isEqualTo("[][][]");
	}

	@Test
	void classIsAnOrdinaryKeyOfJsonObjects() {
		assertThat(render("$input.path('$').class", "{\"class\": \"first\"}")).isEqualTo("first");
	}

	@Test
	void scopeInternalsStayHidden() {
		assertThat(attempt("#foreach($i in [1])[$foreach.info][$foreach.replaced]#end")).isEqualTo("[][]");
	}

	@Test
	void theEngineKeepsWorkingAfterAViolation() {
		assertThatExceptionOfType(TemplateRenderException.class).isThrownBy(() -> attempt("$input.getClass()"));
		assertThat(attempt("$input.json('$.s')")).isEqualTo("\"x\"");
	}

	@Test
	void aViolationSwallowedByAnIfStillFailsTheRender() {
		assertThatExceptionOfType(TemplateRenderException.class)
			.isThrownBy(() -> attempt("#if($input.body.getClass())yes#{else}no#end"));
	}

}
