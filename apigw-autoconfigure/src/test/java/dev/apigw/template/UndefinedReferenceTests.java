package dev.apigw.template;

import org.junit.jupiter.api.Test;

import static dev.apigw.template.Rendering.render;
import static org.assertj.core.api.Assertions.assertThat;

/** References that resolve to nothing print nothing, as on AWS (stock Velocity prints their source). */
class UndefinedReferenceTests {

	@Test
	void everyNotationPrintsNothing() {
		assertThat(render("[$foo][$!foo][${foo}][$!{foo}]")).isEqualTo("[][][][]");
	}

	@Test
	void propertiesIndexesAndMethodsOfNothingPrintNothing() {
		assertThat(render("[$foo.bar][${foo.bar.baz}][$foo[0]][$foo.bar()][$foo.toString()][$nothing.size()]"))
			.isEqualTo("[][][][][][]");
	}

	@Test
	void unknownPropertiesAndMethodsOfRealValuesPrintNothing() {
		assertThat(render("#set($s = \"x\")#set($m = {})#set($l = [])[$s.nope][$s.nope()][$m.nope][$l.nope][$input.nope()][$util.nope('x')]"))
			.isEqualTo("[][][][][][]");
	}

	@Test
	void nothingInsideStringLiteralsPrintsNothing() {
		assertThat(render("#set($x = \"a${foo}b$foo.bar c\")$x")).isEqualTo("ab c");
	}

	@Test
	void concatenatingNothingAddsNothing() {
		assertThat(render("#set($x = \"a\" + $foo)[$x]")).isEqualTo("[a]");
	}

	@Test
	void jsonBodyFieldsThatAreMissingPrintNothingInsideJson() {
		assertThat(render("{\"body\": $input.path('$.missing'), \"name\": \"$input.path('$.name')\"}", "{\"name\": \"n\"}"))
			.isEqualTo("{\"body\": , \"name\": \"n\"}");
	}

}
