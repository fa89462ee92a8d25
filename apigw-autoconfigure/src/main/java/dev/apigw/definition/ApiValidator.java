package dev.apigw.definition;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import dev.apigw.definition.InvalidApiDefinitionException.Problem;
import dev.apigw.model.AccessLogSettings;
import dev.apigw.model.Api;
import dev.apigw.model.AuthorizationType;
import dev.apigw.model.CanarySettings;
import dev.apigw.model.Integration;
import dev.apigw.model.IntegrationResponse;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.Method;
import dev.apigw.model.MethodSettings;
import dev.apigw.model.ReservedHeaders;
import dev.apigw.model.Resource;
import dev.apigw.model.Stage;
import dev.apigw.routing.PathSegments;
import dev.apigw.routing.ResourceTree;
import org.jspecify.annotations.Nullable;

/**
 * Checks a complete API definition, whatever its source, and reports every problem with
 * the API, resource, method and field it is in.
 */
public final class ApiValidator {

	/** {@code ${stageVariables.name}} as used in URIs. */
	public static final Pattern STAGE_VARIABLE_REFERENCE = Pattern.compile("\\$\\{stageVariables\\.([A-Za-z0-9_]+)}");

	private static final Pattern API_ID = Pattern.compile("[A-Za-z0-9_-]{1,128}");

	private static final Pattern STAGE_NAME = Pattern.compile("[A-Za-z0-9_-]{1,128}");

	private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z0-9_]{1,64}");

	private static final Pattern VARIABLE_VALUE = Pattern.compile("[A-Za-z0-9\\-._~:/?#&=,]{1,512}");

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

	private static final Duration MIN_TIMEOUT = Duration.ofMillis(50);

	private static final Set<String> URI_SCHEMES = Set.of("http", "https", "lb");

	private ApiValidator() {
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
			if (!API_ID.matcher(this.api.id()).matches()) {
				problem(null, null, "id", "An API id must be 1 to 128 letters, digits, '-' or '_'");
			}
			if (this.api.basePath() != null && !this.api.basePath().startsWith("/")) {
				problem(null, null, "base-path", "A base path must start with '/'");
			}
			if (this.api.stages().isEmpty()) {
				problem(null, null, "stages", "The API has no stage, so nothing would serve it; add one under stages");
			}
			this.api.stages().values().forEach(this::checkStage);
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

		private void checkStage(Stage stage) {
			String field = "stages." + stage.name();
			if (!STAGE_NAME.matcher(stage.name()).matches()) {
				problem(null, null, field, "A stage name must be 1 to 128 letters, digits, '-' or '_'");
			}
			stage.variables().forEach((name, value) -> {
				if (!VARIABLE_NAME.matcher(name).matches()) {
					problem(null, null, field + ".variables." + name,
							"A stage variable name must be 1 to 64 letters, digits or '_'");
				}
				if (value == null || !VARIABLE_VALUE.matcher(value).matches()) {
					problem(null, null, field + ".variables." + name,
							"A stage variable value must be 1 to 512 of the characters A-Z a-z 0-9 - . _ ~ : / ? # & = ,");
				}
			});
			stage.methodSettings().forEach((key, settings) -> {
				Duration ttl = settings.cacheTtl();
				if (ttl != null && (ttl.isNegative() || ttl.compareTo(MethodSettings.MAX_CACHE_TTL) > 0)) {
					problem(null, null, field + ".method-settings[" + key + "].cache-ttl",
							"A cache time to live must be 0 to 3600 seconds (0 disables caching)");
				}
			});
			if (stage.cacheCluster().sizeBytes() <= 0) {
				problem(null, null, field + ".cache-cluster-size", "The cache size must be greater than 0");
			}
			CanarySettings canary = stage.canarySettings();
			if (canary != null) {
				if (!(canary.percentTraffic() >= 0 && canary.percentTraffic() <= 100)) {
					problem(null, null, field + ".canary-settings.percent-traffic",
							"The canary's percent traffic must be 0 to 100");
				}
				canary.stageVariableOverrides().forEach((name, value) -> {
					if (!VARIABLE_NAME.matcher(name).matches() || value == null
							|| !VARIABLE_VALUE.matcher(value).matches()) {
						problem(null, null, field + ".canary-settings.stage-variable-overrides." + name,
								"A stage variable override follows the rules of stage variables: names of 1 to 64 "
										+ "letters, digits or '_', values of 1 to 512 of A-Z a-z 0-9 - . _ ~ : / ? # & = ,");
					}
				});
			}
			AccessLogSettings accessLog = stage.accessLogSettings();
			if (accessLog != null && (accessLog.format().isBlank() || "null".equals(accessLog.format()))) {
				problem(null, null, field + ".access-log-settings.format", "Access Log value must not be empty");
			}
			else if (accessLog != null && !List.of("CLF", "JSON", "XML", "CSV").contains(accessLog.format().trim()
				.toUpperCase(java.util.Locale.ROOT)) && !accessLog.format().contains("$context.requestId")
					&& !accessLog.format().contains("$context.extendedRequestId")) {
				problem(null, null, field + ".access-log-settings.format",
						"The access log format must include $context.requestId (or $context.extendedRequestId), so "
								+ "every line is unique; or name a preset: CLF, JSON, XML, CSV");
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
			if (integration.timeout().compareTo(MIN_TIMEOUT) < 0) {
				problem(path, verb, "integration.timeout", "The timeout must be at least 50 ms");
			}
			IntegrationType type = integration.type();
			if (type != IntegrationType.MOCK) {
				checkUri(path, verb, integration);
			}
			checkMappings(path, verb, "integration.request-parameters", integration.requestParameters(), REQUEST_TARGET,
					REQUEST_SOURCE);
			checkRequestHeaderTargets(path, verb, integration.requestParameters());
			checkContentTypes(path, verb, "integration.request-templates", integration.requestTemplates());
			for (int i = 0; i < integration.responses().size(); i++) {
				IntegrationResponse response = integration.responses().get(i);
				String field = "integration.responses[" + i + "]";
				if (!response.isDefault()) {
					try {
						Pattern.compile(response.selectionPattern());
					}
					catch (PatternSyntaxException ex) {
						problem(path, verb, field + ".selection-pattern",
								"Not a valid Java regular expression: " + ex.getDescription());
					}
				}
				if (!response.statusCode().matches("[1-5]\\d\\d")) {
					problem(path, verb, field + ".status-code", "A status code must be a number from 100 to 599");
				}
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

		private void checkUri(String path, String verb, Integration integration) {
			String uri = integration.uri();
			if (uri == null || uri.isBlank()) {
				problem(path, verb, "integration.uri", "A " + integration.type() + " integration needs a uri");
				return;
			}
			Matcher references = STAGE_VARIABLE_REFERENCE.matcher(uri);
			while (references.find()) {
				String variable = references.group(1);
				for (Stage stage : this.api.stages().values()) {
					if (!stage.variables().containsKey(variable)) {
						problem(path, verb, "integration.uri", "The stage variable '" + variable
								+ "' is not defined in stage '" + stage.name() + "' (stages." + stage.name() + ".variables)");
					}
				}
			}
			if (integration.type() == IntegrationType.HTTP || integration.type() == IntegrationType.HTTP_PROXY) {
				String probe = STAGE_VARIABLE_REFERENCE.matcher(uri).replaceAll("stage-variable")
					.replaceAll("\\{[^}/]+}", "param");
				try {
					URI parsed = new URI(probe);
					boolean forward = "forward".equalsIgnoreCase(parsed.getScheme()) && parsed.getRawPath() != null
							&& parsed.getRawPath().startsWith("/");
					if (!forward && (parsed.getScheme() == null
							|| !URI_SCHEMES.contains(parsed.getScheme().toLowerCase())
							|| parsed.getHost() == null && parsed.getAuthority() == null)) {
						throw new IllegalArgumentException();
					}
				}
				catch (Exception ex) {
					problem(path, verb, "integration.uri", "'" + uri
							+ "' is not an absolute http://, https:// or lb:// URI, nor forward:/path to a handler of the "
							+ "application (stage variables may be used as ${stageVariables.name})");
				}
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
