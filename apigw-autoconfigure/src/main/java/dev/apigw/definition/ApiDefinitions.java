package dev.apigw.definition;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.apigw.definition.InvalidApiDefinitionException.Problem;
import dev.apigw.model.Api;
import dev.apigw.model.DefaultModels;

/**
 * Collects the APIs of every {@link ApiDefinitionSource}, merges definitions of the same
 * API from several sources (resources, methods, stages; a method defined for the same path
 * and verb by two sources is a conflict), adds the default models ({@link DefaultModels})
 * and validates them once, so a bad definition
 * fails start-up with every problem listed.
 */
public final class ApiDefinitions {

	private final List<ApiDefinitionSource> sources;

	private final List<ApiDefinitionValidator> validators;

	/**
	 * Creates the collection.
	 * @param sources the sources, in order
	 */
	public ApiDefinitions(List<ApiDefinitionSource> sources) {
		this(sources, List.of());
	}

	/**
	 * Creates the collection with feature validators.
	 * @param sources the sources, in order
	 * @param validators checks run on every merged API after the built-in ones
	 */
	public ApiDefinitions(List<ApiDefinitionSource> sources, List<ApiDefinitionValidator> validators) {
		this.sources = List.copyOf(sources);
		this.validators = List.copyOf(validators);
	}

	/**
	 * Loads, merges and validates every API.
	 * @return the APIs
	 * @throws InvalidApiDefinitionException listing every problem found
	 */
	public List<Api> load() {
		Map<String, Api> apis = new LinkedHashMap<>();
		List<Problem> problems = new ArrayList<>();
		for (ApiDefinitionSource source : this.sources) {
			List<Api> defined;
			try {
				defined = source.apis();
			}
			catch (InvalidApiDefinitionException ex) {
				problems.addAll(ex.getProblems());
				continue;
			}
			for (Api api : defined) {
				Api existing = apis.get(api.id());
				apis.put(api.id(), (existing != null) ? ApiMerger.merge(existing, api, problems) : api);
			}
		}
		// AWS creates the Empty and Error models with every API
		apis.replaceAll((id, api) -> DefaultModels.addTo(api));
		for (Api api : apis.values()) {
			problems.addAll(check(api, this.validators));
		}
		if (!problems.isEmpty()) {
			throw new InvalidApiDefinitionException(problems);
		}
		return List.copyOf(apis.values());
	}

	/**
	 * Checks a merged API: the model's own rules, then (when those hold) every feature's
	 * validator. The compile step of every deployment runs the same checks, so a deployment
	 * made at run time is held to what start-up holds definitions to.
	 * @param api the API
	 * @param validators the features' checks
	 * @return the problems found, empty when the API is valid
	 */
	public static List<Problem> check(Api api, List<ApiDefinitionValidator> validators) {
		List<Problem> problems = new ArrayList<>(ApiValidator.validate(api));
		if (problems.isEmpty()) {
			for (ApiDefinitionValidator validator : validators) {
				problems.addAll(validator.validate(api));
			}
		}
		return problems;
	}

}
