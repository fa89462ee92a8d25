package dev.apigw.definition.openapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.jspecify.annotations.Nullable;

import dev.apigw.definition.openapi.ImportContext.Location;
import dev.apigw.model.Method;
import dev.apigw.model.MethodResponse;

/**
 * Turns one OpenAPI operation into a method: its documentation, request parameters and
 * models, method responses, authorization, request validator and integration.
 */
final class MethodImporter {

	private static final Pattern STATUS_CODE = Pattern.compile("[1-5]\\d{2}");

	private static final Set<String> OPERATION_EXTENSIONS = Set.of(Extensions.INTEGRATION,
			Extensions.REQUEST_VALIDATOR, Extensions.AUTH);

	private static final List<String> DEFAULT_MEDIA_TYPES = List.of("application/json");

	private final ImportContext context;

	private final OpenApiDocument document;

	private final ModelImporter models;

	private final SecurityImporter security;

	private final IntegrationImporter integrations;

	private final Set<String> validators;

	MethodImporter(ImportContext context, OpenApiDocument document, ModelImporter models, SecurityImporter security,
			Set<String> validators) {
		this.context = context;
		this.document = document;
		this.models = models;
		this.security = security;
		this.integrations = new IntegrationImporter(context);
		this.validators = validators;
	}

	/**
	 * Reads one operation.
	 * @param path the resource path
	 * @param key the path item key ({@code get}, ..., {@code x-amazon-apigateway-any-method})
	 * @param operation the operation object
	 * @param pathItemAt where the path item is
	 * @param pathParameters the path item's own {@code parameters}
	 * @return the method, {@code null} when the operation is not an object
	 */
	@Nullable Method read(String path, String key, JsonNode operation, Pointer pathItemAt, JsonNode pathParameters) {
		String httpMethod = Extensions.methodName(key);
		Location location = new Location(path, httpMethod);
		Values values = new Values(this.context, location);
		Pointer at = pathItemAt.child(key);
		if (values.object(operation, at) == null) {
			return null;
		}
		Method.Builder method = Method.builder(httpMethod)
			.operationName(values.string(operation, "operationId", at))
			.summary(values.string(operation, "summary", at))
			.description(values.string(operation, "description", at));
		parameters(operation, at, pathParameters, pathItemAt, method, values);
		requestBody(operation, at, method, location);
		responses(operation, at, method, values);
		this.security.apply(operation, at, method, location);
		String validator = values.string(operation, Extensions.REQUEST_VALIDATOR, at);
		if (validator != null && !this.validators.contains(validator)) {
			values.problem(at.child(Extensions.REQUEST_VALIDATOR), "Unknown validator reference '" + validator
					+ "'; defined in " + Extensions.REQUEST_VALIDATORS + ": " + this.validators);
		}
		method.requestValidator(validator);
		JsonNode integration = operation.get(Extensions.INTEGRATION);
		if (!Nodes.isAbsent(integration)) {
			method.integration(this.integrations.read(integration, at.child(Extensions.INTEGRATION), values));
		}
		for (Map.Entry<String, JsonNode> field : Nodes.fields(operation)) {
			if (Extensions.isAws(field.getKey()) && !OPERATION_EXTENSIONS.contains(field.getKey())) {
				this.context.warn(at.child(field.getKey()), Extensions.unsupportedReason(field.getKey()));
			}
		}
		return method.build();
	}

	private void parameters(JsonNode operation, Pointer at, JsonNode pathParameters, Pointer pathItemAt,
			Method.Builder method, Values values) {
		Map<String, Map.Entry<JsonNode, Pointer>> merged = new LinkedHashMap<>();
		collect(pathParameters, pathItemAt.child("parameters"), merged, values);
		collect(operation.get("parameters"), at.child("parameters"), merged, values);
		for (Map.Entry<JsonNode, Pointer> entry : merged.values()) {
			JsonNode parameter = entry.getKey();
			Pointer parameterAt = entry.getValue();
			String name = Nodes.text(parameter.get("name"));
			String in = String.valueOf(Nodes.text(parameter.get("in")));
			boolean required = Boolean.TRUE.equals(values.bool(parameter, "required", parameterAt));
			switch (in) {
				case "path" -> method.requestParameter("method.request.path." + name, true);
				case "query" -> method.requestParameter("method.request.querystring." + name, required);
				case "header" -> method.requestParameter("method.request.header." + name, required);
				case "body" -> bodyParameter(operation, at, parameter, parameterAt, method, values.location());
				case "cookie", "formData" -> this.context.warn(parameterAt,
						"'" + in + "' parameters are not supported by API Gateway; ignored");
				default -> values.problem(parameterAt.child("in"),
						"Unknown parameter location '" + in + "'; expected path, query, header or body");
			}
		}
	}

	private void collect(@Nullable JsonNode parameters, Pointer at, Map<String, Map.Entry<JsonNode, Pointer>> merged,
			Values values) {
		if (Nodes.isAbsent(parameters)) {
			return;
		}
		if (!parameters.isArray()) {
			values.problem(at, "Expected an array of parameters");
			return;
		}
		for (int i = 0; i < parameters.size(); i++) {
			Pointer parameterAt = at.child(i);
			JsonNode parameter = this.document.resolve(parameters.get(i));
			if (!parameter.isObject()) {
				values.problem(parameterAt, "Expected a parameter object (or a resolvable $ref)");
				continue;
			}
			String name = Nodes.text(parameter.get("name"));
			if (name == null) {
				values.problem(parameterAt.child("name"), "A parameter needs a name");
				continue;
			}
			merged.put(Nodes.text(parameter.get("in")) + ':' + name, Map.entry(parameter, parameterAt));
		}
	}

	private void bodyParameter(JsonNode operation, Pointer operationAt, JsonNode parameter, Pointer at,
			Method.Builder method, Location location) {
		JsonNode schema = parameter.get("schema");
		if (Nodes.isAbsent(schema)) {
			return;
		}
		String model = this.models.modelFor(schema, at.child("schema"), location);
		if (model != null) {
			for (String mediaType : mediaTypes(operation, operationAt, "consumes", location)) {
				method.requestModel(mediaType, model);
			}
		}
	}

	/**
	 * Swagger 2's {@code consumes} or {@code produces} of the operation, else of the document,
	 * else {@code application/json} as AWS assumes.
	 */
	private List<String> mediaTypes(JsonNode operation, Pointer operationAt, String field, Location location) {
		boolean own = operation.has(field);
		List<String> types = new Values(this.context, own ? location : Location.API)
			.stringList(own ? operation : this.document.root(), field, own ? operationAt : Pointer.ROOT);
		return types.isEmpty() ? DEFAULT_MEDIA_TYPES : types;
	}

	private void requestBody(JsonNode operation, Pointer at, Method.Builder method, Location location) {
		JsonNode body = operation.get("requestBody");
		if (Nodes.isAbsent(body)) {
			return;
		}
		content(this.document.resolve(body), at.child("requestBody"), location).forEach(method::requestModel);
	}

	private Map<String, String> content(JsonNode owner, Pointer ownerAt, Location location) {
		Map<String, String> models = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> media : Nodes.fields(owner.get("content"))) {
			JsonNode schema = media.getValue().get("schema");
			if (!Nodes.isAbsent(schema)) {
				String model = this.models.modelFor(schema,
						ownerAt.child("content").child(media.getKey()).child("schema"), location);
				if (model != null) {
					models.put(media.getKey(), model);
				}
			}
		}
		return models;
	}

	private void responses(JsonNode operation, Pointer at, Method.Builder method, Values values) {
		JsonNode responses = operation.get("responses");
		Pointer responsesAt = at.child("responses");
		if (Nodes.isAbsent(responses)) {
			return;
		}
		if (!responses.isObject()) {
			values.problem(responsesAt, "Expected an object of status code to response");
			return;
		}
		for (Map.Entry<String, JsonNode> entry : Nodes.fields(responses)) {
			String status = entry.getKey();
			Pointer responseAt = responsesAt.child(status);
			if (!STATUS_CODE.matcher(status).matches()) {
				if (status.equals("default") || status.matches("[1-5][Xx][Xx]")) {
					this.context.warn(responseAt, "method responses need an exact status code; ignored");
				}
				else {
					values.problem(responseAt, "Invalid response status code '" + status + "'; expected 100 to 599");
				}
				continue;
			}
			JsonNode response = this.document.resolve(entry.getValue());
			if (values.object(response, responseAt) != null) {
				method.methodResponse(methodResponse(operation, at, status, response, responseAt, values));
			}
		}
	}

	private MethodResponse methodResponse(JsonNode operation, Pointer operationAt, String status, JsonNode response,
			Pointer at, Values values) {
		Map<String, Boolean> headers = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> header : Nodes.fields(response.get("headers"))) {
			JsonNode resolved = this.document.resolve(header.getValue());
			Boolean required = resolved.isObject()
					? values.bool(resolved, "required", at.child("headers").child(header.getKey())) : null;
			headers.put("method.response.header." + header.getKey(), Boolean.TRUE.equals(required));
		}
		Map<String, String> models;
		if (this.document.isSwagger2()) {
			models = new LinkedHashMap<>();
			JsonNode schema = response.get("schema");
			String model = Nodes.isAbsent(schema) ? null
					: this.models.modelFor(schema, at.child("schema"), values.location());
			if (model != null) {
				mediaTypes(operation, operationAt, "produces", values.location())
					.forEach((type) -> models.put(type, model));
			}
		}
		else {
			models = content(response, at, values.location());
		}
		return new MethodResponse(status, headers, models);
	}

}
