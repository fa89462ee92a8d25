package dev.apigw.template;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static dev.apigw.template.Rendering.input;
import static dev.apigw.template.Rendering.render;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code $input}: body, json, path and params, byte for byte as AWS renders them. */
class InputVariableTests {

	private static final String NESTED = "{\"foo\": \"bar\", \"list\": [{\"nested\": \"bar\"}], \"things\": [1, 2, 3],"
			+ " \"nul\": null, \"empty\": [], \"n\": 1.50, \"i\": 12, \"t\": true, \"s\": \"a/b \\\"q\\\"\"}";

	@Test
	void bodyIsTheRawPayloadWithTheClientsSpacing() {
		assertThat(render("$input.body", "{\"some\": \"value\"}")).isEqualTo("{\"some\": \"value\"}");
	}

	@Test
	void emptyOrMissingBodyRendersAsEmptyObject() {
		assertThat(render("Action=SendMessage&MessageBody=$input.body", "")).isEqualTo("Action=SendMessage&MessageBody={}");
		assertThat(render("$input.body", input().body(null).build())).isEqualTo("{}");
	}

	@Test
	void nonJsonBodyIsReturnedVerbatim() {
		assertThat(render("$input.body", "some raw data")).isEqualTo("some raw data");
	}

	@Test
	void propertyOfTheBodyStringRendersEmpty() {
		assertThat(render("[$input.body.someField]", "{\"someField\": 1}")).isEqualTo("[]");
		assertThat(render("[$util.urlEncode($input.body.testAccess)]", "{}")).isEqualTo("[]");
	}

	@Test
	void jsonRendersCompactJsonOfThePathResult() {
		assertThat(render("$input.json('$.foo')|$input.json('$.i')|$input.json('$.n')|$input.json('$.t')", NESTED))
			.isEqualTo("\"bar\"|12|1.5|true");
		assertThat(render("$input.json('$.list')|$input.json('$.list[0]')", NESTED))
			.isEqualTo("[{\"nested\":\"bar\"}]|{\"nested\":\"bar\"}");
		assertThat(render("$input.json('$')", "{\"some\": \"value\", \"a\": [1, 2]}"))
			.isEqualTo("{\"some\":\"value\",\"a\":[1,2]}");
	}

	@Test
	void jsonEscapesStringsAsJsonSmartDoes() {
		assertThat(render("$input.json('$.s')", NESTED)).isEqualTo("\"a\\/b \\\"q\\\"\"");
	}

	@Test
	void jsonOfMissingPathOrJsonNullIsNull() {
		assertThat(render("$input.json('$.missing')|$input.json('$.nul')", NESTED)).isEqualTo("null|null");
	}

	@Test
	void jsonAcceptsPathsWithoutTheDollarPrefixAndDefaultsToTheWholeBody() {
		assertThat(render("$input.json('foo')|$input.json()", "{\"foo\": 1}")).isEqualTo("1|{\"foo\":1}");
	}

	@Test
	void pathPrintsMapsAsJavaMapsAndListsAsCompactJson() {
		assertThat(render("$input.path('$')", "{\"foo\": \"bar\"}")).isEqualTo("{foo=bar}");
		assertThat(render("$input.path('$.list')", NESTED)).isEqualTo("[{\"nested\":\"bar\"}]");
		assertThat(render("$input.path('$')", "{\"foo\": [{\"nested\": \"bar\"}]}")).isEqualTo("{foo=[{\"nested\":\"bar\"}]}");
		assertThat(render("$input.path('$').toString()", "{\"foo\": \"bar\", \"b\": 2}")).isEqualTo("{foo=bar, b=2}");
	}

	@Test
	void pathKeepsTheBodysKeyOrder() {
		assertThat(render("$input.path('$')", "{\"z\": 1, \"a\": 2, \"m\": {\"y\": 1, \"b\": 2}}"))
			.isEqualTo("{z=1, a=2, m={y=1, b=2}}");
	}

	@Test
	void pathListsInsideListsAndMapsInsideListsPrintAsJson() {
		assertThat(render("$input.path('$')", "{\"a\": [[1, \"x/y\"], {\"k\": null}]}"))
			.isEqualTo("{a=[[1,\"x\\/y\"],{\"k\":null}]}");
	}

	@Test
	void pathReturnsScalarsAsValues() {
		assertThat(render("$input.path('$.foo')|$input.path('$.i')|$input.path('$.n')|$input.path('$.t')", NESTED))
			.isEqualTo("bar|12|1.5|true");
	}

	@Test
	void missingPathRendersEmptyAndEqualsBothNullAndEmptyString() {
		String template = "#set($r = $input.path('$.missing'))[$r][$r.nested]"
				+ "#if($r == $null)null#end #if($r == \"\")empty#end #if($r != \"\")different#end";
		assertThat(render(template, NESTED)).isEqualTo("[][]null empty ");
	}

	@Test
	void jsonNullBehavesLikeAMissingPath() {
		String template = "#set($r = $input.path('$.nul'))[$r][$r.nested]#if($r == $null)null#end #if($r == \"\")empty#end";
		assertThat(render(template, NESTED)).isEqualTo("[][]null empty");
	}

	@Test
	void emptyListRendersAsBracketsAndIsNeitherNullNorEmptyString() {
		String template = "#set($r = $input.path('$.empty'))[$r]#if($r == $null)null#end#if($r == \"\")empty#end$r.size()";
		assertThat(render(template, NESTED)).isEqualTo("[[]]0");
	}

	@Test
	void sizeWorksOnListsAndMaps() {
		assertThat(render("$input.path('$.things').size() $input.path('$').size() $input.path('$.list[0]').size()", NESTED))
			.isEqualTo("3 9 1");
	}

	@Test
	void pathResultsCanBeNavigatedAndIterated() {
		String template = "#set($root = $input.path('$'))$root.list[0].nested $root.things[1] $root.get('foo')"
				+ "#foreach($t in $root.things) $t#if($foreach.hasNext),#end#end";
		assertThat(render(template, NESTED)).isEqualTo("bar 2 bar 1, 2, 3");
	}

	@Test
	void changingAPathResultDoesNotChangeWhatTheNextCallSees() {
		String template = "#set($root = $input.path('$'))$root.put('added', 1)$input.json('$')|$root";
		assertThat(render(template, "{\"a\": 1}")).isEqualTo("{\"a\":1}|{a=1, added=1}");
	}

	@Test
	void pathOnNonJsonBodyGivesTheTextForTheRootAndNothingBelow() {
		assertThat(render("[$input.path('$')][$input.path('$.a')][$input.json('$')]", "some raw data"))
			.isEqualTo("[some raw data][][\"some raw data\"]");
	}

	@Test
	void paramsSearchesPathThenQueryStringThenHeader() {
		TemplateInput input = input().pathParams(Map.of("id", "from-path"))
			.queryParams(Map.of("id", "from-query", "q", "from-query"))
			.headers(Map.of("id", "from-header", "q", "from-header", "h", "from-header"))
			.build();
		assertThat(render("$input.params('id') $input.params('q') $input.params('h') [$input.params('none')]", input))
			.isEqualTo("from-path from-query from-header []");
	}

	@Test
	void paramsFindsHeadersWhateverTheirCase() {
		TemplateInput input = input().headers(Map.of("Content-Type", "application/json")).build();
		assertThat(render("$input.params('content-type')", input)).isEqualTo("application/json");
	}

	@Test
	void paramsWithoutArgumentsGivesPathQuerystringAndHeaderMaps() {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("Host", "example.com");
		headers.put("X-Trace", "t1");
		TemplateInput input = input().pathParams(Map.of("id", "42")).queryParams(Map.of("q", "x")).headers(headers).build();
		assertThat(render("$input.params()", input))
			.isEqualTo("{path={id=42}, querystring={q=x}, header={Host=example.com, X-Trace=t1}}");
		assertThat(render("$input.params().path.id $input.params().querystring.q $input.params().header.Host", input))
			.isEqualTo("42 x example.com");
	}

	@Test
	void paramsCanBeIteratedAsInAwssPassThroughExample() {
		TemplateInput input = input().pathParams(Map.of("id", "42")).queryParams(Map.of("q", "x")).build();
		String template = "#set($allParams = $input.params())#foreach($type in $allParams.keySet())"
				+ "#set($params = $allParams.get($type))\"$type\":{#foreach($name in $params.keySet())"
				+ "\"$name\":\"$util.escapeJavaScript($params.get($name))\"#if($foreach.hasNext),#end#end}"
				+ "#if($foreach.hasNext),#end#end";
		assertThat(render(template, input)).isEqualTo("\"path\":{\"id\":\"42\"},\"querystring\":{\"q\":\"x\"},\"header\":{}");
	}

	@Test
	void mockResponseTemplateReadsThePathParameter() {
		TemplateInput input = input().pathParams(Map.of("id", "42")).build();
		assertThat(render("{\"statusCode\": 200, \"id\": $input.params().path.id}", input))
			.isEqualTo("{\"statusCode\": 200, \"id\": 42}");
	}

	@Test
	void lenientJsonIsAcceptedAsAwsDoes() {
		assertThat(render("$input.path('$.statusCode')", "{statusCode: 200}")).isEqualTo("200");
	}

}
