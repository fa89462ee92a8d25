package dev.apigw.template;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.apigw.template.Rendering.ENGINE;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Templates cannot read files or other resources, nor evaluate text as VTL at render time. */
@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SandboxResourceTests {

	@ParameterizedTest
	@ValueSource(strings = {
			"#include('/etc/passwd')",
			"#parse('/etc/passwd')",
			"#parse('pom.xml')",
			"#include($input.params('file'))",
			"#evaluate($input.body)",
			"#evaluate('$input.body.getClass()')",
			"#{include}('/etc/hosts')",
			"#macro(m)#parse('x.vtl')#end",
			"#foreach($f in ['/etc/passwd'])#include($f)#end",
			"#if(true)\n  #define($x)#evaluate('1')#end\n#end" })
	void directivesThatReadResourcesOrEvaluateTextAreRejectedAtCompileTime(String template) {
		assertThatExceptionOfType(TemplateException.class).isThrownBy(() -> ENGINE.compile("files", template))
			.withMessageContaining("Mapping template 'files' uses #")
			.withMessageContaining("which is not allowed");
	}

}
