package dev.apigw.integration;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import dev.apigw.model.Integration;
import dev.apigw.model.IntegrationResponse;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.PathSegments;
import dev.apigw.model.ReservedHeaders;
import dev.apigw.model.Stage;
import dev.apigw.routing.CompiledIntegration;
import dev.apigw.routing.FunctionReference;
import dev.apigw.routing.UriTemplate;
import dev.apigw.template.MappingExpression;
import dev.apigw.template.MappingTemplate;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.RouteMetadataUtils;

/**
 * Compiles integrations for a stage: substitutes stage variables into URIs (and Lambda
 * function names), parses mappings and selection patterns, compiles mapping templates, and
 * prepares the route that carries the timeout.
 */
public final class IntegrationCompiler {

	private static final Log logger = LogFactory.getLog(IntegrationCompiler.class);

	private static final String REQUEST_PREFIX = "integration.request.";

	private static final String RESPONSE_HEADER_PREFIX = "method.response.header.";

	private IntegrationCompiler() {
	}

	/**
	 * Compiles one method's integration for a stage.
	 * @param routeId an id naming the API, stage, resource and method
	 * @param resourcePath the resource path (its variables default the path mappings)
	 * @param integration the definition
	 * @param stage the stage
	 * @param templates compiles the integration's mapping templates
	 * @return the compiled integration; a template that does not compile is left out of it
	 */
	public static CompiledIntegration compile(String routeId, String resourcePath, Integration integration,
			Stage stage, TemplateCompiler templates) {
		Map<String, MappingExpression> headers = new LinkedHashMap<>();
		Map<String, MappingExpression> query = new LinkedHashMap<>();
		Map<String, MappingExpression> path = new LinkedHashMap<>();
		String illegal = null;
		for (Map.Entry<String, String> mapping : integration.requestParameters().entrySet()) {
			String target = mapping.getKey();
			MappingExpression source = MappingExpression.parse(mapping.getValue());
			if (target.startsWith(REQUEST_PREFIX + "header.")) {
				String name = target.substring((REQUEST_PREFIX + "header.").length());
				if (ReservedHeaders.isFraming(name)) {
					illegal = target;
				}
				headers.put(name, source);
			}
			else if (target.startsWith(REQUEST_PREFIX + "querystring.")) {
				query.put(target.substring((REQUEST_PREFIX + "querystring.").length()), source);
			}
			else if (target.startsWith(REQUEST_PREFIX + "path.")) {
				path.put(target.substring((REQUEST_PREFIX + "path.").length()), source);
			}
		}
		UriTemplate uri = null;
		Route route = null;
		IntegrationType type = integration.type();
		if ((type == IntegrationType.HTTP || type == IntegrationType.HTTP_PROXY) && integration.uri() != null) {
			String resolved = UriTemplate.substituteStageVariables(integration.uri(), stage.variables());
			uri = UriTemplate.parse(resolved);
			for (String name : uri.names()) {
				if (!path.containsKey(name) && PathSegments.variables(resourcePath).contains(name)) {
					path.put(name, MappingExpression.parse("method.request.path." + name));
				}
			}
			route = Route.async()
				.id(routeId)
				.uri(uri.expand((name) -> "placeholder"))
				.predicate((exchange) -> true)
				.metadata(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, integration.timeout().toMillis())
				.build();
		}
		if (illegal != null) {
			// AWS accepts the mapping and fails every call; said once here, not once per call
			logger.warn("Route " + routeId + ": " + illegal + " maps a framing header, so every call is answered 500 "
					+ "as on AWS; the gateway computes Content-Length and Transfer-Encoding from the body it sends");
		}
		Set<String> greedyTargets = new LinkedHashSet<>();
		List<String> greedyVariables = PathSegments.greedyVariables(resourcePath);
		path.forEach((target, source) -> {
			if (source.pathParameter() != null && greedyVariables.contains(source.pathParameter())) {
				greedyTargets.add(target);
			}
		});
		boolean needsBody = headers.values().stream().anyMatch(MappingExpression::needsRequestBody)
				|| query.values().stream().anyMatch(MappingExpression::needsRequestBody)
				|| path.values().stream().anyMatch(MappingExpression::needsRequestBody);
		FunctionReference function = null;
		if ((type == IntegrationType.AWS || type == IntegrationType.AWS_PROXY) && integration.uri() != null) {
			function = FunctionReference.parse(UriTemplate.substituteStageVariables(integration.uri(), stage.variables()));
		}
		Map<String, MappingTemplate> requestTemplates = new LinkedHashMap<>();
		integration.requestTemplates()
			.forEach((key, text) -> put(requestTemplates, key,
					templates.compile("integration.request-templates[" + key + "]", null, text)));
		return new CompiledIntegration(integration, uri, route, headers, query, path, Set.copyOf(greedyTargets), illegal,
				compileResponses(integration.responses(), templates), needsBody, function,
				Collections.unmodifiableMap(requestTemplates));
	}

	private static List<CompiledIntegration.Response> compileResponses(List<IntegrationResponse> responses,
			TemplateCompiler templates) {
		List<CompiledIntegration.Response> compiled = new ArrayList<>();
		for (int i = 0; i < responses.size(); i++) {
			IntegrationResponse response = responses.get(i);
			String field = "integration.responses[" + i + "].response-templates";
			Map<String, MappingTemplate> responseTemplates = new LinkedHashMap<>();
			response.responseTemplates()
				.forEach((key, text) -> put(responseTemplates, key,
						templates.compile(field + "[" + key + "]", response.statusCode(), text)));
			Pattern pattern = response.isDefault() ? null : Pattern.compile(response.selectionPattern());
			Map<String, MappingExpression> headers = new LinkedHashMap<>();
			response.responseParameters().forEach((target, source) -> {
				if (target.startsWith(RESPONSE_HEADER_PREFIX)) {
					headers.put(target.substring(RESPONSE_HEADER_PREFIX.length()), MappingExpression.parse(source));
				}
			});
			compiled.add(new CompiledIntegration.Response(response, pattern, Integer.parseInt(response.statusCode()),
					headers, Collections.unmodifiableMap(responseTemplates)));
		}
		return compiled;
	}

	private static void put(Map<String, MappingTemplate> templates, String key, @Nullable MappingTemplate template) {
		if (template != null) {
			templates.put(key, template);
		}
	}

	/**
	 * Compiles the mapping templates of one method (or WebSocket route), naming each after
	 * where it is defined, so that every message about it names the right one.
	 */
	@FunctionalInterface
	public interface TemplateCompiler {

		/**
		 * Compiles a template.
		 * @param field where it is defined, e.g.
		 * {@code integration.responses[0].response-templates[application/json]}
		 * @param statusCode the status of the integration response it belongs to, {@code null}
		 * for a request template
		 * @param source the template text
		 * @return the template, or {@code null} when it does not compile (the compiler records
		 * the problem)
		 */
		@Nullable MappingTemplate compile(String field, @Nullable String statusCode, String source);

	}

}
