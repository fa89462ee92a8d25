package dev.apigw.definition.openapi;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.fasterxml.jackson.databind.JsonNode;
import org.jspecify.annotations.Nullable;

import dev.apigw.model.ContentHandling;
import dev.apigw.model.Integration;
import dev.apigw.model.IntegrationResponse;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.Method;
import dev.apigw.model.PassthroughBehavior;

/**
 * Reads an {@code x-amazon-apigateway-integration} object.
 */
final class IntegrationImporter {

	static final long MIN_TIMEOUT_MILLIS = 50;

	static final long MAX_TIMEOUT_MILLIS = 29_000;

	private static final Pattern STATUS_CODE = Pattern.compile("[1-5]\\d{2}");

	private static final Set<String> FIELDS = Set.of("type", "uri", "httpMethod", "requestParameters",
			"requestTemplates", "passthroughBehavior", "contentHandling", "timeoutInMillis", "cacheKeyParameters",
			"cacheNamespace", "responses", "connectionType");

	private static final Map<String, String> IGNORED = Map.of("credentials",
			"integration credentials (an IAM role) are not used; the backend is called without them", "connectionId",
			"VPC links are not supported; the uri is called directly", "tlsConfig",
			"per-integration TLS settings are not supported; the HTTP client's settings apply", "integrationSubtype",
			"an HTTP API (v2) setting", "payloadFormatVersion", "an HTTP API (v2) setting");

	private static final Set<String> RESPONSE_FIELDS = Set.of("statusCode", "responseParameters",
			"responseTemplates", "contentHandling");

	private final ImportContext context;

	IntegrationImporter(ImportContext context) {
		this.context = context;
	}

	@Nullable Integration read(JsonNode node, Pointer at, Values values) {
		if (values.object(node, at) == null) {
			return null;
		}
		warnIgnored(node, at);
		IntegrationType type = type(node, at, values);
		if (type == null) {
			return null;
		}
		Integration.Builder integration = Integration.builder(type);
		String uri = values.string(node, "uri", at);
		if (uri == null && type != IntegrationType.MOCK) {
			values.problem(at.child("uri"), "An integration of type " + type.name().toLowerCase(Locale.ROOT)
					+ " needs a uri");
		}
		integration.uri(uri).httpMethod(httpMethod(node, at, values));
		integration.requestParameters(mappings(values, node, at, "requestParameters", "integration.request.",
				"integration.request.{path|querystring|header}.NAME"));
		integration.requestTemplates(values.stringMap(node, "requestTemplates", at));
		String passthrough = values.string(node, "passthroughBehavior", at);
		if (passthrough != null) {
			try {
				integration.passthroughBehavior(PassthroughBehavior.parse(passthrough));
			}
			catch (IllegalArgumentException ex) {
				values.problem(at.child("passthroughBehavior"), ex.getMessage()
					.replace("WHEN_NO_MATCH, WHEN_NO_TEMPLATES, NEVER", "when_no_match, when_no_templates, never"));
			}
		}
		integration.contentHandling(contentHandling(node, at, values));
		Long timeout = values.integer(node, "timeoutInMillis", at);
		if (timeout != null) {
			if (timeout < MIN_TIMEOUT_MILLIS || timeout > MAX_TIMEOUT_MILLIS) {
				values.problem(at.child("timeoutInMillis"), "Integration timeout must be between "
						+ MIN_TIMEOUT_MILLIS + " and " + MAX_TIMEOUT_MILLIS + " ms, got " + timeout);
			}
			else {
				integration.timeout(Duration.ofMillis(timeout));
			}
		}
		integration.cacheKeyParameters(values.stringList(node, "cacheKeyParameters", at));
		integration.cacheNamespace(values.string(node, "cacheNamespace", at));
		integration.responses(responses(node.get("responses"), at.child("responses"), values));
		return integration.build();
	}

	private void warnIgnored(JsonNode node, Pointer at) {
		for (Map.Entry<String, JsonNode> field : Nodes.fields(node)) {
			String name = field.getKey();
			if (IGNORED.containsKey(name)) {
				this.context.warn(at.child(name), "not supported (" + IGNORED.get(name) + "); ignored");
			}
			else if (!FIELDS.contains(name)) {
				this.context.warn(at.child(name), "unknown integration field; ignored");
			}
		}
		String connectionType = Nodes.text(node.get("connectionType"));
		if (connectionType != null && !connectionType.equalsIgnoreCase("INTERNET")) {
			this.context.warn(at.child("connectionType"),
					"not supported (private integrations through a VPC link); the uri is called directly");
		}
	}

	private static @Nullable IntegrationType type(JsonNode node, Pointer at, Values values) {
		String type = values.string(node, "type", at);
		if (type == null) {
			values.problem(at.child("type"), "An integration needs a type: aws, aws_proxy, http, http_proxy or mock");
			return null;
		}
		try {
			return IntegrationType.parse(type);
		}
		catch (IllegalArgumentException ex) {
			values.problem(at.child("type"),
					"Unknown integration type '" + type + "'; expected aws, aws_proxy, http, http_proxy or mock");
			return null;
		}
	}

	private static @Nullable String httpMethod(JsonNode node, Pointer at, Values values) {
		String method = values.string(node, "httpMethod", at);
		if (method == null) {
			return null;
		}
		String upper = method.toUpperCase(Locale.ROOT);
		if (!Method.HTTP_METHODS.contains(upper)) {
			values.problem(at.child("httpMethod"), "Unknown HTTP method '" + method + "'");
		}
		return upper;
	}

	private static @Nullable ContentHandling contentHandling(JsonNode node, Pointer at, Values values) {
		String value = values.string(node, "contentHandling", at);
		if (value == null) {
			return null;
		}
		try {
			return ContentHandling.valueOf(value.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			values.problem(at.child("contentHandling"),
					"Unknown content handling '" + value + "'; expected CONVERT_TO_BINARY or CONVERT_TO_TEXT");
			return null;
		}
	}

	private static Map<String, String> mappings(Values values, JsonNode node, Pointer at, String field,
			String prefix, String expected) {
		Map<String, String> mappings = values.stringMap(node, field, at);
		for (String key : mappings.keySet()) {
			if (!key.startsWith(prefix) || key.length() == prefix.length()) {
				values.problem(at.child(field).child(key),
						"Invalid mapping target '" + key + "'; expected " + expected);
			}
		}
		return mappings;
	}

	private List<IntegrationResponse> responses(@Nullable JsonNode node, Pointer at, Values values) {
		List<IntegrationResponse> responses = new ArrayList<>();
		if (Nodes.isAbsent(node)) {
			return responses;
		}
		if (!node.isObject()) {
			values.problem(at, "Expected an object of selection pattern (or 'default') to integration response");
			return responses;
		}
		for (Map.Entry<String, JsonNode> entry : Nodes.fields(node)) {
			IntegrationResponse response = response(entry.getKey(), entry.getValue(), at.child(entry.getKey()),
					values);
			if (response != null) {
				responses.add(response);
			}
		}
		return responses;
	}

	private @Nullable IntegrationResponse response(String key, JsonNode node, Pointer at, Values values) {
		String pattern = key.equals("default") ? null : key;
		if (pattern != null) {
			try {
				Pattern.compile(pattern);
			}
			catch (PatternSyntaxException ex) {
				values.problem(at, "Selection pattern '" + pattern + "' is not a valid Java regular expression: "
						+ ex.getDescription());
			}
		}
		if (values.object(node, at) == null) {
			return null;
		}
		for (Map.Entry<String, JsonNode> field : Nodes.fields(node)) {
			if (!RESPONSE_FIELDS.contains(field.getKey())) {
				this.context.warn(at.child(field.getKey()), "unknown integration response field; ignored");
			}
		}
		String statusCode = values.string(node, "statusCode", at);
		if (statusCode == null || !STATUS_CODE.matcher(statusCode).matches()) {
			values.problem(at.child("statusCode"), (statusCode == null) ? "An integration response needs a statusCode"
					: "Invalid status code '" + statusCode + "'; expected 100 to 599");
			return null;
		}
		Map<String, String> parameters = mappings(values, node, at, "responseParameters", "method.response.header.",
				"method.response.header.NAME");
		return new IntegrationResponse(pattern, statusCode, parameters,
				values.stringMap(node, "responseTemplates", at), contentHandling(node, at, values));
	}

}
