package dev.apigw.definition;


import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import dev.apigw.model.Api;
import dev.apigw.model.GatewayResponse;
import dev.apigw.model.GatewayResponseType;
import dev.apigw.model.Integration;
import dev.apigw.model.IntegrationResponse;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.Method;
import dev.apigw.model.MethodResponse;
import dev.apigw.model.Resource;
import org.jspecify.annotations.Nullable;

/**
 * What the console's "Enable CORS" does to an API, applied to a definition: for each
 * resource it is enabled on, an {@code OPTIONS} method (a MOCK answering
 * {@code {"statusCode": 200}} whose 200 response maps the static
 * {@code Access-Control-Allow-*} values) unless the resource defines one, and
 * {@code Access-Control-Allow-Origin} on the 2xx responses of its other non-proxy methods
 * (proxy integrations must send it themselves, as on AWS). Not recursive: each resource is
 * enabled on its own. API-wide CORS also adds the origin to the DEFAULT_4XX and
 * DEFAULT_5XX gateway responses, so browsers can read errors.
 */
public final class EnableCors {

	private static final String HEADER = "method.response.header.";

	private static final String ORIGIN = "Access-Control-Allow-Origin";

	private EnableCors() {
	}

	/**
	 * Enables CORS on resources of an API.
	 * @param api the API
	 * @param resources resource path to the settings for it, for each resource CORS is
	 * enabled on
	 * @param apiWide the API-wide settings when CORS is enabled for the whole API, else
	 * {@code null}
	 * @return the API with CORS set up
	 */
	public static Api apply(Api api, Map<String, CorsSettings> resources, @Nullable CorsSettings apiWide) {
		if (resources.isEmpty() && apiWide == null) {
			return api;
		}
		List<Resource> updated = api.resources().stream().map((resource) -> {
			CorsSettings settings = resources.get(resource.path());
			return (settings != null && !resource.methods().isEmpty()) ? enable(resource, settings) : resource;
		}).toList();
		Map<GatewayResponseType, GatewayResponse> responses = new LinkedHashMap<>(api.gatewayResponses());
		if (apiWide != null) {
			for (GatewayResponseType type : List.of(GatewayResponseType.DEFAULT_4XX, GatewayResponseType.DEFAULT_5XX)) {
				responses.put(type, withOrigin(responses.get(type), type, apiWide));
			}
		}
		return new Api(api.id(), api.title(), api.description(), api.version(), api.basePath(), api.host(),
				api.apiKeySource(), api.binaryMediaTypes(), updated, api.stages(), responses, api.models(),
				api.requestValidators(), api.defaultRequestValidator(), api.authorizers(), api.source(), api.policy());
	}

	private static GatewayResponse withOrigin(@Nullable GatewayResponse existing, GatewayResponseType type,
			CorsSettings settings) {
		Map<String, String> parameters = new LinkedHashMap<>();
		parameters.put("gatewayresponse.header." + ORIGIN, quoted(settings.allowOrigin()));
		parameters.put("gatewayresponse.header.Access-Control-Allow-Headers", quoted(settings.allowHeaders()));
		if (existing == null) {
			return new GatewayResponse(type, null, parameters, Map.of());
		}
		parameters.putAll(existing.responseParameters());
		return new GatewayResponse(type, existing.statusCode(), parameters, existing.responseTemplates());
	}

	private static Resource enable(Resource resource, CorsSettings settings) {
		Map<String, Method> methods = new LinkedHashMap<>();
		for (Method method : resource.methods().values()) {
			methods.put(method.httpMethod(), method.httpMethod().equals("OPTIONS") ? method : withOrigin(method, settings));
		}
		if (!methods.containsKey("OPTIONS")) {
			methods.put("OPTIONS", preflight(resource, settings));
		}
		return new Resource(resource.path(), resource.description(), methods);
	}

	private static Method preflight(Resource resource, CorsSettings settings) {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("Access-Control-Allow-Headers", settings.allowHeaders());
		headers.put("Access-Control-Allow-Methods",
				(settings.allowMethods() != null) ? settings.allowMethods() : methods(resource));
		headers.put(ORIGIN, settings.allowOrigin());
		if (settings.exposeHeaders() != null) {
			headers.put("Access-Control-Expose-Headers", settings.exposeHeaders());
		}
		if (settings.maxAge() != null) {
			headers.put("Access-Control-Max-Age", String.valueOf(settings.maxAge()));
		}
		if (settings.allowCredentials()) {
			headers.put("Access-Control-Allow-Credentials", "true");
		}
		Map<String, String> mappings = new LinkedHashMap<>();
		Map<String, Boolean> declared = new LinkedHashMap<>();
		headers.forEach((name, value) -> {
			mappings.put(HEADER + name, quoted(value));
			declared.put(HEADER + name, false);
		});
		Integration integration = Integration.builder(IntegrationType.MOCK)
			.requestTemplate("application/json", "{\"statusCode\": 200}")
			.response(new IntegrationResponse(null, "200", mappings, Map.of("application/json", ""), null))
			.build();
		return Method.builder("OPTIONS")
			.methodResponse(new MethodResponse("200", declared, Map.of("application/json", "Empty")))
			.integration(integration)
			.build();
	}

	private static String methods(Resource resource) {
		TreeSet<String> verbs = new TreeSet<>();
		for (String verb : resource.methods().keySet()) {
			if (verb.equals("ANY")) {
				verbs.addAll(Method.ANY_METHODS);
			}
			else {
				verbs.add(verb);
			}
		}
		verbs.add("OPTIONS");
		return String.join(",", verbs);
	}

	private static Method withOrigin(Method method, CorsSettings settings) {
		Integration integration = method.integration();
		if (integration == null || integration.type().isProxy()) {
			return method;
		}
		Map<String, String> added = new LinkedHashMap<>();
		added.put(HEADER + ORIGIN, quoted(settings.allowOrigin()));
		if (settings.exposeHeaders() != null) {
			added.put(HEADER + "Access-Control-Expose-Headers", quoted(settings.exposeHeaders()));
		}
		if (settings.allowCredentials()) {
			added.put(HEADER + "Access-Control-Allow-Credentials", "'true'");
		}
		List<IntegrationResponse> updated = new java.util.ArrayList<>();
		Method.Builder builder = method.toBuilder();
		for (IntegrationResponse response : integration.responses()) {
			if (!response.statusCode().startsWith("2")) {
				updated.add(response);
				continue;
			}
			Map<String, String> parameters = new LinkedHashMap<>(added);
			parameters.putAll(response.responseParameters());
			updated.add(new IntegrationResponse(response.selectionPattern(), response.statusCode(), parameters,
					response.responseTemplates(), response.contentHandling()));
			MethodResponse declared = method.methodResponses().get(response.statusCode());
			Map<String, Boolean> headers = new LinkedHashMap<>();
			added.keySet().forEach((name) -> headers.put(name, false));
			if (declared != null) {
				headers.putAll(declared.responseParameters());
			}
			builder.methodResponse(new MethodResponse(response.statusCode(), headers,
					(declared != null) ? declared.responseModels() : Map.of()));
		}
		return builder.integration(new Integration(integration.type(), integration.uri(), integration.httpMethod(),
				integration.timeout(), integration.requestParameters(), integration.requestTemplates(),
				integration.passthroughBehavior(), integration.contentHandling(), integration.cacheKeyParameters(),
				integration.cacheNamespace(), updated))
			.build();
	}

	private static String quoted(String value) {
		if (value.indexOf('\'') >= 0) {
			throw new IllegalArgumentException("A CORS header value cannot contain a single quote: " + value);
		}
		return "'" + value + "'";
	}

}
