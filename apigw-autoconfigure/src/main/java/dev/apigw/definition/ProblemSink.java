package dev.apigw.definition;

import java.util.List;

import dev.apigw.definition.InvalidApiDefinitionException.Problem;
import org.jspecify.annotations.Nullable;

/**
 * Receives the problems of the conversions and checks that REST and WebSocket APIs share
 * ({@link StageMapper}, {@link IntegrationMapper}). A shared check names fields relative to
 * what it checks ({@code timeout}, {@code variables.name}); each caller binds the sink to
 * its API, resource or route and to how its kind of API names fields, so one rule gives one
 * message under each kind's own field names.
 */
@FunctionalInterface
public interface ProblemSink {

	/**
	 * Reports a problem.
	 * @param field the field, relative to what is checked; empty for the checked thing itself
	 * (e.g. a stage whose name is invalid)
	 * @param message what is wrong and how to fix it
	 */
	void add(String field, String message);

	/**
	 * A sink for a part of what this sink checks: its fields are named below a prefix.
	 * @param prefix the part's field, e.g. {@code integration} or {@code stages.dev}
	 * @return a sink reporting {@code prefix.field}, or {@code prefix} for the part itself
	 */
	default ProblemSink under(String prefix) {
		return (field, message) -> add(field.isEmpty() ? prefix : prefix + "." + field, message);
	}

	/**
	 * A sink collecting problems into a list.
	 * @param problems receives the problems
	 * @param source where the definition came from
	 * @param api the API id
	 * @param resource the resource path (or a WebSocket API's {@code route KEY}), {@code null}
	 * for a problem of the API or a stage
	 * @param method the HTTP method, {@code null} when the problem is not in a method
	 * @return the sink, naming fields as they are reported
	 */
	static ProblemSink into(List<Problem> problems, String source, String api, @Nullable String resource,
			@Nullable String method) {
		return (field, message) -> problems.add(new Problem(source, api, resource, method, field, message));
	}

}
