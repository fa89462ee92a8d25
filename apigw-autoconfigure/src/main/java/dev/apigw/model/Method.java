package dev.apigw.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A method of a resource: an HTTP verb (or {@code ANY}) with its method request settings
 * (authorization, API key, declared parameters and models), its integration and its
 * method responses.
 *
 * @param httpMethod {@code GET}, {@code POST}, {@code PUT}, {@code PATCH}, {@code DELETE},
 * {@code HEAD}, {@code OPTIONS} or {@code ANY}
 * @param operationName the operation name, {@code null} when not given
 * @param summary a one-line description for documentation
 * @param description a longer description for documentation
 * @param authorizationType how callers are authorized
 * @param authorizerId the authorizer for {@code CUSTOM} and {@code COGNITO_USER_POOLS}
 * @param authorizationScopes OAuth scopes for a Cognito-style authorizer
 * @param apiKeyRequired whether an API key is required
 * @param requestParameters declared request parameters
 * ({@code method.request.{path|querystring|header}.X}) to whether they are required
 * @param requestModels content type to model name for body validation
 * @param requestValidator the request validator name, {@code null} for the API default
 * @param methodResponses status code to method response
 * @param integration the integration, {@code null} when none is set (requests then fail as
 * on AWS)
 */
public record Method(String httpMethod, @Nullable String operationName, @Nullable String summary,
		@Nullable String description, AuthorizationType authorizationType, @Nullable String authorizerId,
		List<String> authorizationScopes, boolean apiKeyRequired, Map<String, Boolean> requestParameters,
		Map<String, String> requestModels, @Nullable String requestValidator,
		Map<String, MethodResponse> methodResponses, @Nullable Integration integration) {

	/** The verbs a method can be defined for. */
	public static final Set<String> HTTP_METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD",
			"OPTIONS", "ANY");

	/** The verbs {@code ANY} stands for. */
	public static final List<String> ANY_METHODS = List.of("DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST",
			"PUT");

	public Method {
		httpMethod = httpMethod.toUpperCase(Locale.ROOT);
		authorizationScopes = Copies.list(authorizationScopes);
		requestParameters = Copies.map(requestParameters);
		requestModels = Copies.map(requestModels);
		methodResponses = Copies.map(methodResponses);
	}

	/**
	 * Starts a builder for an open method without API key.
	 * @param httpMethod the verb or {@code ANY}
	 * @return a builder
	 */
	public static Builder builder(String httpMethod) {
		return new Builder(httpMethod);
	}

	/**
	 * A builder seeded with this method's values.
	 * @return a builder
	 */
	public Builder toBuilder() {
		Builder builder = new Builder(this.httpMethod).operationName(this.operationName)
			.summary(this.summary)
			.description(this.description)
			.authorizationType(this.authorizationType)
			.authorizerId(this.authorizerId)
			.apiKeyRequired(this.apiKeyRequired)
			.requestValidator(this.requestValidator)
			.integration(this.integration);
		builder.authorizationScopes.addAll(this.authorizationScopes);
		builder.requestParameters.putAll(this.requestParameters);
		builder.requestModels.putAll(this.requestModels);
		builder.methodResponses.putAll(this.methodResponses);
		return builder;
	}

	/**
	 * Builds {@link Method}s.
	 */
	public static final class Builder {

		private final String httpMethod;

		private @Nullable String operationName;

		private @Nullable String summary;

		private @Nullable String description;

		private AuthorizationType authorizationType = AuthorizationType.NONE;

		private @Nullable String authorizerId;

		private final List<String> authorizationScopes = new ArrayList<>();

		private boolean apiKeyRequired;

		private final Map<String, Boolean> requestParameters = new LinkedHashMap<>();

		private final Map<String, String> requestModels = new LinkedHashMap<>();

		private @Nullable String requestValidator;

		private final Map<String, MethodResponse> methodResponses = new LinkedHashMap<>();

		private @Nullable Integration integration;

		private Builder(String httpMethod) {
			this.httpMethod = httpMethod;
		}

		public Builder operationName(@Nullable String operationName) {
			this.operationName = operationName;
			return this;
		}

		public Builder summary(@Nullable String summary) {
			this.summary = summary;
			return this;
		}

		public Builder description(@Nullable String description) {
			this.description = description;
			return this;
		}

		public Builder authorizationType(AuthorizationType authorizationType) {
			this.authorizationType = authorizationType;
			return this;
		}

		public Builder authorizerId(@Nullable String authorizerId) {
			this.authorizerId = authorizerId;
			return this;
		}

		public Builder authorizationScopes(List<String> scopes) {
			this.authorizationScopes.addAll(scopes);
			return this;
		}

		public Builder apiKeyRequired(boolean apiKeyRequired) {
			this.apiKeyRequired = apiKeyRequired;
			return this;
		}

		public Builder requestParameter(String name, boolean required) {
			this.requestParameters.put(name, required);
			return this;
		}

		public Builder requestParameters(Map<String, Boolean> parameters) {
			this.requestParameters.putAll(parameters);
			return this;
		}

		public Builder requestModel(String contentType, String model) {
			this.requestModels.put(contentType, model);
			return this;
		}

		public Builder requestModels(Map<String, String> models) {
			this.requestModels.putAll(models);
			return this;
		}

		public Builder requestValidator(@Nullable String requestValidator) {
			this.requestValidator = requestValidator;
			return this;
		}

		public Builder methodResponse(MethodResponse response) {
			this.methodResponses.put(response.statusCode(), response);
			return this;
		}

		public Builder integration(@Nullable Integration integration) {
			this.integration = integration;
			return this;
		}

		public Method build() {
			return new Method(this.httpMethod, this.operationName, this.summary, this.description,
					this.authorizationType, this.authorizerId, this.authorizationScopes, this.apiKeyRequired,
					this.requestParameters, this.requestModels, this.requestValidator, this.methodResponses,
					this.integration);
		}

	}

}
