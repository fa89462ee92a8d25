package dev.apigw.template;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.JsonPathException;
import com.jayway.jsonpath.spi.json.JsonSmartJsonProvider;
import com.jayway.jsonpath.spi.mapper.JsonSmartMappingProvider;
import net.minidev.json.JSONValue;
import net.minidev.json.parser.JSONParser;
import net.minidev.json.parser.ParseException;
import net.minidev.json.writer.JsonReaderI;
import org.jspecify.annotations.Nullable;

/**
 * JSON the way AWS's mapping engine reads it: json-smart in its permissive mode (which is why a
 * MOCK template {@code {statusCode: 200}} works), Jayway JsonPath on top.
 */
final class JsonSupport {

	/** Marks text that is not JSON at all. */
	static final Object NOT_JSON = new Object();

	/**
	 * Longest number token accepted: json-smart turns long numbers into {@code BigInteger}, whose
	 * parsing is quadratic, so a client could otherwise make one request cost minutes of CPU.
	 */
	static final int MAX_NUMBER_LENGTH = 1000;

	private static final int PATH_CACHE_SIZE = 1024;

	private static final Configuration JAYWAY = Configuration.builder()
		.jsonProvider(new JsonSmartJsonProvider(JSONParser.MODE_PERMISSIVE, new TreeReader(false)))
		.mappingProvider(new JsonSmartMappingProvider())
		.build();

	private static final Map<String, JsonPath> PATHS = new ConcurrentHashMap<>();

	/** json-smart parsers keep buffers between calls; one per thread saves allocating them per body. */
	private static final ThreadLocal<JSONParser> PARSERS = ThreadLocal
		.withInitial(() -> new JSONParser(JSONParser.MODE_PERMISSIVE));

	private static final TreeReader BODY_READER = new TreeReader(true);

	private static final TreeReader VALUE_READER = new TreeReader(false);

	private JsonSupport() {
	}

	/**
	 * Parses JSON into {@link JsonObject}/{@link JsonArray}/scalars, or returns {@link #NOT_JSON}.
	 * @param text the text
	 * @param inBody whether the result is the request or response body (so changes are tracked)
	 */
	static @Nullable Object parse(String text, boolean inBody) {
		checkNumberLengths(text);
		try {
			return PARSERS.get().parse(text, inBody ? BODY_READER : VALUE_READER);
		}
		catch (ParseException | RuntimeException ex) {
			return NOT_JSON;
		}
	}

	/**
	 * Evaluates a JSONPath against a parsed document.
	 * @return the value, or {@code null} when the path does not exist or the value is JSON null
	 */
	static @Nullable Object read(@Nullable Object document, String path) {
		if (document == NOT_JSON) {
			return null;
		}
		JsonPath compiled = compile(path);
		try {
			return compiled.read(document, JAYWAY);
		}
		catch (JsonPathException | IllegalArgumentException | ClassCastException ex) {
			return null;
		}
	}

	private static JsonPath compile(String path) {
		JsonPath compiled = PATHS.get(path);
		if (compiled != null) {
			return compiled;
		}
		if (path.contains("=~")) {
			// Jayway runs such filters with java.util.regex and no deadline: a ReDoS waiting to happen
			throw RenderState.violation("JSONPath regular-expression filters (=~) are not allowed: " + shorten(path));
		}
		String normalized = path.startsWith("$") ? path : (path.startsWith("[") ? "$" + path : "$." + path);
		try {
			compiled = JsonPath.compile(normalized);
		}
		catch (InvalidPathException ex) {
			throw RenderState.violation("invalid JSONPath " + shorten(path) + ": " + ex.getMessage());
		}
		if (PATHS.size() >= PATH_CACHE_SIZE) {
			PATHS.clear();
		}
		PATHS.put(path, compiled);
		return compiled;
	}

	private static String shorten(String text) {
		return "'" + (text.length() > 100 ? text.substring(0, 100) + "..." : text) + "'";
	}

	/** Rejects number tokens (outside quoted strings) longer than {@link #MAX_NUMBER_LENGTH}. */
	private static void checkNumberLengths(String text) {
		// A longer run of number characters covers two consecutive multiples of half the limit, so
		// sampling those finds every candidate; only then is the text scanned properly.
		int stride = MAX_NUMBER_LENGTH / 2;
		boolean previous = false;
		for (int i = 0, n = text.length(); i < n; i += stride) {
			boolean numeric = isNumberChar(text.charAt(i));
			if (numeric && previous) {
				scanNumberLengths(text);
				return;
			}
			previous = numeric;
		}
	}

	private static void scanNumberLengths(String text) {
		char quote = 0;
		int run = 0;
		for (int i = 0, n = text.length(); i < n; i++) {
			char ch = text.charAt(i);
			if (quote != 0) {
				if (ch == '\\') {
					i++;
				}
				else if (ch == quote) {
					quote = 0;
				}
				continue;
			}
			if (ch == '"' || ch == '\'') {
				quote = ch;
				run = 0;
			}
			else if (isNumberChar(ch)) {
				if (++run > MAX_NUMBER_LENGTH) {
					throw RenderState.violation("JSON contains a number longer than " + MAX_NUMBER_LENGTH + " characters");
				}
			}
			else {
				run = 0;
			}
		}
	}

	private static boolean isNumberChar(char ch) {
		return (ch >= '0' && ch <= '9') || ch == '.' || ch == 'e' || ch == 'E' || ch == '+' || ch == '-';
	}

	/** json-smart reader building the engine's own guarded collections. */
	static final class TreeReader extends JsonReaderI<Object> {

		private final boolean inBody;

		TreeReader(boolean inBody) {
			super(JSONValue.defaultReader);
			this.inBody = inBody;
		}

		@Override
		public JsonReaderI<?> startObject(String key) {
			return this;
		}

		@Override
		public JsonReaderI<?> startArray(String key) {
			return this;
		}

		@Override
		public Object createObject() {
			return new JsonObject(this.inBody);
		}

		@Override
		public Object createArray() {
			return new JsonArray(this.inBody);
		}

		@Override
		public void setValue(Object current, String key, @Nullable Object value) {
			if (current instanceof JsonObject object) {
				object.rawPut(key, value);
			}
			else {
				throw new IllegalStateException("not a JSON object: " + current.getClass());
			}
		}

		@Override
		public void addValue(Object current, @Nullable Object value) {
			if (current instanceof JsonArray array) {
				array.rawAdd(value);
			}
			else {
				throw new IllegalStateException("not a JSON array: " + current.getClass());
			}
		}

	}

}
