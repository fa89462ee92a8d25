package dev.apigw.model;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A resource of an API: its full path template and the methods defined on it.
 * <p>
 * Paths start with {@code /}; segments are literals, {@code {param}} or, as the last
 * segment only, the greedy {@code {name+}}. The root resource is {@code /}.
 *
 * @param path the full path template, e.g. {@code /pets/{petId}}
 * @param description a description for documentation
 * @param methods verb (or {@code ANY}) to method
 */
public record Resource(String path, @Nullable String description, Map<String, Method> methods) {

	public Resource {
		methods = Copies.map(methods);
	}

	/**
	 * A resource with the given methods.
	 * @param path the path template
	 * @param methods the methods
	 * @return the resource
	 */
	public static Resource of(String path, Method... methods) {
		java.util.LinkedHashMap<String, Method> map = new java.util.LinkedHashMap<>();
		for (Method method : methods) {
			map.put(method.httpMethod(), method);
		}
		return new Resource(path, null, map);
	}

}
