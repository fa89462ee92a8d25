package dev.apigw.pipeline;

import java.util.List;
import java.util.function.Predicate;

import dev.apigw.model.Api;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.Method;
import dev.apigw.model.Stage;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.core.Ordered;

/**
 * A phase of the request pipeline. Beans of this type are the filters of every API mount's
 * route, ordered by {@link FilterOrders}; they run only for requests inside API mounts.
 * <p>
 * A stage's route holds only the phases that can do something for it
 * ({@link #appliesTo(Api, Stage)}), decided once per deployment: a stage without a cache,
 * authorizers or validators does not pay for passing through those phases.
 */
public interface PipelineFilter extends GatewayFilter, Ordered {

	/**
	 * Whether this phase can act on requests of a deployed stage. Answering {@code false}
	 * must mean the filter would only pass every request of the stage on.
	 * @param api the deployed API
	 * @param stage the stage (with the deployment's settings)
	 * @return {@code true} unless the phase has nothing to do for the stage
	 */
	default boolean appliesTo(Api api, Stage stage) {
		return true;
	}

	/**
	 * Whether any method of an API satisfies a condition.
	 * @param api the API
	 * @param condition the condition
	 * @return whether one does
	 */
	static boolean anyMethod(Api api, Predicate<Method> condition) {
		return api.resources()
			.stream()
			.flatMap((resource) -> resource.methods().values().stream())
			.anyMatch(condition);
	}

	/**
	 * Whether any method of an API is integrated with one of the given types.
	 * @param api the API
	 * @param types the integration types
	 * @return whether one is
	 */
	static boolean anyIntegration(Api api, IntegrationType... types) {
		List<IntegrationType> wanted = List.of(types);
		return anyMethod(api, (method) -> method.integration() != null && wanted.contains(method.integration().type()));
	}

}
