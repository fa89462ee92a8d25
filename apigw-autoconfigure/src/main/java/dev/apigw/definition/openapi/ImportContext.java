package dev.apigw.definition.openapi;

import java.util.ArrayList;
import java.util.List;

import dev.apigw.definition.InvalidApiDefinitionException;
import dev.apigw.definition.InvalidApiDefinitionException.Problem;
import org.jspecify.annotations.Nullable;

/**
 * What one import has found so far: every problem (reported together at the end) and every
 * ignored feature (reported as one warning).
 */
final class ImportContext {

	private final String apiId;

	private final String source;

	private final List<Problem> problems = new ArrayList<>();

	private final List<String> warnings = new ArrayList<>();

	ImportContext(String apiId, String source) {
		this.apiId = apiId;
		this.source = source;
	}

	String apiId() {
		return this.apiId;
	}

	String source() {
		return this.source;
	}

	void problem(Pointer field, String message) {
		problem(null, null, field, message);
	}

	/**
	 * Records a problem, unless the field already has one: a structural check and the
	 * mapping may both trip over the same value, and the first word on it is enough.
	 */
	void problem(@Nullable String resource, @Nullable String method, Pointer field, String message) {
		String pointer = field.toString();
		if (this.problems.stream().noneMatch((problem) -> problem.field().equals(pointer))) {
			this.problems.add(new Problem(this.source, this.apiId, resource, method, pointer, message));
		}
	}

	void problem(Location location, Pointer field, String message) {
		problem(location.resource(), location.method(), field, message);
	}

	void warn(Pointer field, String message) {
		String warning = field + ": " + message;
		if (!this.warnings.contains(warning)) {
			this.warnings.add(warning);
		}
	}

	boolean hasProblems() {
		return !this.problems.isEmpty();
	}

	List<String> warnings() {
		return List.copyOf(this.warnings);
	}

	InvalidApiDefinitionException failure() {
		return new InvalidApiDefinitionException(this.problems);
	}

	/**
	 * Where in the API a problem is: the resource path and the HTTP method, either may be
	 * {@code null}.
	 *
	 * @param resource the resource path
	 * @param method the HTTP method or {@code ANY}
	 */
	record Location(@Nullable String resource, @Nullable String method) {

		static final Location API = new Location(null, null);

	}

}
