package dev.apigw.integration.lambda;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.apigw.definition.ApiDefinitionValidator;
import dev.apigw.definition.InvalidApiDefinitionException.Problem;
import dev.apigw.model.Api;
import dev.apigw.model.Integration;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.Method;
import dev.apigw.model.Resource;
import dev.apigw.model.Stage;
import dev.apigw.routing.FunctionReference;
import dev.apigw.routing.UriTemplate;

/**
 * Fails start-up for LAMBDA and LAMBDA_PROXY integrations whose function is not a Lambda
 * function reference or is not registered, in any stage (stage variables in the function
 * name resolve per stage). Resolving here also creates the functions once, before the first
 * request.
 */
final class LambdaFunctionValidator implements ApiDefinitionValidator {

	private final LambdaFunctionRegistry registry;

	LambdaFunctionValidator(LambdaFunctionRegistry registry) {
		this.registry = registry;
	}

	@Override
	public List<Problem> validate(Api api) {
		List<Problem> problems = new ArrayList<>();
		for (Resource resource : api.resources()) {
			for (Method method : resource.methods().values()) {
				Integration integration = method.integration();
				if (integration == null || integration.uri() == null || (integration.type() != IntegrationType.AWS
						&& integration.type() != IntegrationType.AWS_PROXY)) {
					continue;
				}
				Set<String> messages = new LinkedHashSet<>();
				for (Stage stage : api.stages().values()) {
					String uri = UriTemplate.substituteStageVariables(integration.uri(), stage.variables());
					String where = uri.equals(integration.uri()) ? "" : " (stage '" + stage.name() + "')";
					String message = check(uri);
					if (message != null) {
						messages.add(message + where);
					}
				}
				messages.forEach((message) -> problems.add(new Problem(api.source(), api.id(), resource.path(),
						method.httpMethod(), "integration.uri", message)));
			}
		}
		return problems;
	}

	private @org.jspecify.annotations.Nullable String check(String uri) {
		FunctionReference reference = FunctionReference.parse(uri);
		if (reference == null) {
			return "'" + uri + "' names no Lambda function: write a function name, a function ARN or "
					+ "arn:aws:apigateway:{region}:lambda:path/2015-03-31/functions/{function}/invocations "
					+ "(integrations with other AWS services are not supported)";
		}
		try {
			if (this.registry.resolve(reference) == null) {
				return this.registry.unknown(reference);
			}
		}
		catch (RuntimeException ex) {
			return ex.getMessage();
		}
		return null;
	}

}
