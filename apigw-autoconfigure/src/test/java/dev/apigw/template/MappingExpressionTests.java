package dev.apigw.template;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MappingExpressionTests {

	private final MappingExpression.Input input = input("{\"pet\": {\"name\": \"Rex\", \"tags\": [\"a\", \"b\"]}}",
			"{\"errorMessage\": \"{\\\"trace\\\": {\\\"function\\\": \\\"save\\\"}, \\\"code\\\": 7}\", \"plain\": 1}");

	@Test
	void staticValuesAreQuoted() {
		assertThat(evaluate("'text with spaces'")).isEqualTo("text with spaces");
		assertThat(evaluate("''")).isEmpty();
	}

	@Test
	void methodRequestPathQueryAndHeaders() {
		assertThat(evaluate("method.request.path.id")).isEqualTo("a%2Fb");
		assertThat(evaluate("method.request.querystring.q")).isEqualTo("last");
		assertThat(evaluate("method.request.multivaluequerystring.q")).isEqualTo("first,last");
		assertThat(evaluate("method.request.header.X-Multi")).isEqualTo("two");
		assertThat(evaluate("method.request.multivalueheader.X-Multi")).isEqualTo("one,two");
		assertThat(evaluate("method.request.header.x-multi")).isEqualTo("two");
		assertThat(evaluate("method.request.header.Missing")).isNull();
	}

	@Test
	void methodRequestBodyAndJsonPaths() {
		assertThat(evaluate("method.request.body")).startsWith("{\"pet\"");
		assertThat(evaluate("method.request.body.pet.name")).isEqualTo("Rex");
		assertThat(evaluate("method.request.body.pet.tags")).isEqualTo("[\"a\",\"b\"]");
		assertThat(evaluate("method.request.body.pet.tags[1]")).isEqualTo("b");
		assertThat(evaluate("method.request.body.nothing")).isNull();
	}

	@Test
	void integrationResponseHeadersAndBody() {
		assertThat(evaluate("integration.response.header.X-Backend")).isEqualTo("b2");
		assertThat(evaluate("integration.response.multivalueheader.X-Backend")).isEqualTo("b1,b2");
		assertThat(evaluate("integration.response.body.plain")).isEqualTo("1");
	}

	@Test
	void lambdaCustomErrorsAreReadIntoTheirJsonErrorMessage() {
		assertThat(evaluate("integration.response.body.errorMessage.trace.function")).isEqualTo("save");
		assertThat(evaluate("integration.response.body.errorMessage.code")).isEqualTo("7");
		assertThat(evaluate("integration.response.body.errorMessage.nothing")).isNull();
	}

	@Test
	void stageVariablesAndContext() {
		assertThat(evaluate("stageVariables.color")).isEqualTo("blue");
		assertThat(evaluate("context.requestId")).isEqualTo("r-1");
		assertThat(evaluate("context.authorizer.claims.sub")).isEqualTo("user-7");
		assertThat(evaluate("context.identity.nothing")).isNull();
	}

	@Test
	void onlyBodySourcesNeedTheBody() {
		assertThat(MappingExpression.parse("method.request.body.a").needsRequestBody()).isTrue();
		assertThat(MappingExpression.parse("method.request.body").needsRequestBody()).isTrue();
		assertThat(MappingExpression.parse("method.request.header.a").needsRequestBody()).isFalse();
	}

	@Test
	void rejectsWhatIsNotASource() {
		assertThatIllegalArgumentException().isThrownBy(() -> MappingExpression.parse("method.request.cookie.a"));
		assertThatIllegalArgumentException().isThrownBy(() -> MappingExpression.parse("static"));
	}

	private String evaluate(String expression) {
		return MappingExpression.parse(expression).evaluate(this.input);
	}

	private static MappingExpression.Input input(String requestBody, String responseBody) {
		MultiValueMap<String, String> query = new LinkedMultiValueMap<>();
		query.addAll("q", List.of("first", "last"));
		HttpHeaders headers = new HttpHeaders();
		headers.addAll("X-Multi", List.of("one", "two"));
		HttpHeaders responseHeaders = new HttpHeaders();
		responseHeaders.addAll("X-Backend", List.of("b1", "b2"));
		Map<String, Object> context = Map.of("requestId", "r-1", "authorizer", Map.of("claims", Map.of("sub", "user-7")),
				"identity", Map.of());
		return new MappingExpression.Input(Map.of("id", "a%2Fb"), () -> query, headers, Map.of("color", "blue"),
				() -> context, requestBody, responseHeaders, responseBody);
	}

}
