package dev.apigw.definition.openapi;

import java.util.List;

import dev.apigw.model.Api;

/**
 * The outcome of importing an OpenAPI document: the API and what in the document was
 * ignored because it is not supported (each warning starts with the JSON pointer of the
 * ignored field).
 *
 * @param api the imported API
 * @param warnings the ignored features, in document order
 */
public record ImportResult(Api api, List<String> warnings) {

	public ImportResult {
		warnings = List.copyOf(warnings);
	}

	/**
	 * One message listing every warning, for a single start-up log line.
	 * @return the message, empty when there are no warnings
	 */
	public String describeWarnings() {
		if (this.warnings.isEmpty()) {
			return "";
		}
		StringBuilder message = new StringBuilder("API '").append(this.api.id())
			.append("' (")
			.append(this.api.source())
			.append("): ")
			.append(this.warnings.size())
			.append((this.warnings.size() == 1) ? " part of the OpenAPI document was" : " parts of the OpenAPI document were")
			.append(" ignored:");
		this.warnings.forEach((warning) -> message.append("\n  ").append(warning));
		return message.toString();
	}

}
