package dev.apigw.definition;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;

import dev.apigw.definition.InvalidApiDefinitionException.Problem;
import dev.apigw.model.Api;
import dev.apigw.model.ApiKeySource;
import dev.apigw.model.Method;
import dev.apigw.model.Resource;
import dev.apigw.model.Stage;
import org.jspecify.annotations.Nullable;

/**
 * Merges two definitions of one API from different sources (application properties and
 * annotated classes, for instance) into one: resources and methods are combined, stages,
 * models, validators, authorizers and gateway responses are united. The same method (path
 * and verb), or two different values for one setting, is a conflict reported as one
 * problem naming both sources.
 */
final class ApiMerger {

	private ApiMerger() {
	}

	static Api merge(Api first, Api second, List<Problem> problems) {
		String id = first.id();
		BiConsumer<String, String> conflict = (field, what) -> problems.add(new Problem(second.source(), id, null,
				null, field, what + " is also defined by " + first.source() + " with another value; define it once"));
		Api.Builder builder = Api.builder(id)
			.title(scalar(first.title(), second.title(), "title", conflict))
			.description(scalar(first.description(), second.description(), "description", conflict))
			.version(scalar(first.version(), second.version(), "version", conflict))
			.basePath(scalar(first.basePath(), second.basePath(), "base-path", conflict))
			.host(scalar(first.host(), second.host(), "host", conflict))
			.policy(scalar(first.policy(), second.policy(), "policy", conflict))
			.defaultRequestValidator(scalar(first.defaultRequestValidator(), second.defaultRequestValidator(),
					"default-request-validator", conflict))
			.apiKeySource((first.apiKeySource() != ApiKeySource.HEADER) ? first.apiKeySource() : second.apiKeySource())
			.source(first.source() + " and " + second.source());
		LinkedHashSet<String> binary = new LinkedHashSet<>(first.binaryMediaTypes());
		binary.addAll(second.binaryMediaTypes());
		builder.binaryMediaTypes(List.copyOf(binary));
		builder.resources(resources(first, second, problems));
		stages(first, second, conflict).values().forEach(builder::stage);
		union(first.models(), second.models(), "models", conflict).forEach(builder::model);
		union(first.requestValidators(), second.requestValidators(), "request-validators", conflict).values()
			.forEach(builder::requestValidator);
		union(first.authorizers(), second.authorizers(), "authorizers", conflict).values().forEach(builder::authorizer);
		first.gatewayResponses().values().forEach(builder::gatewayResponse);
		second.gatewayResponses().forEach((type, response) -> {
			if (first.gatewayResponses().containsKey(type) && !first.gatewayResponses().get(type).equals(response)) {
				conflict.accept("gateway-responses." + type, "The gateway response " + type);
			}
			builder.gatewayResponse(response);
		});
		return builder.build();
	}

	private static List<Resource> resources(Api first, Api second, List<Problem> problems) {
		Map<String, Resource> resources = new LinkedHashMap<>();
		first.resources().forEach((resource) -> resources.put(resource.path(), resource));
		for (Resource resource : second.resources()) {
			Resource existing = resources.get(resource.path());
			if (existing == null) {
				resources.put(resource.path(), resource);
				continue;
			}
			Map<String, Method> methods = new LinkedHashMap<>(existing.methods());
			resource.methods().forEach((verb, method) -> {
				if (methods.putIfAbsent(verb, method) != null) {
					problems.add(new Problem(second.source(), first.id(), resource.path(), verb, "method",
							"The method is defined both by " + first.source() + " and by " + second.source()
									+ "; remove one of the two definitions"));
				}
			});
			String description = (existing.description() != null) ? existing.description() : resource.description();
			resources.put(resource.path(), new Resource(resource.path(), description, methods));
		}
		return new ArrayList<>(resources.values());
	}

	/**
	 * Stages of the same name merge when one of them is only a name (as an annotation
	 * declares stages); two stages with settings must be equal.
	 */
	private static Map<String, Stage> stages(Api first, Api second, BiConsumer<String, String> conflict) {
		Map<String, Stage> stages = new LinkedHashMap<>(first.stages());
		second.stages().forEach((name, stage) -> {
			Stage existing = stages.get(name);
			if (existing == null || isBare(existing)) {
				stages.put(name, stage);
			}
			else if (!isBare(stage) && !existing.equals(stage)) {
				conflict.accept("stages." + name, "The stage '" + name + "'");
			}
		});
		return stages;
	}

	private static boolean isBare(Stage stage) {
		return stage.equals(Stage.of(stage.name(), Map.of()));
	}

	private static <V> Map<String, V> union(Map<String, V> first, Map<String, V> second, String field,
			BiConsumer<String, String> conflict) {
		Map<String, V> merged = new LinkedHashMap<>(first);
		second.forEach((name, value) -> {
			V existing = merged.putIfAbsent(name, value);
			if (existing != null && !existing.equals(value)) {
				conflict.accept(field + "." + name, "'" + name + "'");
			}
		});
		return merged;
	}

	private static @Nullable String scalar(@Nullable String first, @Nullable String second, String field,
			BiConsumer<String, String> conflict) {
		if (first != null && second != null && !Objects.equals(first, second)) {
			conflict.accept(field, "The " + field);
		}
		return (first != null) ? first : second;
	}

}
