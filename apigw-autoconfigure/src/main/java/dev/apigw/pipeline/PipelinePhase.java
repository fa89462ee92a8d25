package dev.apigw.pipeline;

import java.util.List;
import java.util.function.Predicate;

import dev.apigw.definition.Problems;
import dev.apigw.model.Api;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.Method;
import dev.apigw.routing.StageRuntime;
import org.jspecify.annotations.Nullable;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.core.Ordered;

/**
 * A phase of the request pipeline, compiled once for every deployed stage: Spring Cloud
 * Gateway's "do the work once in {@code apply(config)}" applied to stages. Beans of this
 * type are the phases; the stage compiler asks each, for every deployment (at start-up, on
 * refresh, rollback, canary changes and deployments made at run time), for the filter that
 * runs the phase for that stage's requests, holding what the phase compiled for the stage
 * (policies, templates, validators, cache keys, breakers, authorizer settings). A phase that
 * has nothing to do for a stage returns {@code null}, and the stage's requests do not pass
 * through it.
 * <p>
 * Problems a phase finds (a function that does not resolve, a policy that does not parse)
 * are reported to the {@link Problems} it is given: they fail start-up, or refuse a
 * deployment made at run time while the stage keeps serving its current one, with the same
 * message.
 */
public interface PipelinePhase extends Ordered {

	/**
	 * Compiles the phase for a deployed stage.
	 * @param stage the stage: its API, settings, resources and methods
	 * @param problems receives what is wrong with the deployment for this phase
	 * @return the filter that runs the phase for the stage's requests, or {@code null} when
	 * the phase has nothing to do for the stage
	 */
	@Nullable GatewayFilter compile(StageRuntime stage, Problems problems);

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
