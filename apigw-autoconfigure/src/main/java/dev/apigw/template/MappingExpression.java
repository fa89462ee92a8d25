package dev.apigw.template;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.util.MultiValueMap;

/**
 * A parameter mapping source as AWS writes them ({@code method.request.path.id},
 * {@code integration.response.header.X}, {@code integration.response.body.a.b},
 * {@code stageVariables.v}, {@code context.requestId}, {@code 'static'}), parsed once per
 * deployment and evaluated per request.
 */
public final class MappingExpression {

	private static final Configuration JSON = Configuration.defaultConfiguration()
		.addOptions(Option.SUPPRESS_EXCEPTIONS);

	private static final String ERROR_MESSAGE = "errorMessage";

	private final Kind kind;

	private final String name;

	private final @Nullable JsonPath jsonPath;

	private MappingExpression(Kind kind, String name) {
		this.kind = kind;
		this.name = name;
		this.jsonPath = (kind == Kind.REQUEST_BODY_PATH || kind == Kind.RESPONSE_BODY_PATH)
				? JsonPath.compile(name.startsWith("$") ? name : "$." + name) : null;
	}

	/**
	 * Parses a source expression.
	 * @param expression the expression
	 * @return the parsed expression
	 * @throws IllegalArgumentException when the expression is not a mapping source
	 */
	public static MappingExpression parse(String expression) {
		String text = expression.trim();
		if (text.length() >= 2 && text.startsWith("'") && text.endsWith("'")) {
			return new MappingExpression(Kind.STATIC, text.substring(1, text.length() - 1));
		}
		for (Kind kind : Kind.values()) {
			if (kind.prefix != null && text.startsWith(kind.prefix) && text.length() > kind.prefix.length()) {
				return new MappingExpression(kind, text.substring(kind.prefix.length()));
			}
		}
		if (text.equals("method.request.body")) {
			return new MappingExpression(Kind.REQUEST_BODY, "");
		}
		if (text.equals("integration.response.body")) {
			return new MappingExpression(Kind.RESPONSE_BODY, "");
		}
		throw new IllegalArgumentException("Invalid mapping expression '" + expression + "'");
	}

	/**
	 * Whether evaluating needs the request body.
	 * @return {@code true} for {@code method.request.body} sources
	 */
	public boolean needsRequestBody() {
		return this.kind == Kind.REQUEST_BODY || this.kind == Kind.REQUEST_BODY_PATH;
	}

	/**
	 * Whether the value is raw request path text, already percent-encoded.
	 * @return {@code true} for {@code method.request.path} sources
	 */
	public boolean isRawPath() {
		return this.kind == Kind.REQUEST_PATH;
	}

	/**
	 * The path parameter a {@code method.request.path.X} source reads.
	 * @return {@code X}, or {@code null} for other sources
	 */
	public @Nullable String pathParameter() {
		return (this.kind == Kind.REQUEST_PATH) ? this.name : null;
	}

	/**
	 * Evaluates the expression.
	 * @param input what the expression can read
	 * @return the value, or {@code null} when the source has none
	 */
	public @Nullable String evaluate(Input input) {
		return switch (this.kind) {
			case STATIC -> this.name;
			case REQUEST_PATH -> input.pathParameters().get(this.name);
			case REQUEST_QUERY -> last(input.query().get().get(this.name));
			case REQUEST_MULTI_QUERY -> joined(input.query().get().get(this.name));
			case REQUEST_HEADER -> last(input.headers().get(this.name));
			case REQUEST_MULTI_HEADER -> joined(input.headers().get(this.name));
			case REQUEST_BODY -> input.requestBody();
			case REQUEST_BODY_PATH -> readJson(input.requestBody());
			case RESPONSE_HEADER -> (input.responseHeaders() != null) ? last(input.responseHeaders().get(this.name)) : null;
			case RESPONSE_MULTI_HEADER ->
				(input.responseHeaders() != null) ? joined(input.responseHeaders().get(this.name)) : null;
			case RESPONSE_BODY -> input.responseBody();
			case RESPONSE_BODY_PATH -> readResponseJson(input.responseBody());
			case STAGE_VARIABLE -> input.stageVariables().get(this.name);
			case CONTEXT -> lookup(input.context().get(), this.name);
		};
	}

	private @Nullable String readJson(@Nullable String body) {
		if (body == null || body.isEmpty() || this.jsonPath == null) {
			return null;
		}
		Object value;
		try {
			value = this.jsonPath.read(body, JSON);
		}
		catch (RuntimeException ex) {
			return null;
		}
		if (value == null) {
			return null;
		}
		return (value instanceof String text) ? text : JSON.jsonProvider().toJson(value);
	}

	/**
	 * Reads a JSONPath from an integration response body. A Lambda custom error carries its
	 * details as a JSON string in {@code errorMessage}; AWS reads
	 * {@code integration.response.body.errorMessage.x.y} into that string, and so does this.
	 */
	private @Nullable String readResponseJson(@Nullable String body) {
		String value = readJson(body);
		if (value != null || body == null || !this.name.startsWith(ERROR_MESSAGE + ".")) {
			return value;
		}
		Object errorMessage;
		try {
			errorMessage = JsonPath.compile("$." + ERROR_MESSAGE).read(body, JSON);
		}
		catch (RuntimeException ex) {
			return null;
		}
		if (!(errorMessage instanceof String nested)) {
			return null;
		}
		try {
			Object inner = JsonPath.compile("$." + this.name.substring(ERROR_MESSAGE.length() + 1)).read(nested, JSON);
			if (inner == null) {
				return null;
			}
			return (inner instanceof String text) ? text : JSON.jsonProvider().toJson(inner);
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	/**
	 * Looks a dotted name up in nested maps ({@code authorizer.claims.sub}).
	 * @param root the root map
	 * @param dotted the dotted name
	 * @return the value as text, or {@code null}
	 */
	public static @Nullable String lookup(Map<String, Object> root, String dotted) {
		Object current = root;
		int start = 0;
		while (current != null) {
			if (!(current instanceof Map<?, ?> map)) {
				return null;
			}
			int dot = dotted.indexOf('.', start);
			String key = (dot < 0) ? dotted.substring(start) : dotted.substring(start, dot);
			current = map.get(key);
			if (dot < 0) {
				break;
			}
			start = dot + 1;
		}
		return (current != null) ? String.valueOf(current) : null;
	}

	private static @Nullable String last(@Nullable List<String> values) {
		return (values == null || values.isEmpty()) ? null : values.get(values.size() - 1);
	}

	private static @Nullable String joined(@Nullable List<String> values) {
		return (values == null || values.isEmpty()) ? null : String.join(",", values);
	}

	@Override
	public String toString() {
		return this.kind + ":" + this.name;
	}

	private enum Kind {

		STATIC(null), REQUEST_PATH("method.request.path."), REQUEST_QUERY("method.request.querystring."),
		REQUEST_MULTI_QUERY("method.request.multivaluequerystring."), REQUEST_HEADER("method.request.header."),
		REQUEST_MULTI_HEADER("method.request.multivalueheader."), REQUEST_BODY(null),
		REQUEST_BODY_PATH("method.request.body."), RESPONSE_HEADER("integration.response.header."),
		RESPONSE_MULTI_HEADER("integration.response.multivalueheader."), RESPONSE_BODY(null),
		RESPONSE_BODY_PATH("integration.response.body."), STAGE_VARIABLE("stageVariables."), CONTEXT("context.");

		private final @Nullable String prefix;

		Kind(@Nullable String prefix) {
			this.prefix = prefix;
		}

	}

	/**
	 * What mapping expressions read.
	 *
	 * @param pathParameters raw path parameters
	 * @param query decoded query parameters, parsed on first use
	 * @param headers request headers
	 * @param stageVariables stage variables
	 * @param context {@code $context}, built on first use
	 * @param requestBody the request body text, {@code null} when not read
	 * @param responseHeaders integration response headers, {@code null} in requests
	 * @param responseBody integration response body, {@code null} in requests
	 */
	public record Input(Map<String, String> pathParameters, Supplier<MultiValueMap<String, String>> query,
			HttpHeaders headers,
			Map<String, String> stageVariables, Supplier<Map<String, Object>> context, @Nullable String requestBody,
			@Nullable HttpHeaders responseHeaders, @Nullable String responseBody) {

	}

}
