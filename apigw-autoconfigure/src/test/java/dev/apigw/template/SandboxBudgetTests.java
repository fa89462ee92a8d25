package dev.apigw.template;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static dev.apigw.template.Rendering.input;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * No template can make a render run or allocate without bound: each attempt below ends, quickly,
 * in a {@link TemplateRenderException} that says which limit it hit. The class-level timeout is
 * the proof that nothing hangs.
 */
@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SandboxBudgetTests {

	/** 200 ms, 1 MiB of output, AWS's 1,000 iterations, depth 20. */
	private static final TemplateLimits TIGHT = new TemplateLimits(Duration.ofMillis(200), 1 << 20, 1000, 20);

	private static final TemplateEngine ENGINE = new TemplateEngine(TIGHT);

	private static String render(String template) {
		return render(template, input().build());
	}

	private static String render(String template, TemplateInput input) {
		return ENGINE.compile("budget", template).render(input);
	}

	private static void assertStopped(String template, String reason) {
		assertStopped(template, input().build(), reason);
	}

	private static void assertStopped(String template, TemplateInput input, String reason) {
		assertThatExceptionOfType(TemplateRenderException.class).isThrownBy(() -> render(template, input))
			.withMessageStartingWith("Mapping template 'budget' was stopped: it")
			.withMessageContaining(reason);
	}

	@Test
	void hugeRangeIsRefusedWithoutBeingBuilt() {
		assertStopped("#foreach($i in [1..2147483647])$i#end", "has more than 100000 numbers");
		assertStopped("#set($r = [-2147483648..2147483647])$r.size()", "has more than 100000 numbers");
	}

	@Test
	void foreachStopsAfterAwssThousandIterations() {
		assertThat(render("#foreach($i in [1..1000])#end$foreach.count")).isEmpty();
		assertStopped("#foreach($i in [0..1000])#end", "#foreach ran more than 1000 iterations");
	}

	@Test
	void foreachOverAHugeJsonArrayStopsAtTheLimit() {
		String body = "[" + "1,".repeat(5000) + "1]";
		assertStopped("#foreach($x in $input.path('$'))$x#end", input().body(body).build(), "more than 1000 iterations");
	}

	@Test
	void nestedLoopsRunIntoTheDeadline() {
		assertStopped("#foreach($a in [1..1000])#foreach($b in [1..1000])#foreach($c in [1..1000])#end#end#end",
				"took longer than 200 ms");
	}

	@Test
	void deadlineIsMeasuredWithTheEnginesClock() {
		AtomicLong now = new AtomicLong();
		TemplateEngine engine = new TemplateEngine(TIGHT, () -> now.addAndGet(1_000_000));
		MappingTemplate template = engine.compile("clock", "#foreach($a in [1..1000])#foreach($b in [1..1000])$b#end#end");
		assertThatExceptionOfType(TemplateRenderException.class).isThrownBy(() -> template.render(input().build()))
			.withMessage("Mapping template 'clock' was stopped: it took longer than 200 ms");
	}

	@Test
	void recursiveMacroHitsTheDepthLimit() {
		assertStopped("#macro(r)#r()#end#r()", "deeper than 20");
	}

	@Test
	void macroFanOutRunsIntoTheDeadline() {
		// 4^18 calls, each within the depth limit
		assertStopped("#macro(f $s)#if($s.length() < 18)#f(\"${s}x\")#f(\"${s}x\")#f(\"${s}x\")#f(\"${s}x\")#end#end#f(\"\")",
				"took longer than 200 ms");
		assertStopped("#macro(g)#g()#g()#end#g()", "deeper than 20");
	}

	@Test
	void recursiveDefineHitsTheDepthLimit() {
		assertStopped("#define($a)$a#end$a", "deeper than 20");
		assertStopped("#define($a)x$a$a#end$a", "deeper than 20");
	}

	@Test
	void stringDoublingRunsOutOfBudget() {
		assertStopped("#set($s = 'ab')#foreach($i in [1..64])#set($s = \"$s$s\")#end", "intermediate values");
		assertStopped("#set($s = 'ab')#foreach($i in [1..64])#set($s = $s + $s)#end", "over the remaining budget");
		assertStopped("#set($s = 'ab')#foreach($i in [1..64])#set($s = $s.concat($s))#end", "over the remaining budget");
	}

	@Test
	void hugeRepeatIsRefusedBeforeItAllocates() {
		assertStopped("#set($s = 'ab')$s.repeat(2147483647)", "over the remaining budget");
		assertStopped("#set($s = 'x')$s.repeat(100000000)", "over the remaining budget");
	}

	@Test
	void replaceThatMultipliesTheStringRunsOutOfBudget() {
		assertStopped("#set($s = 'aaaaaaaaaa')#foreach($i in [1..20])#set($s = $s.replace('a', 'aaaaaaaaaa'))#end", "");
		assertStopped("#set($s = 'aaaaaaaaaa')#foreach($i in [1..20])#set($s = $s.replaceAll('a', 'aaaaaaaaaa'))#end", "");
		assertStopped("#set($s = 'ab')#foreach($i in [1..40])#set($s = $s.replace('', $s))#end", "");
	}

	@Test
	void listDoublingRunsOutOfBudget() {
		assertStopped("#set($l = [1])#foreach($i in [1..64])#set($ignored = $l.addAll($l))#end", "intermediate values");
		assertStopped("#set($m = {})#foreach($a in [1..1000])#foreach($b in [1..1000])$m.put(\"$a-$b\", $b)#end#end", "");
	}

	@Test
	void outputBeyondTheLimitIsCut() {
		String body = "x".repeat(10_000);
		assertStopped("#foreach($i in [1..1000])$input.body#end", input().body(body).build(), "wrote more than 1048576");
	}

	@Test
	void aSingleHugeValueBeyondTheOutputLimitIsCut() {
		assertStopped("$input.body", input().body("y".repeat(2_000_000)).build(), "");
	}

	@Test
	void sharedSubstructuresCannotAmplifyPrinting() {
		String template = "#set($l = ['0123456789'])"
				+ "#foreach($i in [1..30])#set($l = [$l, $l, $l, $l])#end$l";
		assertStopped(template, "");
	}

	@Test
	void sharedSubstructuresCannotAmplifyEqualsOrHashCode() {
		String build = "#set($a = [1])#set($b = [1])#foreach($i in [1..40])#set($a = [$a, $a, $a, $a])#set($b = [$b, $b, $b, $b])#end";
		// whichever budget runs out first (time, or what the template builds) stops it
		for (String amplify : List.of("#if($a == $b)same#end", "$a.hashCode()", "#set($m = {})$m.put($a, 1)")) {
			assertThatExceptionOfType(TemplateRenderException.class).isThrownBy(() -> render(build + amplify))
				.withMessageStartingWith("Mapping template 'budget' was stopped: it")
				.satisfies((ex) -> assertThat(ex.getMessage()).containsAnyOf("took longer than", "remaining budget"));
		}
	}

	@Test
	void cyclicStructuresAreContained() {
		assertThat(render("#set($a = [])$a.add($a)$a")).isEqualTo("true[(this Collection)]");
		assertStopped("#set($a = [])#set($b = [$a])$a.add($b)$a", "nested more than 512 levels");
		assertStopped("#set($a = [])#set($b = [$a])$a.add($b)$a.hashCode()", "nests too deeply");
	}

	@Test
	void catastrophicRegularExpressionsRunIntoTheDeadline() {
		TemplateInput input = input().pathParams(Map.of("s", "a".repeat(40) + "!")).build();
		assertStopped("$input.params('s').matches('((a+)+)+b')", input, "took longer than 200 ms");
		assertStopped("$input.params('s').replaceAll('((a+)+)+b', 'x')", input, "took longer than 200 ms");
		assertStopped("$input.params('s').replaceFirst('((a+)+)+b', 'x')", input, "took longer than 200 ms");
		assertStopped("$input.params('s').split('((a+)+)+b')", input, "took longer than 200 ms");
	}

	@Test
	void regularExpressionJsonPathFiltersAreRefused() {
		assertStopped("$input.path(\"$.a[?(@.b =~ /(a+)+c/)]\")", input().body("{\"a\": [{\"b\": \"aaaa\"}]}").build(),
				"regular-expression filters");
	}

	@Test
	void jsonPathsWhoseCostGrowsFasterThanTheBodyAreRefused() {
		TemplateInput input = input().body("{\"a\": [{\"b\": {\"c\": 1}}]}").build();
		assertStopped("$input.json('$..[?(@..c)]')", input, "deep scans");
		assertStopped("$input.json('$..*..*')", input, "deep scans");
		assertThat(render("$input.json('$..c')|$input.json('$.a[?(@.b.c == 1)].b')", input)).isEqualTo("[1]|[{\"c\":1}]");
	}

	@Test
	void quadraticSubstringSearchIsRefused() {
		String template = "#set($h = 'a'.repeat(400000))#set($n = $h.substring(0, 200000) + 'b')$h.indexOf($n)";
		assertStopped(template.replace("'a'.repeat", "$input.params('a').repeat"),
				input().pathParams(Map.of("a", "a")).build(), "too expensive");
	}

	@Test
	void repeatedSquaringStopsBeforeNumbersGetHuge() {
		assertStopped("#set($x = 3)#foreach($i in [1..64])#set($x = $x * $x)#end$x", "number larger than 2^4096");
	}

	@Test
	void decimalsWithHugeExponentsFromTheBodyAreNotExpanded() {
		TemplateInput input = input().body("{\"n\": 0.100000000000000000000001e999999999}").build();
		assertStopped("#set($y = $input.path('$.n') + 1)$y", input, "decimal number with more than");
		assertThat(render("$input.path('$.n')", input)).isEqualTo("1.00000000000000000000001E+999999998");
	}

	@Test
	void overlongNumbersInTheBodyAreRefusedBeforeParsing() {
		TemplateInput input = input().body("{\"n\": " + "7".repeat(200_000) + "}").build();
		assertStopped("$input.path('$.n')", input, "number longer than 1000 characters");
	}

	@Test
	void overlongNumericStringsAreNeverParsedAsNumbers() {
		TemplateInput input = input().body("9".repeat(500_000)).build();
		assertThat(render("#if($input.body > 1)gt#{else}not-a-number#end", input)).isEqualTo("not-a-number");
		assertStopped("#set($x = $input.body * 2)", input, "arithmetic on a string");
	}

	@Test
	void deeplyNestedJsonIsNotJson() {
		String body = "[".repeat(100_000);
		assertThat(render("[$input.path('$')]", input().body(body).build())).isEqualTo("[]");
	}

	@Test
	void deeplyNestedTemplatesRenderOrFailToCompileButNeverCrash() {
		assertThat(render("#if(true)".repeat(500) + "x" + "#end".repeat(500))).isEqualTo("x");
		String tooDeep = "#if(true)".repeat(100_000) + "x" + "#end".repeat(100_000);
		assertThatExceptionOfType(TemplateException.class).isThrownBy(() -> render(tooDeep))
			.withMessageContaining("nests too deeply");
	}

	@Test
	void escapingAHugeStringRunsOutOfBudget() {
		assertStopped("#set($s = \"'\")#foreach($i in [1..40])#set($s = $util.escapeJavaScript($s))#end", "remaining budget");
	}

	@Test
	void noThreadIsLeftBehind() {
		int before = Thread.activeCount();
		for (int i = 0; i < 5; i++) {
			assertThatExceptionOfType(TemplateRenderException.class)
				.isThrownBy(() -> render("#foreach($a in [1..1000])#foreach($b in [1..1000])#foreach($c in [1..1000])#end#end#end"));
		}
		assertThat(Thread.activeCount()).isLessThanOrEqualTo(before);
	}

	@Test
	void theThreadIsCleanAfterAStoppedRender() {
		assertStopped("#foreach($i in [0..1000])#end", "");
		assertThat(RenderState.current()).isNull();
		assertThat(render("ok")).isEqualTo("ok");
	}

}
