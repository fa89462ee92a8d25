package dev.apigw.routing;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.apigw.model.Resource;
import org.jspecify.annotations.Nullable;

/**
 * A resource as deployed to a stage, with its methods by verb.
 */
public final class ResourceRuntime {

	private final Resource resource;

	private final String id;

	private final Map<String, MethodRuntime> methods = new LinkedHashMap<>();

	private @Nullable MethodRuntime any;

	/**
	 * Creates a resource runtime; methods are added while the stage is compiled.
	 * @param resource the definition
	 * @param id the resource id ({@code $context.resourceId})
	 */
	public ResourceRuntime(Resource resource, String id) {
		this.resource = resource;
		this.id = id;
	}

	/**
	 * Adds a compiled method (during compilation only).
	 * @param method the method
	 */
	public void add(MethodRuntime method) {
		String verb = method.method().httpMethod();
		if ("ANY".equals(verb)) {
			this.any = method;
		}
		else {
			this.methods.put(verb, method);
		}
	}

	/**
	 * The method serving a request verb: the method defined for it, else {@code ANY}.
	 * @param verb the request's HTTP method
	 * @return the method, or {@code null} when the resource has none for the verb
	 */
	public @Nullable MethodRuntime method(String verb) {
		MethodRuntime method = this.methods.get(verb);
		return (method != null) ? method : this.any;
	}

	/**
	 * The definition.
	 * @return the resource
	 */
	public Resource resource() {
		return this.resource;
	}

	/**
	 * The path template, e.g. {@code /pets/{petId}}.
	 * @return the path
	 */
	public String path() {
		return this.resource.path();
	}

	/**
	 * The resource id.
	 * @return the id
	 */
	public String id() {
		return this.id;
	}

	/**
	 * All methods, {@code ANY} included.
	 * @return verb to method
	 */
	public Map<String, MethodRuntime> methods() {
		Map<String, MethodRuntime> all = new LinkedHashMap<>(this.methods);
		if (this.any != null) {
			all.put("ANY", this.any);
		}
		return Collections.unmodifiableMap(all);
	}

}
