package dev.apigw.definition;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Customisation of one gateway response type ("apigw.apis.<id>.gateway-responses.<type>").
 */
public class GatewayResponseProperties {

	/**
	 * Status code to answer with; the type's default when not set.
	 */
	private @Nullable Integer statusCode;

	/**
	 * Headers: "gatewayresponse.header.X" to a source ("'static'", "method.request.header.Y", "stageVariables.V", "context.V").
	 */
	private Map<String, String> responseParameters = new LinkedHashMap<>();

	/**
	 * Body templates by content type (write keys as "[application/json]").
	 */
	private Map<String, String> responseTemplates = new LinkedHashMap<>();

	public @Nullable Integer getStatusCode() {
		return this.statusCode;
	}

	public void setStatusCode(@Nullable Integer statusCode) {
		this.statusCode = statusCode;
	}

	public Map<String, String> getResponseParameters() {
		return this.responseParameters;
	}

	public void setResponseParameters(Map<String, String> responseParameters) {
		this.responseParameters = responseParameters;
	}

	public Map<String, String> getResponseTemplates() {
		return this.responseTemplates;
	}

	public void setResponseTemplates(Map<String, String> responseTemplates) {
		this.responseTemplates = responseTemplates;
	}

}
