package dev.apigw.template;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SmokeTests {

	@Test
	void smoke() {
		System.out.println("[" + Rendering.render("$input.body|$input.json('$.a')|$input.path('$')|$input.path('$.l')|$undefined|${undefined}|$util.escapeJavaScript(\"it's\")", "{\"a\": \"x/y\", \"l\": [{\"foo\": \"bar\"}]}") + "]");
		System.out.println("[" + Rendering.render("#set($r = $input.path('$.missing'))#if($r == $null)N#end#if($r == \"\")E#end[$r][$r.nested]#foreach($i in [1..3])$i$velocityCount#end", "{}") + "]");
		assertThat(Rendering.render("x")).isEqualTo("x");
	}

}
