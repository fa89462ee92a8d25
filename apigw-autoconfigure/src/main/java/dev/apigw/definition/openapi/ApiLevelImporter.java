package dev.apigw.definition.openapi;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.jspecify.annotations.Nullable;

import dev.apigw.definition.openapi.ImportContext.Location;
import dev.apigw.model.Api;
import dev.apigw.model.ApiKeySource;
import dev.apigw.model.GatewayResponse;
import dev.apigw.model.GatewayResponseType;
import dev.apigw.model.RequestValidator;
import dev.apigw.model.Stage;

/**
 * Reads what belongs to the API as a whole: {@code info}, the stage an AWS export names in
 * its base path, and the API-level extensions.
 */
final class ApiLevelImporter {

	private static final Pattern STAGE_NAME = Pattern.compile("[A-Za-z0-9_-]{1,128}");

	private static final Set<String> API_EXTENSIONS = Set.of(Extensions.API_KEY_SOURCE,
			Extensions.BINARY_MEDIA_TYPES, Extensions.GATEWAY_RESPONSES, Extensions.REQUEST_VALIDATORS,
			Extensions.REQUEST_VALIDATOR, Extensions.POLICY);

	private static final Set<String> GATEWAY_RESPONSE_FIELDS = Set.of("statusCode", "responseParameters",
			"responseTemplates");

	private final ImportContext context;

	private final OpenApiDocument document;

	private final Values values;

	ApiLevelImporter(ImportContext context, OpenApiDocument document) {
		this.context = context;
		this.document = document;
		this.values = new Values(context, Location.API);
	}

	void read(Api.Builder api) {
		JsonNode root = this.document.root();
		JsonNode info = root.path("info");
		Pointer infoAt = Pointer.ROOT.child("info");
		api.title(this.values.string(info, "title", infoAt))
			.description(this.values.string(info, "description", infoAt))
			.version(this.values.string(info, "version", infoAt));
		String stage = this.document.isSwagger2() ? Nodes.text(root.get("basePath")) : serverPath(root);
		Pointer stageAt = this.document.isSwagger2() ? Pointer.ROOT.child("basePath") : Pointer.ROOT.child("servers");
		addStage(api, stage, stageAt);
		String source = this.values.string(root, Extensions.API_KEY_SOURCE, Pointer.ROOT);
		if (source != null) {
			try {
				api.apiKeySource(ApiKeySource.valueOf(source.trim().toUpperCase(Locale.ROOT)));
			}
			catch (IllegalArgumentException ex) {
				this.values.problem(Pointer.ROOT.child(Extensions.API_KEY_SOURCE),
						"Unknown API key source '" + source + "'; expected HEADER or AUTHORIZER");
			}
		}
		api.binaryMediaTypes(this.values.stringList(root, Extensions.BINARY_MEDIA_TYPES, Pointer.ROOT));
		gatewayResponses(api, root.get(Extensions.GATEWAY_RESPONSES), Pointer.ROOT.child(Extensions.GATEWAY_RESPONSES));
		policy(api, root.get(Extensions.POLICY));
		warnUnsupported(root);
	}

	/**
	 * Reads the request validators and the API's default one.
	 * @return the names of the validators
	 */
	Set<String> validators(Api.Builder api) {
		Set<String> names = new LinkedHashSet<>();
		Pointer at = Pointer.ROOT.child(Extensions.REQUEST_VALIDATORS);
		for (Map.Entry<String, JsonNode> entry : Nodes.fields(this.document.at(at))) {
			Pointer validatorAt = at.child(entry.getKey());
			if (this.values.object(entry.getValue(), validatorAt) != null) {
				names.add(entry.getKey());
				api.requestValidator(new RequestValidator(entry.getKey(),
						Boolean.TRUE.equals(this.values.bool(entry.getValue(), "validateRequestBody", validatorAt)),
						Boolean.TRUE.equals(
								this.values.bool(entry.getValue(), "validateRequestParameters", validatorAt))));
			}
		}
		String defaultValidator = this.values.string(this.document.root(), Extensions.REQUEST_VALIDATOR, Pointer.ROOT);
		if (defaultValidator != null && !names.contains(defaultValidator)) {
			this.values.problem(Pointer.ROOT.child(Extensions.REQUEST_VALIDATOR), "Unknown validator reference '"
					+ defaultValidator + "'; defined in " + Extensions.REQUEST_VALIDATORS + ": " + names);
		}
		api.defaultRequestValidator(defaultValidator);
		return names;
	}

	private @Nullable String serverPath(JsonNode root) {
		JsonNode server = root.path("servers").path(0);
		String url = Nodes.text(server.get("url"));
		if (url == null) {
			return null;
		}
		for (Map.Entry<String, JsonNode> variable : Nodes.fields(server.get("variables"))) {
			String value = Nodes.text(variable.getValue().get("default"));
			url = url.replace("{" + variable.getKey() + "}", (value != null) ? value : "");
		}
		int scheme = url.indexOf("://");
		if (scheme < 0) {
			return url;
		}
		int path = url.indexOf('/', scheme + 3);
		return (path < 0) ? "" : url.substring(path);
	}

	private void addStage(Api.Builder api, @Nullable String basePath, Pointer at) {
		if (basePath == null) {
			return;
		}
		String name = basePath.replaceAll("^/+", "").replaceAll("/+$", "");
		if (name.isEmpty()) {
			return;
		}
		if (STAGE_NAME.matcher(name).matches()) {
			api.stage(Stage.of(name, Map.of()));
		}
		else {
			this.context.warn(at, "base path '" + basePath + "' is not a stage name; ignored");
		}
	}

	private void gatewayResponses(Api.Builder api, @Nullable JsonNode node, Pointer at) {
		for (Map.Entry<String, JsonNode> entry : Nodes.fields(node)) {
			Pointer responseAt = at.child(entry.getKey());
			GatewayResponseType type;
			try {
				type = GatewayResponseType.valueOf(entry.getKey());
			}
			catch (IllegalArgumentException ex) {
				this.values.problem(responseAt, "Unknown gateway response type '" + entry.getKey() + "'");
				continue;
			}
			JsonNode response = this.values.object(entry.getValue(), responseAt);
			if (response == null) {
				continue;
			}
			for (Map.Entry<String, JsonNode> field : Nodes.fields(response)) {
				if (!GATEWAY_RESPONSE_FIELDS.contains(field.getKey())) {
					this.context.warn(responseAt.child(field.getKey()), "unknown gateway response field; ignored");
				}
			}
			Long status = this.values.integer(response, "statusCode", responseAt);
			if (status != null && (status < 100 || status > 599)) {
				this.values.problem(responseAt.child("statusCode"), "Invalid status code " + status);
				status = null;
			}
			Map<String, String> parameters = this.values.stringMap(response, "responseParameters", responseAt);
			parameters.keySet()
				.stream()
				.filter((key) -> !key.startsWith("gatewayresponse."))
				.forEach((key) -> this.values.problem(responseAt.child("responseParameters").child(key),
						"Invalid mapping target '" + key + "'; expected gatewayresponse.header.NAME"));
			api.gatewayResponse(new GatewayResponse(type, (status != null) ? status.intValue() : null, parameters,
					this.values.stringMap(response, "responseTemplates", responseAt)));
		}
	}

	/**
	 * The resource policy: an object (as AWS exports it) or JSON text; checked when the API
	 * is deployed.
	 */
	private void policy(Api.Builder api, @Nullable JsonNode policy) {
		if (Nodes.isAbsent(policy)) {
			return;
		}
		if (policy.isObject()) {
			api.policy(policy.toString());
		}
		else if (policy.isTextual()) {
			api.policy(policy.asText());
		}
		else {
			this.values.problem(Pointer.ROOT.child(Extensions.POLICY), "Expected a policy document (an object)");
		}
	}

	private void warnUnsupported(JsonNode root) {
		for (Map.Entry<String, JsonNode> field : Nodes.fields(root)) {
			if (Extensions.isAws(field.getKey()) && !API_EXTENSIONS.contains(field.getKey())) {
				this.context.warn(Pointer.ROOT.child(field.getKey()), Extensions.unsupportedReason(field.getKey()));
			}
		}
		for (Map.Entry<String, JsonNode> field : Nodes.fields(root.get("components"))) {
			if (Extensions.isAws(field.getKey())) {
				this.context.warn(Pointer.ROOT.child("components").child(field.getKey()),
						Extensions.unsupportedReason(field.getKey()));
			}
		}
		JsonNode tags = root.path("tags");
		for (int i = 0; i < tags.size(); i++) {
			if (tags.get(i).has(Extensions.TAG_VALUE)) {
				Pointer tagAt = Pointer.ROOT.child("tags").child(i).child(Extensions.TAG_VALUE);
				this.context.warn(tagAt, Extensions.unsupportedReason(Extensions.TAG_VALUE));
			}
		}
	}

}
