package dev.apigw.definition.openapi;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.fasterxml.jackson.databind.JsonNode;
import org.jspecify.annotations.Nullable;

import dev.apigw.definition.openapi.ImportContext.Location;
import dev.apigw.model.AuthorizationType;
import dev.apigw.model.Authorizer;
import dev.apigw.model.Method;

/**
 * Reads security schemes (Lambda and Cognito authorizers, IAM, the API key) and applies an
 * operation's {@code security} requirements to its method.
 */
final class SecurityImporter {

	static final long MAX_TTL_SECONDS = 3600;

	private static final Set<String> AUTHORIZER_TYPES = Set.of("token", "request", "cognito_user_pools");

	private static final Set<String> AUTHORIZER_FIELDS = Set.of("type", "authorizerUri", "identitySource",
			"identityValidationExpression", "authorizerResultTtlInSeconds", "providerARNs");

	private final ImportContext context;

	private final OpenApiDocument document;

	private final Map<String, Kind> schemes = new LinkedHashMap<>();

	private final Map<String, String> authorizerTypes = new LinkedHashMap<>();

	private final Map<String, Authorizer> authorizers = new LinkedHashMap<>();

	SecurityImporter(ImportContext context, OpenApiDocument document) {
		this.context = context;
		this.document = document;
	}

	void readSchemes() {
		Pointer at = this.document.securitySchemes();
		for (Map.Entry<String, JsonNode> entry : Nodes.fields(this.document.at(at))) {
			Pointer schemeAt = at.child(entry.getKey());
			JsonNode scheme = this.document.resolve(entry.getValue());
			if (!scheme.isObject()) {
				this.context.problem(schemeAt, "Expected a security scheme object");
				continue;
			}
			this.schemes.put(entry.getKey(), classify(entry.getKey(), scheme, schemeAt));
		}
	}

	Map<String, Authorizer> authorizers() {
		return this.authorizers;
	}

	private Kind classify(String name, JsonNode scheme, Pointer at) {
		for (Map.Entry<String, JsonNode> field : Nodes.fields(scheme)) {
			String key = field.getKey();
			if (Extensions.isAws(key) && !key.equals(Extensions.AUTHORIZER) && !key.equals(Extensions.AUTHTYPE)) {
				this.context.warn(at.child(key), Extensions.unsupportedReason(key));
			}
		}
		String type = Nodes.text(scheme.get("type"));
		String in = Nodes.text(scheme.get("in"));
		String headerName = Nodes.text(scheme.get("name"));
		if (!Nodes.isAbsent(scheme.get(Extensions.AUTHORIZER))) {
			readAuthorizer(name, scheme, at, in, headerName);
			return Kind.AUTHORIZER;
		}
		if ("awsSigv4".equalsIgnoreCase(Nodes.text(scheme.get(Extensions.AUTHTYPE)))) {
			return Kind.IAM;
		}
		if ("apiKey".equals(type) && "header".equalsIgnoreCase(in) && "x-api-key".equalsIgnoreCase(headerName)) {
			return Kind.API_KEY;
		}
		this.context.warn(at, "security scheme of type '" + type + "' without " + Extensions.AUTHORIZER
				+ " is not supported; methods that use it are not protected by it");
		return Kind.UNSUPPORTED;
	}

	private void readAuthorizer(String name, JsonNode scheme, Pointer schemeAt, @Nullable String in,
			@Nullable String headerName) {
		Values values = new Values(this.context, Location.API);
		Pointer at = schemeAt.child(Extensions.AUTHORIZER);
		JsonNode node = values.object(scheme.get(Extensions.AUTHORIZER), at);
		if (node == null) {
			return;
		}
		for (Map.Entry<String, JsonNode> field : Nodes.fields(node)) {
			if (field.getKey().equals("authorizerCredentials")) {
				this.context.warn(at.child(field.getKey()), "not supported (authorizer credentials, an IAM role,"
						+ " are not used; the function is invoked without them); ignored");
			}
			else if (!AUTHORIZER_FIELDS.contains(field.getKey())) {
				this.context.warn(at.child(field.getKey()), "unknown or HTTP API (v2) authorizer field; ignored");
			}
		}
		String type = values.string(node, "type", at);
		String lower = (type != null) ? type.toLowerCase(Locale.ROOT) : "";
		this.authorizerTypes.put(name, lower);
		if (!AUTHORIZER_TYPES.contains(lower)) {
			values.problem(at.child("type"), "Unsupported authorizer type '" + type
					+ "'; expected token, request or cognito_user_pools");
			return;
		}
		String uri = values.string(node, "authorizerUri", at);
		if (uri == null && !lower.equals("cognito_user_pools")) {
			values.problem(at.child("authorizerUri"), "A " + lower + " authorizer needs an authorizerUri");
		}
		String identitySource = values.string(node, "identitySource", at);
		if (identitySource == null && headerName != null && !headerName.equals("Unused")) {
			identitySource = ("query".equalsIgnoreCase(in) ? "method.request.querystring." : "method.request.header.")
					+ headerName;
		}
		String expression = values.string(node, "identityValidationExpression", at);
		if (expression != null) {
			try {
				Pattern.compile(expression);
			}
			catch (PatternSyntaxException ex) {
				values.problem(at.child("identityValidationExpression"),
						"Not a valid regular expression: " + ex.getDescription());
			}
		}
		Long ttl = values.integer(node, "authorizerResultTtlInSeconds", at);
		if (ttl != null && (ttl < 0 || ttl > MAX_TTL_SECONDS)) {
			values.problem(at.child("authorizerResultTtlInSeconds"),
					"Authorizer result TTL must be between 0 and " + MAX_TTL_SECONDS + " seconds, got " + ttl);
			ttl = null;
		}
		List<String> providers = values.stringList(node, "providerARNs", at);
		if (lower.equals("cognito_user_pools") && providers.isEmpty()) {
			values.problem(at.child("providerARNs"), "A cognito_user_pools authorizer needs providerARNs");
		}
		this.authorizers.put(name, new Authorizer(name, lower.toUpperCase(Locale.ROOT), uri, identitySource,
				expression, (ttl != null) ? Duration.ofSeconds(ttl) : Authorizer.DEFAULT_TTL, providers));
	}

	/**
	 * Applies the operation's security requirements (or the document's, when the operation
	 * has none) to a method.
	 */
	void apply(JsonNode operation, Pointer operationAt, Method.Builder method, Location location) {
		boolean own = operation.has("security");
		JsonNode security = own ? operation.get("security") : this.document.root().get("security");
		Pointer at = own ? operationAt.child("security") : Pointer.ROOT.child("security");
		String authorizer = null;
		boolean iam = legacyIam(operation, operationAt, location);
		List<String> scopes = new ArrayList<>();
		if (!Nodes.isAbsent(security) && !security.isArray()) {
			this.context.problem(location, at, "Expected an array of security requirements");
			return;
		}
		for (int i = 0; !Nodes.isAbsent(security) && i < security.size(); i++) {
			for (Map.Entry<String, JsonNode> requirement : Nodes.fields(security.get(i))) {
				String name = requirement.getKey();
				Pointer requirementAt = at.child(i).child(name);
				Kind kind = this.schemes.get(name);
				if (kind == null) {
					this.context.problem(location, requirementAt, "Unknown authorizer reference: security scheme '"
							+ name + "' is not defined in " + this.document.securitySchemes());
				}
				else if (kind == Kind.API_KEY) {
					method.apiKeyRequired(true);
				}
				else if (kind == Kind.IAM) {
					iam = true;
				}
				else if (kind == Kind.AUTHORIZER) {
					if (authorizer != null && !authorizer.equals(name)) {
						this.context.problem(location, requirementAt, "A method can use only one authorizer, found '"
								+ authorizer + "' and '" + name + "'");
					}
					authorizer = name;
					new Values(this.context, location).stringList(security.get(i), name, at.child(i))
						.stream()
						.filter((scope) -> !scopes.contains(scope))
						.forEach(scopes::add);
				}
			}
		}
		if (iam && authorizer != null) {
			this.context.problem(location, at, "A method cannot use both AWS_IAM and the authorizer '" + authorizer + "'");
		}
		if (authorizer != null) {
			boolean cognito = "cognito_user_pools".equals(this.authorizerTypes.get(authorizer));
			method.authorizationType(cognito ? AuthorizationType.COGNITO_USER_POOLS : AuthorizationType.CUSTOM)
				.authorizerId(authorizer)
				.authorizationScopes(scopes);
		}
		else if (iam) {
			method.authorizationType(AuthorizationType.AWS_IAM);
		}
	}

	private boolean legacyIam(JsonNode operation, Pointer operationAt, Location location) {
		JsonNode auth = operation.get(Extensions.AUTH);
		if (Nodes.isAbsent(auth)) {
			return false;
		}
		String type = Nodes.text(auth.get("type"));
		if ("aws_iam".equalsIgnoreCase(type)) {
			return true;
		}
		if (!"none".equalsIgnoreCase(type)) {
			this.context.problem(location, operationAt.child(Extensions.AUTH).child("type"),
					"Unknown auth type '" + type + "'; expected none or aws_iam");
		}
		return false;
	}

	private enum Kind {

		API_KEY, IAM, AUTHORIZER, UNSUPPORTED

	}

}
