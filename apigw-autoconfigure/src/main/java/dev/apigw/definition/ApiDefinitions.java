package dev.apigw.definition;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.apigw.definition.InvalidApiDefinitionException.Problem;
import dev.apigw.model.Api;

/**
 * Collects the APIs of every {@link ApiDefinitionSource} and validates them once, so a bad
 * definition fails start-up with every problem listed.
 */
public final class ApiDefinitions {

	private final List<ApiDefinitionSource> sources;

	/**
	 * Creates the collection.
	 * @param sources the sources, in order
	 */
	public ApiDefinitions(List<ApiDefinitionSource> sources) {
		this.sources = List.copyOf(sources);
	}

	/**
	 * Loads and validates every API.
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
				Api existing = apis.putIfAbsent(api.id(), api);
				if (existing != null) {
					problems.add(new Problem(api.source(), api.id(), null, null, "id",
							"The API is also defined by " + existing.source() + "; give one of them another id"));
				}
			}
		}
		for (Api api : apis.values()) {
			problems.addAll(ApiValidator.validate(api));
		}
		if (!problems.isEmpty()) {
			throw new InvalidApiDefinitionException(problems);
		}
		return List.copyOf(apis.values());
	}

}
