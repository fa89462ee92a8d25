package dev.apigw.definition;

import java.util.List;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * Thrown at start-up when an API definition is invalid. Carries every problem found, each
 * naming the API, resource, method and field, so one start-up failure reports them all.
 */
public class InvalidApiDefinitionException extends RuntimeException {

	private final List<Problem> problems;

	/**
	 * Creates an exception for the given problems.
	 * @param problems the problems, at least one
	 */
	public InvalidApiDefinitionException(List<Problem> problems) {
		super(describe(problems));
		this.problems = List.copyOf(problems);
	}

	/**
	 * Creates an exception for one problem.
	 * @param problem the problem
	 */
	public InvalidApiDefinitionException(Problem problem) {
		this(List.of(problem));
	}

	/**
	 * The problems found.
	 * @return the problems
	 */
	public List<Problem> getProblems() {
		return this.problems;
	}

	private static String describe(List<Problem> problems) {
		return problems.stream().map(Problem::toString).collect(Collectors.joining("\n"));
	}

	/**
	 * One problem in a definition.
	 *
	 * @param source where the definition came from (e.g. "application properties",
	 * "openapi classpath:petstore.yaml")
	 * @param api the API id
	 * @param resource the resource path, {@code null} when the problem is not in a resource
	 * @param method the HTTP method, {@code null} when the problem is not in a method
	 * @param field the offending field (a property path or a JSON pointer)
	 * @param message what is wrong and, where possible, how to fix it
	 */
	public record Problem(String source, String api, @Nullable String resource, @Nullable String method, String field,
			String message) {

		@Override
		public String toString() {
			StringBuilder text = new StringBuilder("API '").append(this.api).append('\'');
			if (this.resource != null) {
				text.append(", resource '").append(this.resource).append('\'');
			}
			if (this.method != null) {
				text.append(", method ").append(this.method);
			}
			text.append(", field '").append(this.field).append("' (").append(this.source).append("): ");
			return text.append(this.message).toString();
		}

	}

}
