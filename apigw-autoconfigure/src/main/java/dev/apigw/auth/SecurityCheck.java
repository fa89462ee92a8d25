package dev.apigw.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import dev.apigw.auth.authorizer.AuthorizationFilter;
import dev.apigw.auth.authorizer.MethodAuthorizer;
import dev.apigw.definition.InvalidApiDefinitionException;
import dev.apigw.definition.InvalidApiDefinitionException.Problem;
import dev.apigw.model.AuthorizationType;
import dev.apigw.routing.MethodRuntime;
import dev.apigw.routing.ResourceRuntime;
import dev.apigw.routing.StageRuntime;

/**
 * Checks, once for the deployed stages, what access control needs: every authorized method has an authorizer for its type and that
 * authorizer can serve it (its function resolves, its settings are valid), and whatever
 * else a {@link StageCheck} adds. Reports every problem at once, naming the API, resource,
 * method and field.
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
		void check(StageRuntime stage, Consumer<MethodAuthorizer.Problem> problems);

	}

	/**
	 * Checks stages.
	 * @param stages the stages
	 * @param authorization the authorization phase
	 * @param checks further checks
	 * @throws InvalidApiDefinitionException listing every problem found
	 */
	public static void check(List<StageRuntime> stages, AuthorizationFilter authorization, List<StageCheck> checks) {
		List<Problem> problems = new ArrayList<>();
		for (StageRuntime stage : stages) {
			String api = stage.api().id();
			String source = stage.api().source();
			for (StageCheck check : checks) {
				check.check(stage, (problem) -> problems
					.add(new Problem(source, api, null, null, problem.field(), "stage " + stage.stageName() + ": "
							+ problem.message())));
			}
			for (ResourceRuntime resource : stage.resourceList()) {
				for (MethodRuntime method : resource.methods().values()) {
					AuthorizationType type = method.method().authorizationType();
					if (type == AuthorizationType.NONE) {
						continue;
					}
					MethodAuthorizer authorizer = authorization.authorizer(type);
					String verb = method.method().httpMethod();
					if (authorizer == null) {
						problems.add(new Problem(source, api, resource.path(), verb, "authorization-type",
								missing(type)));
						continue;
					}
					authorizer.check(stage, method, (problem) -> problems.add(new Problem(source, api, resource.path(),
							verb, problem.field(), problem.message())));
				}
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidApiDefinitionException(distinct(problems));
		}
	}

	private static List<Problem> distinct(List<Problem> problems) {
		return problems.stream().distinct().toList();
	}

	private static String missing(AuthorizationType type) {
		return switch (type) {
			case COGNITO_USER_POOLS -> "COGNITO_USER_POOLS needs JWT support: add "
					+ "org.springframework.boot:spring-boot-starter-security-oauth2-resource-server (or "
					+ "org.springframework.security:spring-security-oauth2-jose)";
			case AWS_IAM -> "AWS_IAM needs an IamCredentialsRepository bean that finds the secret of an access key";
			default -> type + " is not available";
		};
	}

}
