package dev.apigw.definition.openapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * The Jackson 2 mappers of this package. Jackson 2 (not Boot's Jackson 3) because it comes
 * with swagger-parser, together with its YAML data format.
 */
final class OpenApiMappers {

	/** Large exports (many resources with HTML templates) exceed SnakeYAML's 3 MB default. */
	private static final int MAX_YAML_CODE_POINTS = 64 * 1024 * 1024;

	static final ObjectMapper JSON = JsonMapper.builder().build();

	static final ObjectMapper PRETTY_JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	static final ObjectMapper YAML = createYaml();

	private OpenApiMappers() {
	}

	private static ObjectMapper createYaml() {
		LoaderOptions options = new LoaderOptions();
		options.setCodePointLimit(MAX_YAML_CODE_POINTS);
		return new YAMLMapper(YAMLFactory.builder().loaderOptions(options).build());
	}

	/**
	 * Reads JSON or YAML: a document whose first character is <code>{</code> is JSON (YAML
	 * parsers reject some valid JSON, such as tabs), anything else YAML.
	 * @param content the text
	 * @return the tree
	 * @throws JsonProcessingException when the text is not well-formed
	 */
	static JsonNode read(String content) throws JsonProcessingException {
		String trimmed = content.stripLeading();
		if (trimmed.startsWith("\uFEFF")) {
			trimmed = trimmed.substring(1).stripLeading();
		}
		return trimmed.startsWith("{") ? JSON.readTree(trimmed) : YAML.readTree(trimmed);
	}

	/**
	 * Compact JSON text of a tree, as models are kept.
	 * @param node the tree
	 * @return the text
	 */
	static String compact(JsonNode node) {
		try {
			return JSON.writeValueAsString(node);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Cannot write JSON", ex);
		}
	}

}
