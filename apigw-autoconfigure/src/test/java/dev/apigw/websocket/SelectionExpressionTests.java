package dev.apigw.websocket;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The selection-expression mini language: {@code $}-prefixed variables, {@code ${...}}
 * boundaries, the {@code \$} escape, {@code $default}, and what each variable reads.
 */
class SelectionExpressionTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void bodyMembersAreReadFromTheMessageAsJson() {
		assertThat(evaluate("$request.body.action", "{\"action\":\"send\"}")).isEqualTo("send");
		assertThat(evaluate("$request.body.a.b[1]", "{\"a\":{\"b\":[\"x\",\"y\"]}}")).isEqualTo("y");
		assertThat(evaluate("$request.body.n", "{\"n\":42}")).isEqualTo("42");
		assertThat(evaluate("$request.body.o", "{\"o\":{\"k\":1}}")).isEqualTo("{\"k\":1}");
		assertThat(evaluate("$request.body", "raw text")).isEqualTo("raw text");
	}

	@Test
	void missingValuesAndNonJsonMessagesSelectNothing() {
		assertThat(evaluate("$request.body.action", "{\"other\":1}")).isNull();
		assertThat(evaluate("$request.body.action", "{\"action\":null}")).isNull();
		assertThat(evaluate("$request.body.action", "not json")).isNull();
		assertThat(evaluate("${request.body.type}-${request.body.action}", "{\"type\":\"game\"}")).isNull();
	}

	@Test
	void bracesBoundVariablesAndTextIsLiteral() {
		assertThat(evaluate("${request.body.type}-${request.body.action}", "{\"type\":\"game\",\"action\":\"move\"}"))
			.isEqualTo("game-move");
		assertThat(evaluate("v1.$request.body.action", "{\"action\":\"go\"}")).isEqualTo("v1.go");
	}

	@Test
	void escapedDollarAndDefaultAreLiterals() {
		assertThat(evaluate("\\$default", "{}")).isEqualTo("$default");
		assertThat(evaluate("$default", "{}")).isEqualTo("$default");
		assertThat(SelectionExpression.parse("\\$default").isConstant()).isTrue();
		assertThat(evaluate("cost: \\$5", "{}")).isEqualTo("cost: $5");
	}

	@Test
	void headersQueryContextAndStageVariables() {
		assertThat(evaluate("$request.header.X-Api-Key", "{}")).isEqualTo("key-1");
		assertThat(evaluate("$request.querystring.room", "{}")).isEqualTo("lobby");
		assertThat(evaluate("$context.authorizer.usageIdentifierKey", "{}")).isEqualTo("usage-key");
		assertThat(evaluate("$stageVariables.color", "{}")).isEqualTo("blue");
	}

	@Test
	void onlyKnownVariablesParse() {
		assertThatIllegalArgumentException().isThrownBy(() -> SelectionExpression.parse("$method.request.path"))
			.withMessageContaining("$request.body");
		assertThatIllegalArgumentException().isThrownBy(() -> SelectionExpression.parse("${request.body.action"))
			.withMessageContaining("without closing");
		assertThat(SelectionExpression.parse("$request.body.action").readsBody()).isTrue();
		assertThat(SelectionExpression.parse("$request.header.x-api-key").readsBody()).isFalse();
	}

	private static @Nullable String evaluate(String expression, String body) {
		return SelectionExpression.parse(expression).evaluate(new SelectionExpression.Source() {

			@Override
			public @Nullable String body() {
				return body;
			}

			@Override
			public @Nullable JsonNode json() {
				try {
					return JSON.readTree(body);
				}
				catch (RuntimeException ex) {
					return null;
				}
			}

			@Override
			public @Nullable String header(String lowerCaseName) {
				return lowerCaseName.equals("x-api-key") ? "key-1" : null;
			}

			@Override
			public @Nullable String query(String name) {
				return Map.of("room", "lobby").get(name);
			}

			@Override
			public @Nullable String context(String name) {
				return Map.of("authorizer.usageIdentifierKey", "usage-key").get(name);
			}

			@Override
			public @Nullable String stageVariable(String name) {
				return Map.of("color", "blue").get(name);
			}

		});
	}

}
