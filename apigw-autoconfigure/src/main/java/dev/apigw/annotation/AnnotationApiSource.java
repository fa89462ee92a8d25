package dev.apigw.annotation;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.apigw.definition.ApiDefinitionSource;
import dev.apigw.definition.InvalidApiDefinitionException.Problem;
import dev.apigw.definition.InvalidApiDefinitionException;
import dev.apigw.model.Api;
import dev.apigw.model.AuthorizationType;
import dev.apigw.model.Integration;
import dev.apigw.model.IntegrationResponse;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.MethodResponse;
import dev.apigw.model.PassthroughBehavior;
import dev.apigw.model.PathSegments;
import dev.apigw.model.Resource;
import dev.apigw.model.Stage;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * APIs defined by {@link ApiResource} beans and their {@link ApiMethod} methods: one
 * definition per annotated class (source {@code @ApiResource <class>}), merged with the
 * other sources' definitions of the same API. A WebFlux handler method becomes an
 * {@code HTTP_PROXY} integration to {@code forward:} its own path; a Lambda-style method an
 * {@code AWS_PROXY} integration of the function {@code <bean name>.<method name>}.
 */
public final class AnnotationApiSource implements ApiDefinitionSource {

	private final ListableBeanFactory beanFactory;

	/**
	 * Creates the source.
	 * @param beanFactory the beans to scan
	 */
	public AnnotationApiSource(ListableBeanFactory beanFactory) {
		this.beanFactory = beanFactory;
	}

	@Override
	public List<Api> apis() {
		List<Api> apis = new ArrayList<>();
		List<Problem> problems = new ArrayList<>();
		for (String name : this.beanFactory.getBeanNamesForAnnotation(ApiResource.class)) {
			Class<?> type = this.beanFactory.getType(name);
			if (type != null) {
				apis.add(toApi(name, ClassUtils.getUserClass(type), problems));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidApiDefinitionException(problems);
		}
		return apis;
	}

	private static Api toApi(String beanName, Class<?> type, List<Problem> problems) {
		ApiResource resource = AnnotatedElementUtils.findMergedAnnotation(type, ApiResource.class);
		String source = "@ApiResource " + type.getName();
		Api.Builder api = Api.builder(resource.api()).source(source);
		for (String stage : resource.stages()) {
			api.stage(Stage.of(stage, Map.of()));
		}
		Map<String, Map<String, dev.apigw.model.Method>> resources = new LinkedHashMap<>();
		List<Method> methods = new ArrayList<>();
		ReflectionUtils.doWithMethods(type, methods::add,
				(method) -> !method.isBridge() && AnnotatedElementUtils.hasAnnotation(method, ApiMethod.class));
		methods.sort(Comparator.comparing(Method::toGenericString));
		for (Method method : methods) {
			ApiMethod annotation = AnnotatedElementUtils.findMergedAnnotation(method, ApiMethod.class);
			String path = join(resource.path(), annotation.path());
			Context context = new Context(source, resource.api(), path, type.getSimpleName() + "." + method.getName(),
					problems);
			dev.apigw.model.Method defined = toMethod(beanName, method, annotation, context);
			if (defined == null) {
				continue;
			}
			Map<String, dev.apigw.model.Method> verbs = resources.computeIfAbsent(path, (p) -> new LinkedHashMap<>());
			if (verbs.putIfAbsent(defined.httpMethod(), defined) != null) {
				context.problem(defined.httpMethod(), "method", "Two @ApiMethod methods of the class define "
						+ defined.httpMethod() + " " + path);
			}
		}
		resources.forEach((path, verbs) -> api.resource(new Resource(path, null, verbs)));
		return api.build();
	}

	private static dev.apigw.model.@Nullable Method toMethod(String beanName, Method method, ApiMethod annotation,
			Context context) {
		boolean handler = ApiMethods.isHandlerMethod(method);
		if (!handler && !ApiMethods.isLambdaStyle(method)) {
			context.problem(null, "method", context.method + " is neither a WebFlux handler method (@GetMapping, ...) "
					+ "nor a Lambda-style method taking APIGatewayProxyRequestEvent (or a Map) and optionally a Context");
			return null;
		}
		RequestMapping mapping = handler ? AnnotatedElementUtils.findMergedAnnotation(method, RequestMapping.class) : null;
		String verb = annotation.method().isEmpty() ? defaultVerb(mapping) : annotation.method().toUpperCase(Locale.ROOT);
		if (!dev.apigw.model.Method.HTTP_METHODS.contains(verb)) {
			context.problem(annotation.method(), "method", "Unknown HTTP method '" + annotation.method() + "'");
			return null;
		}
		Integration integration = handler ? forward(method, annotation, verb, context)
				: lambda(ApiMethods.functionName(beanName, method), annotation, verb, context);
		if (integration == null) {
			return null;
		}
		AuthorizationType authorizationType;
		try {
			authorizationType = !annotation.authorizationType().isEmpty()
					? AuthorizationType.valueOf(annotation.authorizationType().toUpperCase(Locale.ROOT))
					: annotation.authorizer().isEmpty() ? AuthorizationType.NONE : AuthorizationType.CUSTOM;
		}
		catch (IllegalArgumentException ex) {
			context.problem(verb, "authorizationType", "Unknown authorization type '" + annotation.authorizationType() + "'");
			return null;
		}
		dev.apigw.model.Method.Builder builder = dev.apigw.model.Method.builder(verb)
			.operationName(blankToNull(annotation.operationName()))
			.authorizationType(authorizationType)
			.authorizerId(blankToNull(annotation.authorizer()))
			.authorizationScopes(List.of(annotation.authorizationScopes()))
			.apiKeyRequired(annotation.apiKeyRequired())
			.requestValidator(blankToNull(annotation.requestValidator()))
			.integration(integration);
		pairs(annotation.requestParameters(), verb, "requestParameters", context)
			.forEach((name, required) -> builder.requestParameter(name, Boolean.parseBoolean(required)));
		for (IntegrationResponse response : integration.responses()) {
			builder.methodResponse(MethodResponse.of(response.statusCode()));
		}
		return builder.build();
	}

	private static @Nullable Integration forward(Method method, ApiMethod annotation, String verb, Context context) {
		IntegrationType type = type(annotation, IntegrationType.HTTP_PROXY, verb, context);
		if (type == null) {
			return null;
		}
		if (type != IntegrationType.HTTP_PROXY && type != IntegrationType.HTTP) {
			context.problem(verb, "integrationType", "A WebFlux handler method is an HTTP or HTTP_PROXY integration");
			return null;
		}
		String path = handlerPath(method);
		if (path == null) {
			context.problem(verb, "path", context.method + " has a request mapping without a single plain path "
					+ "(no patterns such as ** or {*name}); apigw forwards to that path");
			return null;
		}
		List<String> variables;
		try {
			variables = PathSegments.variables(path);
		}
		catch (IllegalArgumentException ex) {
			context.problem(verb, "path", "The handler path of " + context.method + ": " + ex.getMessage());
			return null;
		}
		List<String> resourceVariables = PathSegments.variables(context.path);
		for (String variable : variables) {
			if (!resourceVariables.contains(variable)) {
				context.problem(verb, "path", "The handler path " + path + " of " + context.method + " uses {" + variable
						+ "}, which the resource path " + context.path + " does not have");
				return null;
			}
		}
		return integration(type, "forward:" + path, annotation, verb, context);
	}

	private static @Nullable Integration lambda(String function, ApiMethod annotation, String verb, Context context) {
		IntegrationType type = type(annotation, IntegrationType.AWS_PROXY, verb, context);
		if (type == null) {
			return null;
		}
		if (type != IntegrationType.AWS_PROXY && type != IntegrationType.AWS) {
			context.problem(verb, "integrationType", "A Lambda-style method is an AWS or AWS_PROXY integration");
			return null;
		}
		return integration(type, function, annotation, verb, context);
	}

	private static @Nullable IntegrationType type(ApiMethod annotation, IntegrationType fallback, String verb,
			Context context) {
		if (annotation.integrationType().isEmpty()) {
			return fallback;
		}
		try {
			return IntegrationType.parse(annotation.integrationType());
		}
		catch (IllegalArgumentException ex) {
			context.problem(verb, "integrationType", ex.getMessage());
			return null;
		}
	}

	private static @Nullable Integration integration(IntegrationType type, String uri, ApiMethod annotation,
			String verb, Context context) {
		Integration.Builder builder = Integration.builder(type)
			.uri(uri)
			.timeout(Duration.ofMillis(annotation.timeoutMillis()))
			.requestParameters(pairs(annotation.integrationParameters(), verb, "integrationParameters", context));
		try {
			builder.passthroughBehavior(PassthroughBehavior.valueOf(annotation.passthroughBehavior()
				.toUpperCase(Locale.ROOT)));
		}
		catch (IllegalArgumentException ex) {
			context.problem(verb, "passthroughBehavior", "Unknown passthrough behavior '"
					+ annotation.passthroughBehavior() + "'; expected WHEN_NO_MATCH, WHEN_NO_TEMPLATES or NEVER");
		}
		for (ApiMethod.Template template : annotation.requestTemplates()) {
			builder.requestTemplate(template.contentType(), template.value());
		}
		for (ApiMethod.Response response : annotation.responses()) {
			Map<String, String> templates = new LinkedHashMap<>();
			for (ApiMethod.Template template : response.templates()) {
				templates.put(template.contentType(), template.value());
			}
			builder.response(new IntegrationResponse(blankToNull(response.selectionPattern()), response.statusCode(),
					pairs(response.parameters(), verb, "responses.parameters", context), templates, null));
		}
		if (!type.isProxy() && annotation.responses().length == 0) {
			builder.response(IntegrationResponse.of(null, "200"));
		}
		return builder.build();
	}

	private static Map<String, String> pairs(String[] pairs, String verb, String field, Context context) {
		Map<String, String> map = new LinkedHashMap<>();
		for (String pair : pairs) {
			int equals = pair.indexOf('=');
			if (equals <= 0) {
				context.problem(verb, field, "'" + pair + "' is not written as name=value");
				continue;
			}
			map.put(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
		}
		return map;
	}

	private static String defaultVerb(@Nullable RequestMapping mapping) {
		if (mapping != null && mapping.method().length == 1) {
			return mapping.method()[0].name();
		}
		return "ANY";
	}

	/**
	 * The path of a handler method: its class's mapping path and its own, joined; variable
	 * patterns ({@code {id:\d+}}) reduced to their names.
	 */
	private static @Nullable String handlerPath(Method method) {
		RequestMapping type = AnnotatedElementUtils.findMergedAnnotation(method.getDeclaringClass(), RequestMapping.class);
		RequestMapping own = AnnotatedElementUtils.findMergedAnnotation(method, RequestMapping.class);
		String prefix = (type != null && type.path().length > 0) ? type.path()[0] : "";
		if ((type != null && type.path().length > 1) || own.path().length > 1) {
			return null;
		}
		String path = join(prefix, (own.path().length > 0) ? own.path()[0] : "");
		if (path.contains("*") || path.contains("{*")) {
			return null;
		}
		return path.replaceAll("\\{([^}:]+):[^}]*}", "{$1}");
	}

	private static String join(String base, String path) {
		String joined = (base.endsWith("/") ? base.substring(0, base.length() - 1) : base)
				+ (path.isEmpty() || path.startsWith("/") ? path : "/" + path);
		return joined.isEmpty() ? "/" : joined;
	}

	private static @Nullable String blankToNull(String value) {
		return value.isBlank() ? null : value;
	}

	private record Context(String source, String api, String path, String method, List<Problem> problems) {

		void problem(@Nullable String verb, String field, String message) {
			this.problems.add(new Problem(this.source, this.api, this.path, verb, "@ApiMethod " + field, message));
		}

	}

}
