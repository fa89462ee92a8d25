package dev.apigw.definition;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What every stage is configured with, of a REST API ({@link StageProperties}) or of a
 * WebSocket API ({@code apigw.websocket-apis.<id>.stages.<name>}): its description and its
 * variables, converted and checked by {@link StageMapper} for both.
 */
public class CommonStageProperties {

	/**
	 * Description of the stage.
	 */
	private @Nullable String description;

	/**
	 * Stage variables: names of letters, digits and underscores; values of letters, digits and -._~:/?#&=,.
	 */
	private Map<String, String> variables = new LinkedHashMap<>();

	public @Nullable String getDescription() {
		return this.description;
	}

	public void setDescription(@Nullable String description) {
		this.description = description;
	}

	public Map<String, String> getVariables() {
		return this.variables;
	}

	public void setVariables(Map<String, String> variables) {
		this.variables = variables;
	}

}
