package dev.apigw.definition.openapi;

import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jspecify.annotations.Nullable;

import dev.apigw.model.Integration;
import dev.apigw.model.IntegrationResponse;

/**
 * Writes an integration as an {@code x-amazon-apigateway-integration} object, in the field
 * order and letter case of AWS's exports.
 */
final class IntegrationExporter {

	private final ExportSettings settings;

	IntegrationExporter(ExportSettings settings) {
		this.settings = settings;
	}

	ObjectNode write(Integration integration) {
		ObjectNode node = this.settings.object();
		putIfPresent(node, "httpMethod", integration.httpMethod());
		putIfPresent(node, "uri", integration.uri());
		if (!integration.responses().isEmpty()) {
			ObjectNode responses = node.putObject("responses");
			for (IntegrationResponse response : integration.responses()) {
				responses.set(response.isDefault() ? "default" : response.selectionPattern(), response(response));
			}
		}
		putMap(node, "requestParameters", integration.requestParameters());
		putMap(node, "requestTemplates", integration.requestTemplates());
		node.put("passthroughBehavior", integration.passthroughBehavior().name().toLowerCase(Locale.ROOT));
		if (integration.contentHandling() != null) {
			node.put("contentHandling", integration.contentHandling().name());
		}
		node.put("timeoutInMillis", integration.timeout().toMillis());
		putIfPresent(node, "cacheNamespace", integration.cacheNamespace());
		if (!integration.cacheKeyParameters().isEmpty()) {
			integration.cacheKeyParameters().forEach(node.putArray("cacheKeyParameters")::add);
		}
		node.put("type", integration.type().name().toLowerCase(Locale.ROOT));
		return node;
	}

	private ObjectNode response(IntegrationResponse response) {
		ObjectNode node = this.settings.object().put("statusCode", response.statusCode());
		putMap(node, "responseParameters", response.responseParameters());
		putMap(node, "responseTemplates", response.responseTemplates());
		if (response.contentHandling() != null) {
			node.put("contentHandling", response.contentHandling().name());
		}
		return node;
	}

	static void putIfPresent(ObjectNode node, String field, @Nullable String value) {
		if (value != null) {
			node.put(field, value);
		}
	}

	static void putMap(ObjectNode node, String field, Map<String, String> map) {
		if (!map.isEmpty()) {
			ObjectNode object = node.putObject(field);
			map.forEach(object::put);
		}
	}

}
