package dev.apigw.validation;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.networknt.schema.Schema;
import dev.apigw.definition.InvalidApiDefinitionException.Problem;
import dev.apigw.model.Api;
import dev.apigw.model.DefaultModels;
import dev.apigw.model.Method;
import dev.apigw.model.RequestValidator;
import dev.apigw.model.Resource;
import org.jspecify.annotations.Nullable;

/**
 * The request validation of one deployed API: its models compiled and, for each method with
 * a request validator, what to check. Built once per deployment; read by every request.
 */
final class ApiValidation {

	private final Map<Method, MethodValidation> methods;

	private final List<Problem> problems;

	private ApiValidation(Map<Method, MethodValidation> methods, List<Problem> problems) {
		this.methods = methods;
		this.problems = List.copyOf(problems);
	}

	/**
	 * Compiles an API's validation.
	 * @param api the API
	 * @return the validation, with the problems found in the API's models
	 */
	static ApiValidation compile(Api api) {
		ModelSchemas schemas = ModelSchemas.compile(api);
		List<Problem> problems = new ArrayList<>();
		schemas.problems()
			.forEach((model, message) -> problems
				.add(new Problem(api.source(), api.id(), null, null, "models." + model, message)));
		// identity: the methods requests match are these very instances
		Map<Method, MethodValidation> methods = new IdentityHashMap<>();
		for (Resource resource : api.resources()) {
			for (Method method : resource.methods().values()) {
				method.requestModels().forEach((type, model) -> {
					if (!schemas.exists(model)) {
						problems.add(new Problem(api.source(), api.id(), resource.path(), method.httpMethod(),
								"request-models[" + type + "]", "Unknown model '" + model + "'"));
					}
				});
				RequestValidator validator = validator(api, method);
				if (validator == null) {
					continue;
				}
				RequiredParameters parameters = validator.validateRequestParameters()
						? RequiredParameters.of(method.requestParameters(), resource.path()) : null;
				BodyModels body = validator.validateRequestBody() ? body(method, schemas) : null;
				if (parameters != null || body != null) {
					methods.put(method, new MethodValidation(parameters, body));
				}
			}
		}
		return new ApiValidation(methods, problems);
	}

	/**
	 * What to check for a method.
	 * @param method the matched method
	 * @return the validation, {@code null} when the method's requests are not validated
	 */
	@Nullable MethodValidation method(Method method) {
		return this.methods.get(method);
	}

	/** @return whether any method's requests are validated */
	boolean validatesAny() {
		return !this.methods.isEmpty();
	}

	List<Problem> problems() {
		return this.problems;
	}

	private static @Nullable RequestValidator validator(Api api, Method method) {
		String name = (method.requestValidator() != null) ? method.requestValidator() : api.defaultRequestValidator();
		return (name != null) ? api.requestValidators().get(name) : null;
	}

	private static @Nullable BodyModels body(Method method, ModelSchemas schemas) {
		Map<String, Schema> byType = new LinkedHashMap<>();
		Schema fallback = null;
		for (Map.Entry<String, String> model : method.requestModels().entrySet()) {
			Schema schema = schemas.schema(model.getValue());
			if (schema == null) {
				// a problem of the definition, which then fails start-up
				return null;
			}
			if (BodyModels.DEFAULT_CONTENT_TYPE.equals(model.getKey())) {
				fallback = schema;
			}
			else {
				byType.put(model.getKey().toLowerCase(Locale.ROOT), schema);
			}
		}
		if (fallback == null) {
			fallback = schemas.schema(DefaultModels.EMPTY);
		}
		return (fallback != null) ? new BodyModels(byType, fallback) : null;
	}

}
