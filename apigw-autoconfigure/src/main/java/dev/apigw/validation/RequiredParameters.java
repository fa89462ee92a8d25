package dev.apigw.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.apigw.model.PathSegments;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.util.MultiValueMap;

/**
 * The required request parameters of a method, checked as AWS checks them: present and not
 * blank. Missing names are listed in the order of the sorted full keys
 * ({@code method.request.header.*} before {@code path} before {@code querystring}); a
 * required path parameter that is not a variable of the resource's path is always missing.
 */
final class RequiredParameters {

	private static final String PREFIX = "method.request.";

	private final List<Parameter> parameters;

	private RequiredParameters(List<Parameter> parameters) {
		this.parameters = parameters;
	}

	/**
	 * The required parameters among a method's declared ones.
	 * @param declared {@code method.request.{location}.{name}} to whether it is required
	 * @param resourcePath the resource's path template
	 * @return the check, {@code null} when nothing is required
	 */
	static @Nullable RequiredParameters of(Map<String, Boolean> declared, String resourcePath) {
		Set<String> variables = Set.copyOf(PathSegments.variables(resourcePath));
		TreeSet<String> keys = new TreeSet<>();
		declared.forEach((key, required) -> {
			if (Boolean.TRUE.equals(required) && key.startsWith(PREFIX) && key.indexOf('.', PREFIX.length()) > 0) {
				keys.add(key);
			}
		});
		List<Parameter> parameters = new ArrayList<>();
		for (String key : keys) {
			int dot = key.indexOf('.', PREFIX.length());
			String location = key.substring(PREFIX.length(), dot);
			String name = key.substring(dot + 1);
			Location where = switch (location) {
				case "header", "multivalueheader" -> Location.HEADER;
				case "querystring", "multivaluequerystring" -> Location.QUERY;
				case "path" -> variables.contains(name) ? Location.PATH : Location.NOWHERE;
				default -> null;
			};
			if (where != null) {
				parameters.add(new Parameter(where, name));
			}
		}
		return parameters.isEmpty() ? null : new RequiredParameters(List.copyOf(parameters));
	}

	/**
	 * The names of the required parameters a request lacks.
	 * @param headers the request headers
	 * @param query the raw query parameters
	 * @param path the path parameters
	 * @return the names, in AWS's order, empty when none is missing
	 */
	List<String> missing(HttpHeaders headers, MultiValueMap<String, String> query, Map<String, String> path) {
		List<String> missing = null;
		for (Parameter parameter : this.parameters) {
			boolean present = switch (parameter.location()) {
				case HEADER -> anyNotBlank(headers.get(parameter.name()));
				case QUERY -> anyNotBlank(query.get(parameter.name()));
				case PATH -> notBlank(path.get(parameter.name()));
				case NOWHERE -> false;
			};
			if (!present) {
				if (missing == null) {
					missing = new ArrayList<>();
				}
				missing.add(parameter.name());
			}
		}
		return (missing != null) ? missing : List.of();
	}

	private static boolean anyNotBlank(@Nullable List<String> values) {
		if (values != null) {
			for (String value : values) {
				if (notBlank(value)) {
					return true;
				}
			}
		}
		return false;
	}

	private static boolean notBlank(@Nullable String value) {
		return value != null && !value.isBlank();
	}

	private enum Location {

		HEADER, QUERY, PATH, NOWHERE

	}

	private record Parameter(Location location, String name) {

	}

}
