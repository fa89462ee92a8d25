package dev.apigw.definition;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports an invalid API definition at start-up as one readable message naming the API,
 * resource, method and field of each problem, instead of a stack trace.
 */
final class InvalidApiDefinitionFailureAnalyzer extends AbstractFailureAnalyzer<InvalidApiDefinitionException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidApiDefinitionException cause) {
		StringBuilder description = new StringBuilder("The API definitions are invalid:\n");
		for (InvalidApiDefinitionException.Problem problem : cause.getProblems()) {
			description.append("\n    ").append(problem);
		}
		return new FailureAnalysis(description.toString(),
				"Correct the definitions above (see docs/configuration.md for every key).", cause);
	}

}
