package dev.apigw.documentation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.apigw.model.Api;
import dev.apigw.model.Method;
import dev.apigw.model.Resource;
import org.jspecify.annotations.Nullable;

/**
 * The documentation of an API at one time: its title, description and version, each
 * resource's description and each method's summary and description — what AWS keeps as
 * documentation parts of type API, RESOURCE and METHOD.
 *
 * @param title the API's title
 * @param description the API's description
 * @param version the API's version
 * @param resources resource path to description, for described resources
 * @param methods method key ({@code GET /pets}) to its documentation, for documented methods
 */
public record DocumentationSnapshot(@Nullable String title, @Nullable String description, @Nullable String version,
		Map<String, String> resources, Map<String, MethodDocumentation> methods) {

	public DocumentationSnapshot {
		resources = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(resources));
		methods = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(methods));
	}

	/**
	 * The documentation an API carries.
	 * @param api the API
	 * @return its documentation
	 */
	public static DocumentationSnapshot of(Api api) {
		Map<String, String> resources = new LinkedHashMap<>();
		Map<String, MethodDocumentation> methods = new LinkedHashMap<>();
		for (Resource resource : api.resources()) {
			if (resource.description() != null) {
				resources.put(resource.path(), resource.description());
			}
			for (Method method : resource.methods().values()) {
				if (method.summary() != null || method.description() != null) {
					methods.put(key(method, resource), new MethodDocumentation(method.summary(), method.description()));
				}
			}
		}
		return new DocumentationSnapshot(api.title(), api.description(), api.version(), resources, methods);
	}

	/**
	 * An API documented by this snapshot instead of by its own texts: what the snapshot does
	 * not document is undocumented; what it documents that the API no longer has is left out.
	 * @param api the API
	 * @return the API with this documentation
	 */
	public Api applyTo(Api api) {
		List<Resource> resources = new ArrayList<>();
		for (Resource resource : api.resources()) {
			Map<String, Method> methods = new LinkedHashMap<>();
			resource.methods().forEach((verb, method) -> {
				MethodDocumentation documentation = this.methods.get(key(method, resource));
				methods.put(verb, method.toBuilder()
					.summary((documentation != null) ? documentation.summary() : null)
					.description((documentation != null) ? documentation.description() : null)
					.build());
			});
			resources.add(new Resource(resource.path(), this.resources.get(resource.path()), methods));
		}
		return api.withResources(resources)
			.toBuilder()
			.title(this.title)
			.description(this.description)
			.version(this.version)
			.build();
	}

	private static String key(Method method, Resource resource) {
		return method.httpMethod() + " " + resource.path();
	}

	/**
	 * A method's documentation.
	 *
	 * @param summary the one-line summary
	 * @param description the description
	 */
	public record MethodDocumentation(@Nullable String summary, @Nullable String description) {

	}

}
