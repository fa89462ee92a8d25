package dev.apigw.template;

import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The direct walk of simple JSONPaths gives exactly what Jayway gives. */
class SimplePathTests {

	private static final String BODY = "{\"a\": {\"b\": [10, {\"c\": \"x\"}, null], \"n\": null, \"1\": \"one\"},"
			+ " \"list\": [[1, 2], [3]], \"s\": \"text\", \"e\": {}}";

	@Test
	void agreesWithJaywayOnEverySimplePath() {
		Object document = JsonSupport.parse(BODY, false);
		String[] paths = { "$", "$.a", "$.a.b", "$.a.b[0]", "$.a.b[1].c", "$.a.b[2]", "$.a.b[3]", "$.a.b[1].missing",
				"$.a.n", "$.a.n.deeper", "$.a.1", "$.list[0][1]", "$.list[1][5]", "$.s", "$.s.length", "$.s[0]", "$.e",
				"$.e.x", "$.missing", "$.missing.deeper", "$.a[0]", "$.list.a", "a.b[0]", "list[1][0]" };
		for (String path : paths) {
			assertThat(SimplePath.parse(path)).as(path).isNotNull();
			assertThat(JsonSupport.read(document, path)).as(path).isEqualTo(jayway(document, path));
		}
	}

	@Test
	void leavesEverythingElseToJayway() {
		for (String path : new String[] { "$..c", "$.a.*", "$.a.b[-1]", "$['a']", "$.a.b[0:2]", "$.a.b.length()",
				"$.a-b", "$.a.b[?(@.c)]", "$.", "$.a.", "", "@.a", "$.a[x]", "$.a[]" }) {
			assertThat(SimplePath.parse(path)).as(path).isNull();
		}
	}

	private static Object jayway(Object document, String path) {
		String normalized = path.startsWith("$") ? path : "$." + path;
		try {
			return JsonPath.compile(normalized).read(document, Configuration.defaultConfiguration());
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

}
