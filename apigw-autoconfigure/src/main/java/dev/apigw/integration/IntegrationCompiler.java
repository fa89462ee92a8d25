package dev.apigw.integration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import dev.apigw.model.Integration;
import dev.apigw.model.IntegrationResponse;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.ReservedHeaders;
import dev.apigw.model.Stage;
import dev.apigw.routing.PathSegments;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.RouteMetadataUtils;

/**
 * Compiles integrations for a stage: substitutes stage variables into URIs (and Lambda
 * function names), parses mappings and selection patterns, and prepares the route that
 * carries the timeout.
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
	 * @return the compiled integration
	 */
	public static CompiledIntegration compile(String routeId, String resourcePath, Integration integration,
			Stage stage) {
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
		return new CompiledIntegration(integration, uri, route, headers, query, path, Set.copyOf(greedyTargets), illegal,
				compileResponses(integration.responses()), needsBody, function);
	}

	private static List<CompiledIntegration.Response> compileResponses(List<IntegrationResponse> responses) {
		List<CompiledIntegration.Response> compiled = new ArrayList<>();
		for (IntegrationResponse response : responses) {
			Pattern pattern = response.isDefault() ? null : Pattern.compile(response.selectionPattern());
			Map<String, MappingExpression> headers = new LinkedHashMap<>();
			response.responseParameters().forEach((target, source) -> {
				if (target.startsWith(RESPONSE_HEADER_PREFIX)) {
					headers.put(target.substring(RESPONSE_HEADER_PREFIX.length()), MappingExpression.parse(source));
				}
			});
			compiled.add(new CompiledIntegration.Response(response, pattern, Integer.parseInt(response.statusCode()),
					headers));
		}
		return compiled;
	}

}
