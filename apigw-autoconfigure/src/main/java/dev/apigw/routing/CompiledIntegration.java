package dev.apigw.routing;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import dev.apigw.model.Integration;
import dev.apigw.model.IntegrationResponse;
import dev.apigw.template.MappingExpression;
import dev.apigw.template.MappingTemplate;
import org.jspecify.annotations.Nullable;

import org.springframework.cloud.gateway.route.Route;

/**
 * An integration compiled for one stage: its resolved target, parsed parameter mappings,
 * compiled mapping templates and integration responses. Built once per deployment; read by
 * every request.
 *
 * @param definition the integration definition
 * @param uri the target URI template (stage variables substituted), {@code null} for MOCK
 * @param route the Spring Cloud Gateway route carrying the integration's timeout,
 * {@code null} for integrations not routed over HTTP
 * @param headerMappings {@code integration.request.header.X} targets to sources
 * @param queryMappings {@code integration.request.querystring.X} targets to sources
 * @param pathMappings {@code integration.request.path.X} targets to sources
 * @param greedyPathTargets the path targets whose source is a greedy ({@code {name+}})
 * variable of the resource, passed on raw with their slashes
 * @param illegalMapping a mapping AWS rejects at invocation (Content-Length,
 * Transfer-Encoding), {@code null} when none
 * @param responses the integration responses, in definition order
 * @param needsRequestBody whether a request parameter mapping reads the request body, so it
 * must be read before the integration request is sent
 * @param function the Lambda function of LAMBDA and LAMBDA_PROXY integrations (stage
 * variables substituted), {@code null} for other types or a URI that names no function
 * @param requestTemplates the request templates by content type (WebSocket routes: by template
 * selection key), compiled, in definition order
 */
public record CompiledIntegration(Integration definition, @Nullable UriTemplate uri, @Nullable Route route,
		Map<String, MappingExpression> headerMappings, Map<String, MappingExpression> queryMappings,
		Map<String, MappingExpression> pathMappings, Set<String> greedyPathTargets, @Nullable String illegalMapping,
		List<Response> responses, boolean needsRequestBody, @Nullable FunctionReference function,
		Map<String, MappingTemplate> requestTemplates) {

	/**
	 * Selects the integration response for a result: the first whose pattern matches the
	 * value in full, else the default.
	 * @param value the backend status code, or a Lambda error message
	 * @param patternsApply whether patterns are matched at all (a successful Lambda result
	 * only ever gets the default response)
	 * @return the response, or {@code null} when nothing matches and there is no default
	 */
	public @Nullable Response select(@Nullable String value, boolean patternsApply) {
		if (patternsApply) {
			for (Response response : this.responses) {
				if (response.pattern() != null && response.pattern().matcher((value != null) ? value : "").matches()) {
					return response;
				}
			}
		}
		for (Response response : this.responses) {
			if (response.pattern() == null) {
				return response;
			}
		}
		return null;
	}

	/**
	 * A compiled integration response.
	 *
	 * @param definition the definition
	 * @param pattern the selection pattern, {@code null} for the default response
	 * @param statusCode the method response status
	 * @param headerMappings method response header name to source
	 * @param templates the response templates by content type (WebSocket routes: by key),
	 * compiled, in definition order
	 */
	public record Response(IntegrationResponse definition, @Nullable Pattern pattern, int statusCode,
			Map<String, MappingExpression> headerMappings, Map<String, MappingTemplate> templates) {

	}

}
