package dev.apigw.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import dev.apigw.definition.InvalidApiDefinitionException;
import dev.apigw.definition.InvalidApiDefinitionException.Problem;
import dev.apigw.routing.StageRuntime;

/**
 * Checks, once for the deployed stages, whatever a {@link StageCheck} adds. Reports every
 * problem at once, naming the API and field.
 */
public final class SecurityCheck {

	private SecurityCheck() {
	}

	/**
	 * A further check of a stage.
	 */
	@FunctionalInterface
	public interface StageCheck {

		/**
		 * Checks a stage.
		 * @param stage the stage
		 * @param problems receives a field (relative to the API) and a message per problem
		 */
		void check(StageRuntime stage, Consumer<StageProblem> problems);

	}

	/**
	 * A problem found by a {@link StageCheck}.
	 *
	 * @param field the field, relative to the API
	 * @param message what is wrong and how to fix it
	 */
	public record StageProblem(String field, String message) {

	}

	/**
	 * Checks stages.
	 * @param stages the stages
	 * @param checks further checks
	 * @throws InvalidApiDefinitionException listing every problem found
	 */
	public static void check(List<StageRuntime> stages, List<StageCheck> checks) {
		List<Problem> problems = new ArrayList<>();
		for (StageRuntime stage : stages) {
			String api = stage.api().id();
			String source = stage.api().source();
			for (StageCheck check : checks) {
				check.check(stage, (problem) -> problems
					.add(new Problem(source, api, null, null, problem.field(), "stage " + stage.stageName() + ": "
							+ problem.message())));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidApiDefinitionException(problems.stream().distinct().toList());
		}
	}

}
