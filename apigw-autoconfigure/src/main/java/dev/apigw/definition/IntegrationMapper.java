package dev.apigw.definition;

import java.net.URI;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import dev.apigw.model.Integration;
import dev.apigw.model.IntegrationResponse;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.Stage;

/**
 * Converts the integrations of REST methods and WebSocket routes ({@link IntegrationProperties})
 * to the model and checks them, with one set of rules for both. The conversion adds what
 * AWS's console adds, so short YAML works: a MOCK without request template answers
 * {@code {"statusCode": 200}}, and a non-proxy integration without responses gets a default
 * {@code 200} response. The checks: a timeout of at least 50 ms, a URI for every type but
 * MOCK, stage variables of the URI defined in every stage, HTTP URIs the integration can
 * call, selection patterns that compile and status codes from 100 to 599.
 * <p>
 * What differs between the two kinds of API is an instance's settings: REST request
 * templates are keyed by content type, WebSocket ones by template selection value; REST HTTP
 * integrations go through the gateway's routing filters ({@code lb://}, {@code forward:}),
 * WebSocket ones through a web client. The checks that only one kind has (REST parameter
 * mappings and content types, WebSocket route parameters) stay with that kind.
 */
public final class IntegrationMapper {

	/** REST methods: templates keyed by content type, HTTP backends reached through the gateway. */
	public static final IntegrationMapper REST = new IntegrationMapper("application/json", UnaryOperator.identity(),
			List.of("http", "https", "lb"), true);

	/** {@code ${stageVariables.name}} as used in URIs. */
	private static final Pattern STAGE_VARIABLE_REFERENCE = Pattern.compile("\\$\\{stageVariables\\.([A-Za-z0-9_]+)}");

	private static final String MOCK_TEMPLATE = "{\"statusCode\": 200}";

	private static final Duration MIN_TIMEOUT = Duration.ofMillis(50);

	private final String mockTemplateKey;

	private final UnaryOperator<String> requestTemplateKeys;

	private final List<String> uriSchemes;

	private final boolean forwardUris;

	/**
	 * Creates a mapper for one kind of API.
	 * @param mockTemplateKey the key of the request template a MOCK without templates gets
	 * @param requestTemplateKeys turns a bound request template key into the model's
	 * @param uriSchemes the schemes HTTP integration URIs may have, in the order the message
	 * about a bad URI lists them
	 * @param forwardUris whether HTTP integrations may also call {@code forward:/path} (a
	 * handler of the application)
	 */
	public IntegrationMapper(String mockTemplateKey, UnaryOperator<String> requestTemplateKeys, List<String> uriSchemes,
			boolean forwardUris) {
		this.mockTemplateKey = mockTemplateKey;
		this.requestTemplateKeys = requestTemplateKeys;
		this.uriSchemes = List.copyOf(uriSchemes);
		this.forwardUris = forwardUris;
	}

	/**
	 * Converts an integration's properties to the model.
	 * @param integration the properties
	 * @param problems receives an unknown type, as field {@code type}
	 * @return the integration; a MOCK in place of one whose type is unknown, so the rest of
	 * the definition is still checked
	 */
	public Integration toIntegration(IntegrationProperties integration, ProblemSink problems) {
		IntegrationType type;
		try {
			type = IntegrationType.parse(integration.getType());
		}
		catch (IllegalArgumentException ex) {
			problems.add("type", ex.getMessage());
			return Integration.builder(IntegrationType.MOCK).build();
		}
		Integration.Builder builder = Integration.builder(type)
			.uri(integration.getUri())
			.httpMethod(integration.getHttpMethod())
			.timeout(integration.getTimeout())
			.requestParameters(integration.getRequestParameters())
			.passthroughBehavior(integration.getPassthroughBehavior())
			.contentHandling(integration.getContentHandling())
			.cacheKeyParameters(integration.getCacheKeyParameters())
			.cacheNamespace(integration.getCacheNamespace());
		integration.getRequestTemplates()
			.forEach((key, template) -> builder.requestTemplate(this.requestTemplateKeys.apply(key), template));
		for (IntegrationProperties.IntegrationResponseProperties response : integration.getResponses()) {
			builder.response(new IntegrationResponse(response.getSelectionPattern(), response.getStatusCode(),
					response.getResponseParameters(), response.getResponseTemplates(), response.getContentHandling()));
		}
		if (type == IntegrationType.MOCK && integration.getRequestTemplates().isEmpty()) {
			builder.requestTemplate(this.mockTemplateKey, MOCK_TEMPLATE);
		}
		if (!type.isProxy() && integration.getResponses().isEmpty()) {
			builder.response(IntegrationResponse.of(null, "200"));
		}
		return builder.build();
	}

	/**
	 * Checks an integration against the rules REST and WebSocket APIs share.
	 * @param integration the integration
	 * @param stages the API's stages, each of which must define the stage variables the URI
	 * uses
	 * @param problems receives the problems, with fields relative to the integration
	 * ({@code timeout}, {@code uri}, {@code responses[0].status-code}, ...)
	 */
	public void check(Integration integration, Collection<Stage> stages, ProblemSink problems) {
		if (integration.timeout().compareTo(MIN_TIMEOUT) < 0) {
			problems.add("timeout", "The timeout must be at least 50 ms");
		}
		if (integration.type() != IntegrationType.MOCK) {
			checkUri(integration, stages, problems);
		}
		for (int i = 0; i < integration.responses().size(); i++) {
			IntegrationResponse response = integration.responses().get(i);
			String field = "responses[" + i + "]";
			if (!response.isDefault()) {
				try {
					Pattern.compile(response.selectionPattern());
				}
				catch (PatternSyntaxException ex) {
					problems.add(field + ".selection-pattern",
							"Not a valid Java regular expression: " + ex.getDescription());
				}
			}
			if (!response.statusCode().matches("[1-5]\\d\\d")) {
				problems.add(field + ".status-code", "A status code must be a number from 100 to 599");
			}
		}
	}

	private void checkUri(Integration integration, Collection<Stage> stages, ProblemSink problems) {
		String uri = integration.uri();
		if (uri == null || uri.isBlank()) {
			problems.add("uri", "A " + integration.type() + " integration needs a uri");
			return;
		}
		Matcher references = STAGE_VARIABLE_REFERENCE.matcher(uri);
		while (references.find()) {
			String variable = references.group(1);
			for (Stage stage : stages) {
				if (!stage.variables().containsKey(variable)) {
					problems.add("uri", "The stage variable '" + variable + "' is not defined in stage '" + stage.name()
							+ "' (stages." + stage.name() + ".variables)");
				}
			}
		}
		if ((integration.type() == IntegrationType.HTTP || integration.type() == IntegrationType.HTTP_PROXY)
				&& !callable(uri)) {
			problems.add("uri", "'" + uri + "' is not an absolute " + schemes()
					+ (this.forwardUris ? ", nor forward:/path to a handler of the application" : "")
					+ " (stage variables may be used as ${stageVariables.name})");
		}
	}

	private boolean callable(String uri) {
		String probe = STAGE_VARIABLE_REFERENCE.matcher(uri).replaceAll("stage-variable").replaceAll("\\{[^}/]+}", "param");
		try {
			URI parsed = new URI(probe);
			String scheme = (parsed.getScheme() != null) ? parsed.getScheme().toLowerCase(Locale.ROOT) : null;
			if (this.forwardUris && "forward".equals(scheme)) {
				return parsed.getRawPath() != null && parsed.getRawPath().startsWith("/");
			}
			return scheme != null && this.uriSchemes.contains(scheme)
					&& (parsed.getHost() != null || parsed.getAuthority() != null);
		}
		catch (Exception ex) {
			return false;
		}
	}

	private String schemes() {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < this.uriSchemes.size(); i++) {
			if (i > 0) {
				text.append((i == this.uriSchemes.size() - 1) ? " or " : ", ");
			}
			text.append(this.uriSchemes.get(i)).append("://");
		}
		return text.append(" URI").toString();
	}

}
