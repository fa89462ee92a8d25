package dev.apigw.template;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static dev.apigw.template.Rendering.input;
import static dev.apigw.template.Rendering.render;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** {@code $util}: the six helpers AWS documents, byte for byte. */
class UtilVariableTests {

	private static String escape(String text) {
		return render("$util.escapeJavaScript($input.params('v'))", input().pathParams(Map.of("v", text)).build());
	}

	@Test
	void escapeJavaScriptEscapesQuotesBackslashesAndSlashes() {
		assertThat(escape("it's \"quoted\" \\ a/b")).isEqualTo("it\\'s \\\"quoted\\\" \\\\ a\\/b");
	}

	@Test
	void escapeJavaScriptUsesShortEscapesForCommonControlCharacters() {
		assertThat(escape("a\nb\tc\rd\be\ff")).isEqualTo("a\\nb\\tc\\rd\\be\\ff");
	}

	@Test
	void escapeJavaScriptWritesOtherControlAndNonAsciiCharactersAsUppercaseUnicodeEscapes() {
		assertThat(escape("\u0001\u001f\u007f\u00e9\u20ac\ud83d\ude00"))
			.isEqualTo("\\u0001\\u001F\u007f\\u00E9\\u20AC\\uD83D\\uDE00");
	}

	@Test
	void escapedSingleQuotesCanBeUndoneWithAwssDocumentedIdiom() {
		String template = "{\"msg\": \"$util.escapeJavaScript($input.path('$.v')).replaceAll(\"\\\\'\",\"'\")\"}";
		assertThat(render(template, "{\"v\": \"it's \\\"x\\\"\"}")).isEqualTo("{\"msg\": \"it's \\\"x\\\"\"}");
	}

	@Test
	void escapeJavaScriptPrintsNonStringsFirstAndNullAsNothing() {
		assertThat(render("$util.escapeJavaScript($input.path('$'))|$util.escapeJavaScript(12)|[$util.escapeJavaScript($nothing)]",
				"{\"a\": \"b'c\"}"))
			.isEqualTo("{a=b\\'c}|12|[]");
	}

	@Test
	void parseJsonReturnsObjectsAsInAwssExample() {
		String body = "{\"errorMessage\": \"{\\\"key1\\\":\\\"var1\\\",\\\"key2\\\":{\\\"arr\\\":[1,2,3]}}\"}";
		assertThat(render("$util.parseJson($input.path('$.errorMessage')).key2.arr[0]", body)).isEqualTo("1");
		assertThat(render("$util.parseJson($input.path('$.errorMessage'))", body)).isEqualTo("{key1=var1, key2={arr=[1,2,3]}}");
	}

	@Test
	void parseJsonOfSomethingThatIsNotJsonIsNothing() {
		assertThat(render("[$util.parseJson('[1, 2')][$util.parseJson($nothing)]")).isEqualTo("[][]");
	}

	@Test
	void urlEncodeIsFormEncodingAsInAwssSnapshot() {
		assertThat(render("$util.urlEncode($input.body)", "{\"some\": \"value\"}")).isEqualTo("%7B%22some%22%3A+%22value%22%7D");
		assertThat(render("$util.urlEncode($input.body)", "some raw data")).isEqualTo("some+raw+data");
		assertThat(render("$util.urlEncode('caf\u00e9 & co')")).isEqualTo("caf%C3%A9+%26+co");
	}

	@Test
	void urlDecodeIsFormDecoding() {
		assertThat(render("$util.urlDecode('a+b%20c%C3%A9%2B')")).isEqualTo("a b c\u00e9+");
	}

	@Test
	void malformedUrlEncodingFailsTheRender() {
		assertThatExceptionOfType(TemplateRenderException.class).isThrownBy(() -> render("$util.urlDecode('%zz')"))
			.withMessageContaining("'test'");
	}

	@Test
	void base64RoundTripsUtf8() {
		assertThat(render("$util.base64Encode('h\u00e9llo')")).isEqualTo("aMOpbGxv");
		assertThat(render("$util.base64Decode('aMOpbGxv')")).isEqualTo("h\u00e9llo");
	}

	@Test
	void base64DecodeOfAPathParameterAsInAMockIntegration() {
		TemplateInput input = input().pathParams(Map.of("enc", "eyJhIjogMX0=")).build();
		assertThat(render("$util.base64Decode($input.params('enc'))", input)).isEqualTo("{\"a\": 1}");
	}

	@Test
	void utilFunctionsOfNothingPrintNothing() {
		assertThat(render("[$util.urlEncode($x)][$util.urlDecode($x)][$util.base64Encode($x)][$util.base64Decode($x)]"))
			.isEqualTo("[][][][]");
	}

}
