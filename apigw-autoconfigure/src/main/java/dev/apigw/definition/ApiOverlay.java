package dev.apigw.definition;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;

import dev.apigw.model.Api;
import dev.apigw.model.Method;
import dev.apigw.model.Resource;

/**
 * Lays configuration over an imported definition: what the configuration sets wins
 * (a method defined for the same path and verb replaces the imported one, a stage of the
 * same name replaces the imported one), everything else is kept.
 */
final class ApiOverlay {

	private ApiOverlay() {
	}

	static Api merge(Api imported, Api overlay, ApiProperties properties) {
		Api.Builder builder = imported.toBuilder()
			.title(first(overlay.title(), imported.title()))
			.description(first(overlay.description(), imported.description()))
			.version(first(overlay.version(), imported.version()))
			.basePath(overlay.basePath())
			.host(overlay.host())
			.defaultRequestValidator(first(overlay.defaultRequestValidator(), imported.defaultRequestValidator()))
			.source(imported.source() + " with " + overlay.source());
		if (properties.getApiKeySource() != null) {
			builder.apiKeySource(properties.getApiKeySource());
		}
		Api merged = builder.build();
		LinkedHashSet<String> binary = new LinkedHashSet<>(imported.binaryMediaTypes());
		binary.addAll(overlay.binaryMediaTypes());
		Map<String, Resource> resources = new LinkedHashMap<>();
		imported.resources().forEach((resource) -> resources.put(resource.path(), resource));
		for (Resource resource : overlay.resources()) {
			Resource existing = resources.get(resource.path());
			if (existing == null) {
				resources.put(resource.path(), resource);
				continue;
			}
			Map<String, Method> methods = new LinkedHashMap<>(existing.methods());
			methods.putAll(resource.methods());
			resources.put(resource.path(), new Resource(resource.path(),
					first(resource.description(), existing.description()), methods));
		}
		Api.Builder result = Api.builder(merged.id())
			.title(merged.title())
			.description(merged.description())
			.version(merged.version())
			.basePath(merged.basePath())
			.host(merged.host())
			.apiKeySource(merged.apiKeySource())
			.binaryMediaTypes(java.util.List.copyOf(binary))
			.resources(java.util.List.copyOf(resources.values()))
			.defaultRequestValidator(merged.defaultRequestValidator())
			.policy(first(overlay.policy(), imported.policy()))
			.source(merged.source());
		merged.stages().values().forEach(result::stage);
		overlay.stages().values().forEach(result::stage);
		merged.gatewayResponses().values().forEach(result::gatewayResponse);
		overlay.gatewayResponses().values().forEach(result::gatewayResponse);
		merged.models().forEach(result::model);
		overlay.models().forEach(result::model);
		merged.requestValidators().values().forEach(result::requestValidator);
		overlay.requestValidators().values().forEach(result::requestValidator);
		merged.authorizers().values().forEach(result::authorizer);
		overlay.authorizers().values().forEach(result::authorizer);
		return result.build();
	}

	private static <T> T first(T preferred, T fallback) {
		return (preferred != null) ? preferred : fallback;
	}

}
