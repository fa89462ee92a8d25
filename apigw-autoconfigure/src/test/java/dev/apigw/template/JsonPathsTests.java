package dev.apigw.template;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import net.minidev.json.JSONArray;
import net.minidev.json.JSONValue;
import net.minidev.json.parser.JSONParser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** JSONPath for parameter mappings, and JSON printed exactly as json-smart prints it. */
class JsonPathsTests {

	@Test
	void readsWithOrWithoutTheDollarPrefix() {
		String body = "{\"user\": {\"id\": 7, \"tags\": [\"a\", \"b\"]}, \"errorMessage\": \"boom\"}";
		assertThat(JsonPaths.read(body, "errorMessage")).isEqualTo("boom");
		assertThat(JsonPaths.read(body, "$.user.id")).isEqualTo(7);
		assertThat(JsonPaths.read(body, "user.tags[1]")).isEqualTo("b");
		assertThat(JsonPaths.read(body, "$['user']['id']")).isEqualTo(7);
		assertThat(JsonPaths.read(body, "['user']")).isEqualTo(Map.of("id", 7, "tags", List.of("a", "b")));
	}

	@Test
	void missingPathsNullsAndNonJsonGiveNull() {
		assertThat(JsonPaths.read("{\"a\": null}", "a")).isNull();
		assertThat(JsonPaths.read("{\"a\": 1}", "b.c")).isNull();
		assertThat(JsonPaths.read("[1, 2", "a")).isNull();
	}

	@Test
	void malformedAndRegularExpressionPathsAreRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> JsonPaths.read("{}", "$.a[?(@.b =~ /x.*/)]"));
		assertThatIllegalArgumentException().isThrownBy(() -> JsonPaths.read("{}", "$.a[("));
	}

	@Test
	void toJsonIsCompact() {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("a", 1);
		map.put("b", List.of("x/y", true));
		map.put("c", null);
		assertThat(JsonPaths.toJson(map)).isEqualTo("{\"a\":1,\"b\":[\"x\\/y\",true],\"c\":null}");
		assertThat(JsonPaths.toJson("q\"uote")).isEqualTo("\"q\\\"uote\"");
		assertThat(JsonPaths.toJson(null)).isEqualTo("null");
		assertThat(JsonPaths.toJson(new BigDecimal("1E+3"))).isEqualTo("1E+3");
	}

	@Test
	void toJsonMatchesJsonSmartOnRandomValues() {
		Random random = new Random(7);
		for (int i = 0; i < 500; i++) {
			Object value = randomValue(random, 0);
			assertThat(JsonPaths.toJson(value)).isEqualTo(JSONValue.toJSONString(value));
		}
	}

	@Test
	void printedPathResultsMatchJsonSmartsOwnToString() throws Exception {
		Random random = new Random(11);
		for (int i = 0; i < 300; i++) {
			JSONArray array = new JSONArray();
			array.add(randomValue(random, 0));
			array.add(randomValue(random, 0));
			String json = array.toJSONString();
			Object stock = new JSONParser(JSONParser.MODE_PERMISSIVE).parse(json, JSONValue.defaultReader.DEFAULT_ORDERED);
			String rendered = Rendering.render("$input.path('$')", json);
			assertThat(rendered).isEqualTo(stock.toString());
		}
	}

	private static Object randomValue(Random random, int depth) {
		int kind = random.nextInt(depth > 3 ? 5 : 7);
		return switch (kind) {
			case 0 -> randomString(random);
			case 1 -> random.nextInt(2000) - 1000;
			case 2 -> random.nextBoolean();
			case 3 -> random.nextDouble() * 100;
			case 4 -> Long.MAX_VALUE - random.nextInt(10);
			case 5 -> {
				Map<String, Object> map = new LinkedHashMap<>();
				for (int n = random.nextInt(4); n > 0; n--) {
					map.put(randomString(random), randomValue(random, depth + 1));
				}
				yield map;
			}
			default -> {
				List<Object> list = new ArrayList<>();
				for (int n = random.nextInt(4); n > 0; n--) {
					list.add(randomValue(random, depth + 1));
				}
				yield list;
			}
		};
	}

	private static String randomString(Random random) {
		String alphabet = "ab /\\\"'\n\t\u0001\u007f\u0085\u00e9\u2028\u20ac\u2100{}[]:,";
		StringBuilder out = new StringBuilder();
		for (int n = random.nextInt(8); n > 0; n--) {
			out.append(alphabet.charAt(random.nextInt(alphabet.length())));
		}
		return out.toString();
	}

}
