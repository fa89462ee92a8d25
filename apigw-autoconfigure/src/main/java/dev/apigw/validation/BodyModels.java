package dev.apigw.validation;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import dev.apigw.response.ContentTypes;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The models a method's body is validated against, by content type: the request's media
 * type ({@code application/json} when it names none), else {@code $default}, else the
 * {@code Empty} model. An empty body is validated as {@code {}}.
 */
final class BodyModels {

	static final String DEFAULT_CONTENT_TYPE = "$default";

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build();

	private final Map<String, Schema> byContentType;

	private final Schema fallback;

	BodyModels(Map<String, Schema> byContentType, Schema fallback) {
		this.byContentType = Map.copyOf(byContentType);
		this.fallback = fallback;
	}

	/**
	 * Validates a body.
	 * @param contentType the request's Content-Type header
	 * @param body the body bytes
	 * @return why the body is invalid ({@code $context.error.validationErrorString}), or
	 * {@code null} when it is valid
	 */
	@Nullable String validate(@Nullable String contentType, byte[] body) {
		Schema schema = this.byContentType.getOrDefault(ContentTypes.mediaType(contentType), this.fallback);
		JsonNode node;
		try {
			String text = new String(body, StandardCharsets.UTF_8);
			node = text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
		}
		catch (JacksonException ex) {
			return "[Invalid JSON: " + ex.getOriginalMessage() + "]";
		}
		List<Error> errors = schema.validate(node);
		if (errors.isEmpty()) {
			return null;
		}
		return errors.stream().map(BodyModels::describe).collect(Collectors.joining(", ", "[", "]"));
	}

	private static String describe(Error error) {
		String at = error.getInstanceLocation().toString();
		return (at.isEmpty() ? "/" : at) + ": " + error.getMessage();
	}

}
