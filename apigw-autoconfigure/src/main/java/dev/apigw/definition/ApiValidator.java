package dev.apigw.definition;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.apigw.definition.InvalidApiDefinitionException.Problem;
import dev.apigw.model.Api;
import dev.apigw.model.AuthorizationType;
import dev.apigw.model.Integration;
import dev.apigw.model.IntegrationResponse;
import dev.apigw.model.Method;
import dev.apigw.model.PathSegments;
import dev.apigw.model.ReservedHeaders;
import dev.apigw.model.Resource;
import dev.apigw.model.ResourceTree;
import org.jspecify.annotations.Nullable;

/**
 * Checks a complete REST API definition, whatever its source, and reports every problem
 * with the API, resource, method and field it is in. Its stages and integrations are checked
 * by the rules WebSocket APIs share ({@link StageMapper}, {@link IntegrationMapper}); the
 * resources, methods, parameter mappings and template content types by REST's own.
 */
public final class ApiValidator {

	private static final Pattern API_ID = Pattern.compile("[A-Za-z0-9_-]{1,128}");

	private static final Pattern REQUEST_TARGET = Pattern
		.compile("integration\\.request\\.(header|querystring|path|multivaluequerystring|multivalueheader)\\.[^\\s]+");

	private static final Pattern REQUEST_SOURCE = Pattern.compile(
			"method\\.request\\.(path|querystring|multivaluequerystring|header|multivalueheader)\\.[^\\s]+"
					+ "|method\\.request\\.body(\\..+)?|stageVariables\\.[A-Za-z0-9_]+|context\\.[A-Za-z0-9_.]+|'.*'");

	private static final Pattern REQUEST_HEADER_TARGET = Pattern
		.compile("integration\\.request\\.(?:header|multivalueheader)\\.(.+)");

	private static final String RESPONSE_HEADER_PREFIX = "method.response.header.";

	private static final Pattern RESPONSE_TARGET = Pattern.compile("method\\.response\\.header\\.[^\\s]+");

	private static final Pattern RESPONSE_SOURCE = Pattern
		.compile("integration\\.response\\.(header|multivalueheader)\\.[^\\s]+"
				+ "|integration\\.response\\.body(\\..+)?|stageVariables\\.[A-Za-z0-9_]+|context\\.[A-Za-z0-9_.]+|'.*'");

	private ApiValidator() {
	}

	/**
	 * Checks an API id, of a REST or a WebSocket API.
	 * @param id the id
	 * @param problems receives the problem, as the id itself (field {@code ""})
	 */
	public static void checkId(String id, ProblemSink problems) {
		if (!API_ID.matcher(id).matches()) {
			problems.add("", "An API id must be 1 to 128 letters, digits, '-' or '_'");
		}
	}

	/**
	 * Validates an API.
	 * @param api the API
	 * @return the problems found, empty when the API is valid
	 */
	public static List<Problem> validate(Api api) {
		Checker checker = new Checker(api);
		checker.check();
		return checker.problems;
	}

	private static final class Checker {

		private final Api api;

		private final List<Problem> problems = new ArrayList<>();

		Checker(Api api) {
			this.api = api;
		}

		void check() {
			ProblemSink apiProblems = (field, message) -> problem(null, null, field, message);
			checkId(this.api.id(), apiProblems.under("id"));
			if (this.api.basePath() != null && !this.api.basePath().startsWith("/")) {
				problem(null, null, "base-path", "A base path must start with '/'");
			}
			StageMapper.checkStages(this.api.stages(), apiProblems);
			ResourceTree.Builder<String> tree = ResourceTree.builder();
			for (Resource resource : this.api.resources()) {
				try {
					PathSegments.split(resource.path());
					tree.add(resource.path(), resource.path());
				}
				catch (IllegalArgumentException ex) {
					problem(resource.path(), null, "path", ex.getMessage());
					continue;
				}
				resource.methods().values().forEach((method) -> checkMethod(resource, method));
			}
			if (this.api.defaultRequestValidator() != null
					&& !this.api.requestValidators().containsKey(this.api.defaultRequestValidator())) {
				problem(null, null, "default-request-validator",
						"Unknown request validator '" + this.api.defaultRequestValidator() + "'");
			}
		}

		private void checkMethod(Resource resource, Method method) {
			String path = resource.path();
			String verb = method.httpMethod();
			if ((method.authorizationType() == AuthorizationType.CUSTOM
					|| method.authorizationType() == AuthorizationType.COGNITO_USER_POOLS)
					&& (method.authorizerId() == null || !this.api.authorizers().containsKey(method.authorizerId()))) {
				problem(path, verb, "authorizer", "Unknown authorizer '" + method.authorizerId() + "'");
			}
			if (method.requestValidator() != null && !this.api.requestValidators().containsKey(method.requestValidator())) {
				problem(path, verb, "request-validator", "Unknown request validator '" + method.requestValidator() + "'");
			}
			Integration integration = method.integration();
			if (integration == null) {
				problem(path, verb, "integration", "The method has no integration; AWS refuses to deploy it too");
				return;
			}
			checkIntegration(path, verb, integration);
		}

		private void checkIntegration(String path, String verb, Integration integration) {
			ProblemSink methodProblems = (field, message) -> problem(path, verb, field, message);
			IntegrationMapper.REST.check(integration, this.api.stages().values(), methodProblems.under("integration"));
			// what only REST integrations have: mappings from method requests, content types
			checkMappings(path, verb, "integration.request-parameters", integration.requestParameters(), REQUEST_TARGET,
					REQUEST_SOURCE);
			checkRequestHeaderTargets(path, verb, integration.requestParameters());
			checkContentTypes(path, verb, "integration.request-templates", integration.requestTemplates());
			for (int i = 0; i < integration.responses().size(); i++) {
				IntegrationResponse response = integration.responses().get(i);
				String field = "integration.responses[" + i + "]";
				checkMappings(path, verb, field + ".response-parameters", response.responseParameters(), RESPONSE_TARGET,
						RESPONSE_SOURCE);
				for (String target : response.responseParameters().keySet()) {
					String name = target.startsWith(RESPONSE_HEADER_PREFIX)
							? target.substring(RESPONSE_HEADER_PREFIX.length()) : null;
					if (name != null && !ReservedHeaders.isToken(name)) {
						problem(path, verb, field + ".response-parameters[" + target + "]",
								"'" + name + "' is not a header name (letters, digits and !#$%&'*+-.^_`|~)");
					}
				}
				checkContentTypes(path, verb, field + ".response-templates", response.responseTemplates());
			}
		}

		private void checkMappings(String path, String verb, String field, Map<String, String> mappings, Pattern targets,
				Pattern sources) {
			mappings.forEach((target, source) -> {
				if (!targets.matcher(target).matches()) {
					problem(path, verb, field, "Invalid mapping target '" + target + "'");
				}
				else if (source == null || !sources.matcher(source.trim()).matches()) {
					problem(path, verb, field, "Invalid mapping expression '" + source + "' for '" + target + "'");
				}
			});
		}

		/**
		 * Refuses mappings to hop-by-hop headers and Host, which AWS accepts (their effect on
		 * AWS is not documented); Content-Length and Transfer-Encoding stay accepted, and
		 * fail every call with 500, as on AWS.
		 */
		private void checkRequestHeaderTargets(String path, String verb, Map<String, String> mappings) {
			for (String target : mappings.keySet()) {
				Matcher header = REQUEST_HEADER_TARGET.matcher(target);
				if (!header.matches()) {
					continue;
				}
				String name = header.group(1);
				if (!ReservedHeaders.isToken(name)) {
					problem(path, verb, "integration.request-parameters[" + target + "]",
							"'" + name + "' is not a header name (letters, digits and !#$%&'*+-.^_`|~)");
					continue;
				}
				if (!ReservedHeaders.isHopByHopOrHost(name)) {
					continue;
				}
				String why = "host".equalsIgnoreCase(name.trim())
						? "the host of the integration request is the integration URI's"
						: "it is a hop-by-hop header, which belongs to one connection and is the gateway's to set";
				problem(path, verb, "integration.request-parameters[" + target + "]", "'" + name
						+ "' cannot be mapped into the integration request: " + why + "; remove the mapping");
			}
		}

		private void checkContentTypes(String path, String verb, String field, Map<String, String> templates) {
			for (String contentType : templates.keySet()) {
				if (contentType.indexOf('/') < 0) {
					problem(path, verb, field, "'" + contentType + "' is not a content type; Spring Boot drops '/' from "
							+ "map keys unless they are bracketed: write \"[application/json]\"");
				}
			}
		}

		private void problem(@Nullable String resource, @Nullable String method, String field, String message) {
			this.problems.add(new Problem(this.api.source(), this.api.id(), resource, method, field, message));
		}

	}

}
