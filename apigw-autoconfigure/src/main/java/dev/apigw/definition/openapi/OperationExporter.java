package dev.apigw.definition.openapi;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jspecify.annotations.Nullable;

import dev.apigw.model.Method;
import dev.apigw.model.MethodResponse;

/**
 * Writes a method as an OpenAPI operation: parameters, request body, responses, security and
 * (with extensions) the request validator and the integration.
 */
final class OperationExporter {

	private static final String REQUEST = "method.request.";

	private static final String RESPONSE_HEADER = "method.response.header.";

	private final ExportSettings settings;

	private final SecurityExporter security;

	private final IntegrationExporter integrations;

	OperationExporter(ExportSettings settings, SecurityExporter security) {
		this.settings = settings;
		this.security = security;
		this.integrations = new IntegrationExporter(settings);
	}

	ObjectNode write(Method method) {
		ObjectNode operation = this.settings.object();
		IntegrationExporter.putIfPresent(operation, "operationId", method.operationName());
		IntegrationExporter.putIfPresent(operation, "summary", method.summary());
		IntegrationExporter.putIfPresent(operation, "description", method.description());
		if (this.settings.swagger2()) {
			mediaTypes(operation, "consumes", method.requestModels().keySet());
			Set<String> produces = new LinkedHashSet<>();
			method.methodResponses().values().forEach((response) -> produces.addAll(response.responseModels().keySet()));
			mediaTypes(operation, "produces", produces);
		}
		ArrayNode parameters = parameters(method);
		if (!parameters.isEmpty()) {
			operation.set("parameters", parameters);
		}
		if (!this.settings.swagger2() && !method.requestModels().isEmpty()) {
			ObjectNode body = operation.putObject("requestBody");
			body.set("content", content(method.requestModels()));
			body.put("required", true);
		}
		ObjectNode responses = operation.putObject("responses");
		method.methodResponses().forEach((status, response) -> responses.set(status, response(response)));
		ArrayNode requirement = this.security.requirement(method);
		if (requirement != null) {
			operation.set("security", requirement);
		}
		if (this.settings.extensions()) {
			IntegrationExporter.putIfPresent(operation, Extensions.REQUEST_VALIDATOR, method.requestValidator());
			if (method.integration() != null) {
				operation.set(Extensions.INTEGRATION, this.integrations.write(method.integration()));
			}
		}
		return operation;
	}

	private void mediaTypes(ObjectNode operation, String field, Set<String> types) {
		if (!types.isEmpty()) {
			types.forEach(operation.putArray(field)::add);
		}
	}

	private ArrayNode parameters(Method method) {
		ArrayNode parameters = this.settings.array();
		method.requestParameters().forEach((key, required) -> {
			String location = location(key);
			if (location != null) {
				String name = key.substring(key.indexOf('.', REQUEST.length()) + 1);
				boolean path = location.equals("path");
				ObjectNode parameter = parameters.addObject().put("name", name).put("in", location);
				if (this.settings.swagger2() || path || required) {
					parameter.put("required", path || required);
				}
				this.settings.stringType(parameter);
			}
		});
		if (this.settings.swagger2() && !method.requestModels().isEmpty()) {
			String model = method.requestModels().values().iterator().next();
			ObjectNode body = parameters.addObject().put("in", "body").put("name", model).put("required", true);
			body.set("schema", this.settings.modelRef(model));
		}
		return parameters;
	}

	private static @Nullable String location(String key) {
		if (key.startsWith(REQUEST + "path.")) {
			return "path";
		}
		if (key.startsWith(REQUEST + "querystring.")) {
			return "query";
		}
		if (key.startsWith(REQUEST + "header.")) {
			return "header";
		}
		return null;
	}

	private ObjectNode response(MethodResponse response) {
		ObjectNode node = this.settings.object().put("description", response.statusCode() + " response");
		if (this.settings.swagger2() && !response.responseModels().isEmpty()) {
			node.set("schema", this.settings.modelRef(response.responseModels().values().iterator().next()));
		}
		ObjectNode headers = this.settings.object();
		response.responseParameters().forEach((key, required) -> {
			if (key.startsWith(RESPONSE_HEADER)) {
				ObjectNode header = headers.putObject(key.substring(RESPONSE_HEADER.length()));
				if (required && !this.settings.swagger2()) {
					header.put("required", true);
				}
				this.settings.stringType(header);
			}
		});
		if (!headers.isEmpty()) {
			node.set("headers", headers);
		}
		if (!this.settings.swagger2() && !response.responseModels().isEmpty()) {
			node.set("content", content(response.responseModels()));
		}
		return node;
	}

	private ObjectNode content(Map<String, String> models) {
		ObjectNode content = this.settings.object();
		models.forEach((type, model) -> content.putObject(type).set("schema", this.settings.modelRef(model)));
		return content;
	}

}
