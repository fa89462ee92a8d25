package dev.apigw.validation;

import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.networknt.schema.Schema;
import dev.apigw.definition.Problems;
import dev.apigw.model.Api;
import dev.apigw.model.DefaultModels;
import dev.apigw.model.Method;
import dev.apigw.model.RequestValidator;
import dev.apigw.routing.MethodRuntime;
import dev.apigw.routing.ResourceRuntime;
import dev.apigw.routing.StageRuntime;
import org.jspecify.annotations.Nullable;

/**
 * The request validation of one deployed stage: its API's models compiled and, for each
 * method with a request validator, what to check. Built once per deployment; read by every
 * request.
 */
final class StageValidation {

	private final Map<MethodRuntime, MethodValidation> methods;

	private StageValidation(Map<MethodRuntime, MethodValidation> methods) {
		this.methods = methods;
	}

	/**
	 * Compiles a stage's validation, reporting models that are not valid JSON schemas and
	 * methods naming unknown models.
	 * @param runtime the deployed stage
	 * @param problems receives the problems found
	 * @return the validation
	 */
	static StageValidation compile(StageRuntime runtime, Problems problems) {
		Api api = runtime.api();
		ModelSchemas schemas = ModelSchemas.compile(api);
		schemas.problems().forEach((model, message) -> problems.add("models." + model, message));
		// identity: the methods requests match are these very instances
		Map<MethodRuntime, MethodValidation> methods = new IdentityHashMap<>();
		for (ResourceRuntime resource : runtime.resourceList()) {
			for (MethodRuntime runtimeMethod : resource.methods().values()) {
				Method method = runtimeMethod.method();
				method.requestModels().forEach((type, model) -> {
					if (!schemas.exists(model)) {
						problems.add(resource.path(), method.httpMethod(), "request-models[" + type + "]",
								"Unknown model '" + model + "'");
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
					methods.put(runtimeMethod, new MethodValidation(parameters, body));
				}
			}
		}
		return new StageValidation(methods);
	}

	/**
	 * What to check for a method.
	 * @param method the matched method
	 * @return the validation, {@code null} when the method's requests are not validated
	 */
	@Nullable MethodValidation method(MethodRuntime method) {
		return this.methods.get(method);
	}

	/** @return whether any method's requests are validated */
	boolean validatesAny() {
		return !this.methods.isEmpty();
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
				// a problem of the definition, reported above
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
