package dev.apigw.definition;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.apigw.model.AuthorizationType;
import org.jspecify.annotations.Nullable;

/**
 * Configuration of one resource: its path and methods.
 */
public class ResourceProperties {

	/**
	 * Full path of the resource, e.g. "/pets/{petId}" or "/{proxy+}".
	 */
	private String path = "/";

	/**
	 * Description of the resource.
	 */
	private @Nullable String description;

	/**
	 * Methods by HTTP method: GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS or ANY.
	 */
	private Map<String, MethodProperties> methods = new LinkedHashMap<>();

	/**
	 * CORS for this resource ("Enable CORS"), over the API's CORS settings.
	 */
	private CorsProperties cors = new CorsProperties();

	public String getPath() {
		return this.path;
	}

	public void setPath(String path) {
		this.path = path;
	}

	public @Nullable String getDescription() {
		return this.description;
	}

	public void setDescription(@Nullable String description) {
		this.description = description;
	}

	public Map<String, MethodProperties> getMethods() {
		return this.methods;
	}

	public void setMethods(Map<String, MethodProperties> methods) {
		this.methods = methods;
	}

	public CorsProperties getCors() {
		return this.cors;
	}

	public void setCors(CorsProperties cors) {
		this.cors = cors;
	}

	/**
	 * Configuration of one method.
	 */
	public static class MethodProperties {

		/**
		 * Operation name.
		 */
		private @Nullable String operationName;

		/**
		 * One-line summary for documentation.
		 */
		private @Nullable String summary;

		/**
		 * Description for documentation.
		 */
		private @Nullable String description;

		/**
		 * How callers are authorized: NONE, AWS_IAM, CUSTOM or COGNITO_USER_POOLS.
		 */
		private AuthorizationType authorizationType = AuthorizationType.NONE;

		/**
		 * Name of the authorizer for CUSTOM and COGNITO_USER_POOLS.
		 */
		private @Nullable String authorizer;

		/**
		 * OAuth scopes accepted by a Cognito-style authorizer.
		 */
		private List<String> authorizationScopes = new ArrayList<>();

		/**
		 * Whether the method requires an API key.
		 */
		private boolean apiKeyRequired;

		/**
		 * Declared request parameters ("method.request.querystring.X", "method.request.header.X", "method.request.path.X") to whether they are required.
		 */
		private Map<String, Boolean> requestParameters = new LinkedHashMap<>();

		/**
		 * Models for body validation by content type (write keys as "[application/json]").
		 */
		private Map<String, String> requestModels = new LinkedHashMap<>();

		/**
		 * Request validator name; the API's default when not set.
		 */
		private @Nullable String requestValidator;

		/**
		 * The integration.
		 */
		private @Nullable IntegrationProperties integration;

		/**
		 * Method responses by status code; derived from the integration responses when not set.
		 */
		private Map<String, MethodResponseProperties> responses = new LinkedHashMap<>();

		public @Nullable String getOperationName() {
			return this.operationName;
		}

		public void setOperationName(@Nullable String operationName) {
			this.operationName = operationName;
		}

		public @Nullable String getSummary() {
			return this.summary;
		}

		public void setSummary(@Nullable String summary) {
			this.summary = summary;
		}

		public @Nullable String getDescription() {
			return this.description;
		}

		public void setDescription(@Nullable String description) {
			this.description = description;
		}

		public AuthorizationType getAuthorizationType() {
			return this.authorizationType;
		}

		public void setAuthorizationType(AuthorizationType authorizationType) {
			this.authorizationType = authorizationType;
		}

		public @Nullable String getAuthorizer() {
			return this.authorizer;
		}

		public void setAuthorizer(@Nullable String authorizer) {
			this.authorizer = authorizer;
		}

		public List<String> getAuthorizationScopes() {
			return this.authorizationScopes;
		}

		public void setAuthorizationScopes(List<String> authorizationScopes) {
			this.authorizationScopes = authorizationScopes;
		}

		public boolean isApiKeyRequired() {
			return this.apiKeyRequired;
		}

		public void setApiKeyRequired(boolean apiKeyRequired) {
			this.apiKeyRequired = apiKeyRequired;
		}

		public Map<String, Boolean> getRequestParameters() {
			return this.requestParameters;
		}

		public void setRequestParameters(Map<String, Boolean> requestParameters) {
			this.requestParameters = requestParameters;
		}

		public Map<String, String> getRequestModels() {
			return this.requestModels;
		}

		public void setRequestModels(Map<String, String> requestModels) {
			this.requestModels = requestModels;
		}

		public @Nullable String getRequestValidator() {
			return this.requestValidator;
		}

		public void setRequestValidator(@Nullable String requestValidator) {
			this.requestValidator = requestValidator;
		}

		public @Nullable IntegrationProperties getIntegration() {
			return this.integration;
		}

		public void setIntegration(@Nullable IntegrationProperties integration) {
			this.integration = integration;
		}

		public Map<String, MethodResponseProperties> getResponses() {
			return this.responses;
		}

		public void setResponses(Map<String, MethodResponseProperties> responses) {
			this.responses = responses;
		}

	}

	/**
	 * A declared method response.
	 */
	public static class MethodResponseProperties {

		/**
		 * Declared headers ("method.response.header.X") to whether they are required.
		 */
		private Map<String, Boolean> responseParameters = new LinkedHashMap<>();

		/**
		 * Models by content type.
		 */
		private Map<String, String> responseModels = new LinkedHashMap<>();

		public Map<String, Boolean> getResponseParameters() {
			return this.responseParameters;
		}

		public void setResponseParameters(Map<String, Boolean> responseParameters) {
			this.responseParameters = responseParameters;
		}

		public Map<String, String> getResponseModels() {
			return this.responseModels;
		}

		public void setResponseModels(Map<String, String> responseModels) {
			this.responseModels = responseModels;
		}

	}

}
