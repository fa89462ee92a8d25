package dev.apigw.template;

import org.junit.jupiter.api.Test;

import static dev.apigw.template.Rendering.ENGINE;
import static dev.apigw.template.Rendering.input;
import static dev.apigw.template.Rendering.render;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * VTL as Velocity 1.7, the engine AWS runs, renders it. Expected outputs were produced by
 * Velocity 1.7 itself, except where AWS differs from it (undefined references print nothing).
 */
class VelocityCompatibilityTests {

	@Test
	void setLinesLeaveNoBlankLine() {
		assertThat(render("#set($a = 1)\n{\n  \"a\": $a\n}")).isEqualTo("{\n  \"a\": 1\n}");
	}

	@Test
	void directiveLinesKeepTheirIndentationAsVelocity17Does() {
		assertThat(render("#foreach($i in [1..2])\n  $i\n#end\ndone")).isEqualTo("  1\n  2\ndone");
		assertThat(render("  #if(true)\n  yes\n  #else\n  no\n  #end\nafter")).isEqualTo("    yes\n  after");
		assertThat(render("  #set($a = 1)\n  text $a\n\t#set($b = 2)\n$b")).isEqualTo("  text 1\n\t2");
	}

	@Test
	void awsStyleListTemplateRendersCleanJson() {
		String template = "{\n  \"items\": [\n#foreach($i in [1..3])\n    {\"n\": $i}#if($foreach.hasNext),#end\n\n#end\n  ]\n}";
		assertThat(render(template)).isEqualTo("{\n  \"items\": [\n    {\"n\": 1},\n    {\"n\": 2},\n    {\"n\": 3}\n  ]\n}");
	}

	@Test
	void elseifChainsAndComments() {
		assertThat(render("#set( $foo = \"bar\" )\n#if( $foo == \"bar\" )\n  It's bar\n#elseif( $foo == \"baz\" )\n  It's baz\n#end\nend"))
			.isEqualTo("  It's bar\nend");
		assertThat(render("a #* comment *# b ## line comment\nc")).isEqualTo("a  b c");
	}

	@Test
	void settingNothingKeepsThePreviousValueAsInVelocity17() {
		assertThat(render("#set($x = 'a')#set($x = $undefined)[$x]")).isEqualTo("[a]");
	}

	@Test
	void anyValueButNullAndFalseIsTrueInIf() {
		assertThat(render("#set($e = \"\")#set($z = 0)#set($l = [])#if($e)e#end|#if($l)l#end|#if($z)z#end|#if($nothing)n#end|#if(!$nothing)!n#end"))
			.isEqualTo("e|l|z||!n");
	}

	@Test
	void comparisonsConvertNumbersAndTreatNothingAsEmpty() {
		assertThat(render("#set($n = 3)#set($s = \"3\")#if($n == $s)eq#end|#if($nothing == \"\")empty#end|#if($nothing == $null)null#end"
				+ "|#if($nothing < 1)lt#else ge#end|#if(\"a\" < \"b\")strlt#else nostrlt#end"))
			.isEqualTo("eq|empty|null| ge| nostrlt");
	}

	@Test
	void arithmeticPromotesLikeVelocity17() {
		assertThat(render("#set($b = 2147483647 + 1)$b|#set($l = 9223372036854775807)#set($l2 = $l + 1)$l2"
				+ "|#set($f = 1.5 * 2)$f|#set($q = 7 / 2.0)$q|#set($d = 10 / 4)$d|#set($m = 7 % 3)$m|#set($zero = 5 / 0)[$zero]"))
			.isEqualTo("2147483648|9223372036854775808|3.0|3.5|2|1|[]");
	}

	@Test
	void stringsConcatenateWithPlus() {
		assertThat(render("#set($s = \"abc\")#set($t = $s + \"d\")[$t]#set($u = $s + 1)[$u]#set($v = 1 + 2)[$v]"))
			.isEqualTo("[abcd][abc1][3]");
	}

	@Test
	void literalsBuildMapsListsAndRanges() {
		assertThat(render("#set($m = {\"a\": 1, \"b\": [1, 2]})$m $m.a $m.b|#set($l = [\"x\", 1, true])$l $l.size() $l[0]|#set($r = [3..1])$r"))
			.isEqualTo("{a=1, b=[1, 2]} 1 [1, 2]|[x, 1, true] 3 x|[3, 2, 1]");
		assertThat(render("#set($m = {})#set($m.k = \"v\")#set($m[\"j\"] = 2)$m|#set($l = [1, 2])#set($l[0] = 9)$l"))
			.isEqualTo("{k=v, j=2}|[9, 2]");
		assertThat(render("#set($map = {\"a\": {\"b\": [1, {\"c\": \"deep\"}]}})$map.a.b[1].c|$map.get(\"a\").get(\"b\").get(0)"))
			.isEqualTo("deep|1");
	}

	@Test
	void foreachOffersItsScopeTheOldCounterAndBreak() {
		assertThat(render("#foreach($a in [1..2])#foreach($b in [\"x\", \"y\"])$foreach.parent.count$foreach.count$b #end#end"))
			.isEqualTo("11x 12y 21x 22y ");
		assertThat(render("#foreach($i in [1..3])$velocityCount$foreach.index$foreach.first$foreach.last#end"))
			.isEqualTo("10truefalse21falsefalse32falsetrue");
		assertThat(render("#foreach($k in {\"a\": 1, \"b\": 2})$k#end|#foreach($x in $nothing)never#end|#foreach($i in [1..3])#if($i == 2)#break#end$i#end"))
			.isEqualTo("12||1");
		assertThat(render("#set($i = 0)#foreach($x in [1..5])#set($i = $i + $x)#end$i")).isEqualTo("15");
	}

	@Test
	void macrosAndDefines() {
		assertThat(render("#macro(greet $name)\nHello $name!\n#end\n#greet(\"you\")\n#greet(\"me\")\n"))
			.isEqualTo("Hello you!\nHello me!\n");
		assertThat(render("#set($x = \"outer\")#macro(setx)#set($x = \"inner\")#end#setx()$x")).isEqualTo("inner");
		assertThat(render("#macro(m $a)[$a]#end#m()#m($undefined)#m(\"v\")")).isEqualTo("[][][v]");
		assertThat(render("#define($block)inner $x#end#set($x = 1)$block#set($x = 2) $block")).isEqualTo("inner 1 inner 2");
	}

	@Test
	void macrosBelongToTheTemplateDefiningThem() {
		MappingTemplate first = ENGINE.compile("first", "#macro(m)first#end#m()");
		MappingTemplate second = ENGINE.compile("second", "#macro(m)second#end#m()");
		MappingTemplate third = ENGINE.compile("third", "#m()");
		assertThat(first.render(input().build()) + second.render(input().build()) + third.render(input().build()))
			.isEqualTo("firstsecond#m()");
	}

	@Test
	void stringMethodsBehaveAsInJava() {
		assertThat(render("#set($s = \"Hello, World\")$s.substring(0, 5)|$s.toUpperCase()|$s.replace(\"World\", \"VTL\")"
				+ "|$s.indexOf(\"o\")|$s.split(\",\")[1]|$s.length()|$s.contains(\"World\")|$s.replaceAll(\"[lo]+\", \"_\")"
				+ "|$s.matches(\"H.*d\")|$s.replaceFirst(\"l\", \"L\")|$s.trim().startsWith(\"He\")|$s.charAt(0)"))
			.isEqualTo("Hello|HELLO, WORLD|Hello, VTL|4| World|12|true|He_, W_r_d|true|HeLlo, World|true|H");
		assertThat(render("#set($str = \"a,b,,c,,\")$str.split(\",\").size()|$str.split(\",\", -1).size()|$str.split(\",\", 2)"
				+ "|$str.split(\"\")|#set($e = \"\")$e.split(\",\").size()"))
			.isEqualTo("4|6|[a, b,,c,,]|[a, ,, b, ,, ,, c, ,, ,]|1");
	}

	@Test
	void numbersCanParseStringsAsInTheUsualVtlIdiom() {
		assertThat(render("#set($Integer = 0)#set($n = $Integer.parseInt(\"41\") + 1)$n|$n.doubleValue()")).isEqualTo("42|42.0");
	}

	@Test
	void escapedReferencesAndRawBlocksAreLeftAsWritten() {
		assertThat(render("$1.5 \\$x #[[raw $x]]#")).isEqualTo("$1.5 \\$x raw $x");
	}

}
