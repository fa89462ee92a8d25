package dev.apigw.definition.openapi;

import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jspecify.annotations.Nullable;

import dev.apigw.model.Api;
import dev.apigw.model.ApiKeySource;
import dev.apigw.model.GatewayResponse;
import dev.apigw.model.Method;
import dev.apigw.model.RequestValidator;
import dev.apigw.model.Resource;

/**
 * Exports an {@link Api} as AWS API Gateway's GetExport does: Swagger 2.0 with
 * {@code host}, {@code basePath: /{stage}} and {@code schemes: [https]}, or OpenAPI 3.0 with
 * a server whose {@code basePath} variable defaults to {@code /{stage}}; with or without the
 * {@code x-amazon-apigateway-*} extensions; as JSON or YAML.
 * <p>
 * With extensions, {@link OpenApiImporter} reads the export back into an equal API, apart
 * from what the format cannot carry (see {@code docs/openapi.md}). Instances are stateless
 * and thread-safe.
 */
public final class OpenApiExporter {

	private static final Pattern STAGE_NAME = Pattern.compile("[A-Za-z0-9_-]{1,128}");

	/**
	 * Exports an API, naming the API's own host (if it has one) as AWS names the
	 * {@code execute-api} host.
	 * @param api the API
	 * @param stage the stage the export is for (its base path)
	 * @param format the document format
	 * @param withExtensions whether to write the {@code x-amazon-apigateway-*} extensions
	 * @param output JSON or YAML
	 * @return the document
	 */
	public String export(Api api, String stage, Format format, boolean withExtensions, Output output) {
		return export(api, stage, format, withExtensions, output, api.host());
	}

	/**
	 * Exports an API for a given host.
	 * @param api the API
	 * @param stage the stage the export is for (its base path)
	 * @param format the document format
	 * @param withExtensions whether to write the {@code x-amazon-apigateway-*} extensions
	 * @param output JSON or YAML
	 * @param host the host clients call (e.g. from the request of an actuator endpoint),
	 * {@code null} to leave it out (documents are then relative to where they are served)
	 * @return the document
	 */
	public String export(Api api, String stage, Format format, boolean withExtensions, Output output,
			@Nullable String host) {
		if (!STAGE_NAME.matcher(stage).matches()) {
			throw new IllegalArgumentException("Invalid stage name '" + stage
					+ "'; a stage name has up to 128 letters, digits, '-' and '_'");
		}
		ExportSettings settings = new ExportSettings(api, format == Format.SWAGGER2, withExtensions);
		ObjectNode document = settings.swagger2() ? swagger2(settings, stage, host) : openApi3(settings, stage, host);
		try {
			return (output == Output.YAML) ? OpenApiMappers.YAML.writeValueAsString(document)
					: OpenApiMappers.PRETTY_JSON.writeValueAsString(document);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Cannot write the export of API '" + api.id() + "'", ex);
		}
	}

	private ObjectNode swagger2(ExportSettings settings, String stage, @Nullable String host) {
		Api api = settings.api();
		ObjectNode document = settings.object().put("swagger", "2.0");
		ObjectNode info = document.putObject("info");
		IntegrationExporter.putIfPresent(info, "description", api.description());
		IntegrationExporter.putIfPresent(info, "version", api.version());
		IntegrationExporter.putIfPresent(info, "title", api.title());
		IntegrationExporter.putIfPresent(document, "host", host);
		document.put("basePath", "/" + stage);
		document.putArray("schemes").add("https");
		SecurityExporter security = new SecurityExporter(settings);
		document.set("paths", paths(settings, security));
		ObjectNode schemes = security.schemes();
		if (!schemes.isEmpty()) {
			document.set("securityDefinitions", schemes);
		}
		ObjectNode models = models(settings);
		if (!models.isEmpty()) {
			document.set("definitions", models);
		}
		extensions(settings, document);
		return document;
	}

	private ObjectNode openApi3(ExportSettings settings, String stage, @Nullable String host) {
		Api api = settings.api();
		ObjectNode document = settings.object().put("openapi", "3.0.1");
		ObjectNode info = document.putObject("info");
		IntegrationExporter.putIfPresent(info, "title", api.title());
		IntegrationExporter.putIfPresent(info, "description", api.description());
		IntegrationExporter.putIfPresent(info, "version", api.version());
		ObjectNode server = document.putArray("servers").addObject();
		server.put("url", (host != null) ? "https://" + host + "/{basePath}" : "{basePath}");
		server.putObject("variables").putObject("basePath").put("default", "/" + stage);
		SecurityExporter security = new SecurityExporter(settings);
		document.set("paths", paths(settings, security));
		ObjectNode components = document.putObject("components");
		ObjectNode models = models(settings);
		if (!models.isEmpty()) {
			components.set("schemas", models);
		}
		ObjectNode schemes = security.schemes();
		if (!schemes.isEmpty()) {
			components.set("securitySchemes", schemes);
		}
		extensions(settings, document);
		return document;
	}

	private ObjectNode paths(ExportSettings settings, SecurityExporter security) {
		OperationExporter operations = new OperationExporter(settings, security);
		ObjectNode paths = settings.object();
		for (Resource resource : settings.api().resources()) {
			boolean described = resource.description() != null && !settings.swagger2();
			if (resource.methods().isEmpty() && !described) {
				continue;
			}
			ObjectNode item = paths.putObject(resource.path());
			if (described) {
				item.put("description", resource.description());
			}
			for (Method method : resource.methods().values()) {
				item.set(Extensions.pathItemKey(method.httpMethod()), operations.write(method));
			}
		}
		return paths;
	}

	private ObjectNode models(ExportSettings settings) {
		ObjectNode models = settings.object();
		for (Map.Entry<String, String> model : settings.api().models().entrySet()) {
			JsonNode schema;
			try {
				schema = OpenApiMappers.JSON.readTree(model.getValue());
			}
			catch (JsonProcessingException ex) {
				throw new IllegalArgumentException("Model '" + model.getKey() + "' of API '" + settings.api().id()
						+ "' is not valid JSON: " + ex.getOriginalMessage(), ex);
			}
			if (schema.isObject()) {
				((ObjectNode) schema).remove("$schema");
			}
			SchemaRefs.rewrite(schema, Pointer.ROOT, (ref, at) -> {
				String name = SchemaRefs.modelName(ref);
				return (name != null) ? settings.localPrefix() + name : null;
			});
			models.set(model.getKey(), schema);
		}
		return models;
	}

	private void extensions(ExportSettings settings, ObjectNode document) {
		Api api = settings.api();
		if (!settings.extensions()) {
			return;
		}
		if (api.apiKeySource() != ApiKeySource.HEADER) {
			document.put(Extensions.API_KEY_SOURCE, api.apiKeySource().name());
		}
		if (!api.binaryMediaTypes().isEmpty()) {
			api.binaryMediaTypes().forEach(document.putArray(Extensions.BINARY_MEDIA_TYPES)::add);
		}
		if (api.policy() != null) {
			try {
				document.set(Extensions.POLICY, OpenApiMappers.JSON.readTree(api.policy()));
			}
			catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
				document.put(Extensions.POLICY, api.policy());
			}
		}
		if (!api.gatewayResponses().isEmpty()) {
			ObjectNode responses = document.putObject(Extensions.GATEWAY_RESPONSES);
			for (GatewayResponse response : api.gatewayResponses().values()) {
				ObjectNode node = responses.putObject(response.type().name());
				if (response.statusCode() != null) {
					node.put("statusCode", String.valueOf(response.statusCode()));
				}
				IntegrationExporter.putMap(node, "responseParameters", response.responseParameters());
				IntegrationExporter.putMap(node, "responseTemplates", response.responseTemplates());
			}
		}
		if (!api.requestValidators().isEmpty()) {
			ObjectNode validators = document.putObject(Extensions.REQUEST_VALIDATORS);
			for (RequestValidator validator : api.requestValidators().values()) {
				validators.putObject(validator.name())
					.put("validateRequestBody", validator.validateRequestBody())
					.put("validateRequestParameters", validator.validateRequestParameters());
			}
		}
		IntegrationExporter.putIfPresent(document, Extensions.REQUEST_VALIDATOR, api.defaultRequestValidator());
	}

	/**
	 * The format of an export.
	 */
	public enum Format {

		/** OpenAPI 3.0 ({@code openapi: 3.0.1}), AWS's {@code oas30}. */
		OAS30,

		/** Swagger 2.0, AWS's {@code swagger}. */
		SWAGGER2

	}

	/**
	 * The serialisation of an export.
	 */
	public enum Output {

		/** {@code application/json}. */
		JSON,

		/** {@code application/yaml}. */
		YAML

	}

}
