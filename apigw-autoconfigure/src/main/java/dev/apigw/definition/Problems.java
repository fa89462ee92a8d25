package dev.apigw.definition;

import java.util.ArrayList;
import java.util.List;

import dev.apigw.definition.InvalidApiDefinitionException.Problem;
import dev.apigw.model.Api;
import org.jspecify.annotations.Nullable;

/**
 * Collects what is wrong with one API's deployment while it is compiled, each problem
 * naming the API's source and id and, where it applies, the resource, method and field.
 * The compile step reports everything it found at once: at start-up as the start-up
 * failure, at run time as the refusal of the deployment.
 */
public final class Problems {

	private final String source;

	private final String api;

	private final List<Problem> found = new ArrayList<>();

	/**
	 * Creates a collector for one API.
	 * @param api the API being compiled
	 */
	public Problems(Api api) {
		this.source = api.source();
		this.api = api.id();
	}

	/**
	 * Reports a problem of the API or one of its stages (not of a method).
	 * @param field the field, relative to the API (e.g. {@code policy},
	 * {@code stages.dev.client-certificate})
	 * @param message what is wrong and how to fix it
	 */
	public void add(String field, String message) {
		add(null, null, field, message);
	}

	/**
	 * Reports a problem of a method.
	 * @param resource the resource path, {@code null} when the problem is not in a resource
	 * @param method the HTTP method, {@code null} when the problem is not in a method
	 * @param field the field, relative to the method (e.g. {@code authorization-type})
	 * @param message what is wrong and how to fix it
	 */
	public void add(@Nullable String resource, @Nullable String method, String field, String message) {
		Problem problem = new Problem(this.source, this.api, resource, method, field, message);
		if (!this.found.contains(problem)) {
			this.found.add(problem);
		}
	}

	/**
	 * Reports problems found elsewhere (by a definition check).
	 * @param problems the problems
	 */
	public void addAll(List<Problem> problems) {
		problems.forEach((problem) -> {
			if (!this.found.contains(problem)) {
				this.found.add(problem);
			}
		});
	}

	/**
	 * Whether nothing was reported.
	 * @return {@code true} when the deployment is fine so far
	 */
	public boolean isEmpty() {
		return this.found.isEmpty();
	}

	/**
	 * The problems reported, in order.
	 * @return the problems
	 */
	public List<Problem> list() {
		return List.copyOf(this.found);
	}

	/**
	 * Ends the compile step when something was reported.
	 * @throws InvalidApiDefinitionException listing every problem reported
	 */
	public void throwIfAny() {
		if (!this.found.isEmpty()) {
			throw new InvalidApiDefinitionException(this.found);
		}
	}

}
