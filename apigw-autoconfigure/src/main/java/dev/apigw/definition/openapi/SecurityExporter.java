package dev.apigw.definition.openapi;

import java.util.Locale;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jspecify.annotations.Nullable;

import dev.apigw.model.AuthorizationType;
import dev.apigw.model.Authorizer;
import dev.apigw.model.Method;
import dev.apigw.model.Resource;

/**
 * Writes the security schemes AWS exports ({@code api_key}, {@code sigv4} and one per
 * authorizer) and each method's security requirement.
 */
final class SecurityExporter {

	static final String API_KEY = "api_key";

	static final String SIGV4 = "sigv4";

	private static final String HEADER_SOURCE = "method.request.header.";

	private static final String QUERY_SOURCE = "method.request.querystring.";

	private final ExportSettings settings;

	SecurityExporter(ExportSettings settings) {
		this.settings = settings;
	}

	/**
	 * The security schemes of the API.
	 * @return the schemes, empty when no method is protected and there are no authorizers
	 */
	ObjectNode schemes() {
		ObjectNode schemes = this.settings.object();
		if (anyMethod((method) -> method.apiKeyRequired())) {
			schemes.set(API_KEY, scheme("x-api-key", "header"));
		}
		if (anyMethod((method) -> method.authorizationType() == AuthorizationType.AWS_IAM)) {
			ObjectNode sigv4 = scheme("Authorization", "header");
			if (this.settings.extensions()) {
				sigv4.put(Extensions.AUTHTYPE, "awsSigv4");
			}
			schemes.set(SIGV4, sigv4);
		}
		for (Authorizer authorizer : this.settings.api().authorizers().values()) {
			schemes.set(authorizer.name(), authorizer(authorizer));
		}
		return schemes;
	}

	/**
	 * The security requirement of a method.
	 * @param method the method
	 * @return the requirement, {@code null} for an open method
	 */
	@Nullable ArrayNode requirement(Method method) {
		ObjectNode requirement = this.settings.object();
		if (method.apiKeyRequired()) {
			requirement.putArray(API_KEY);
		}
		if (method.authorizationType() == AuthorizationType.AWS_IAM) {
			requirement.putArray(SIGV4);
		}
		boolean authorizer = method.authorizationType() == AuthorizationType.CUSTOM
				|| method.authorizationType() == AuthorizationType.COGNITO_USER_POOLS;
		if (authorizer && method.authorizerId() != null) {
			ArrayNode scopes = requirement.putArray(method.authorizerId());
			method.authorizationScopes().forEach(scopes::add);
		}
		return requirement.isEmpty() ? null : this.settings.array().add(requirement);
	}

	private ObjectNode authorizer(Authorizer authorizer) {
		String source = authorizer.identitySource();
		boolean single = source != null && !source.contains(",");
		ObjectNode scheme;
		if (single && source.startsWith(HEADER_SOURCE)) {
			scheme = scheme(source.substring(HEADER_SOURCE.length()), "header");
		}
		else if (single && source.startsWith(QUERY_SOURCE)) {
			scheme = scheme(source.substring(QUERY_SOURCE.length()), "query");
		}
		else {
			scheme = scheme("Unused", "header");
		}
		if (!this.settings.extensions()) {
			return scheme;
		}
		String type = authorizer.type().toLowerCase(Locale.ROOT);
		scheme.put(Extensions.AUTHTYPE, type.equals("cognito_user_pools") ? type : "custom");
		ObjectNode extension = scheme.putObject(Extensions.AUTHORIZER).put("type", type);
		IntegrationExporter.putIfPresent(extension, "authorizerUri", authorizer.authorizerUri());
		IntegrationExporter.putIfPresent(extension, "identitySource", source);
		IntegrationExporter.putIfPresent(extension, "identityValidationExpression",
				authorizer.identityValidationExpression());
		extension.put("authorizerResultTtlInSeconds", authorizer.resultTtl().toSeconds());
		if (!authorizer.providerArns().isEmpty()) {
			authorizer.providerArns().forEach(extension.putArray("providerARNs")::add);
		}
		return scheme;
	}

	private ObjectNode scheme(String name, String in) {
		return this.settings.object().put("type", "apiKey").put("name", name).put("in", in);
	}

	private boolean anyMethod(Predicate<Method> test) {
		for (Resource resource : this.settings.api().resources()) {
			for (Method method : resource.methods().values()) {
				if (test.test(method)) {
					return true;
				}
			}
		}
		return false;
	}

}
