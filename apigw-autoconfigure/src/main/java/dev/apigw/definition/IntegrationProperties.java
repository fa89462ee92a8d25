package dev.apigw.definition;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.apigw.model.ContentHandling;
import dev.apigw.model.Integration;
import dev.apigw.model.PassthroughBehavior;
import org.jspecify.annotations.Nullable;

/**
 * Configuration of a method's integration.
 */
public class IntegrationProperties {

	/**
	 * Integration type: MOCK, HTTP, HTTP_PROXY, AWS (LAMBDA) or AWS_PROXY (LAMBDA_PROXY).
	 */
	private String type = "MOCK";

	/**
	 * Backend URI: "http(s)://...", "lb://service-id/...", a Lambda function name or ARN. May use ${stageVariables.x} and {param} placeholders.
	 */
	private @Nullable String uri;

	/**
	 * HTTP method towards the backend; the request's own method when not set.
	 */
	private @Nullable String httpMethod;

	/**
	 * Integration timeout (at least 50 ms; AWS default 29 s).
	 */
	private Duration timeout = Integration.DEFAULT_TIMEOUT;

	/**
	 * Integration request parameters: "integration.request.{header|querystring|path}.X" to a source ("method.request.path.Y", "'static'", "stageVariables.V", "context.V", ...).
	 */
	private Map<String, String> requestParameters = new LinkedHashMap<>();

	/**
	 * Request mapping templates by content type (write keys as "[application/json]").
	 */
	private Map<String, String> requestTemplates = new LinkedHashMap<>();

	/**
	 * What happens to bodies whose content type has no template: WHEN_NO_MATCH, WHEN_NO_TEMPLATES or NEVER.
	 */
	private PassthroughBehavior passthroughBehavior = PassthroughBehavior.WHEN_NO_MATCH;

	/**
	 * Conversion of the request body: CONVERT_TO_BINARY or CONVERT_TO_TEXT.
	 */
	private @Nullable ContentHandling contentHandling;

	/**
	 * Method request parameters that are part of the cache key.
	 */
	private List<String> cacheKeyParameters = new ArrayList<>();

	/**
	 * Cache namespace.
	 */
	private @Nullable String cacheNamespace;

	/**
	 * Integration responses in order; the one without selection pattern is the default.
	 */
	private List<IntegrationResponseProperties> responses = new ArrayList<>();

	public String getType() {
		return this.type;
	}

	public void setType(String type) {
		this.type = type;
	}

	public @Nullable String getUri() {
		return this.uri;
	}

	public void setUri(@Nullable String uri) {
		this.uri = uri;
	}

	public @Nullable String getHttpMethod() {
		return this.httpMethod;
	}

	public void setHttpMethod(@Nullable String httpMethod) {
		this.httpMethod = httpMethod;
	}

	public Duration getTimeout() {
		return this.timeout;
	}

	public void setTimeout(Duration timeout) {
		this.timeout = timeout;
	}

	public Map<String, String> getRequestParameters() {
		return this.requestParameters;
	}

	public void setRequestParameters(Map<String, String> requestParameters) {
		this.requestParameters = requestParameters;
	}

	public Map<String, String> getRequestTemplates() {
		return this.requestTemplates;
	}

	public void setRequestTemplates(Map<String, String> requestTemplates) {
		this.requestTemplates = requestTemplates;
	}

	public PassthroughBehavior getPassthroughBehavior() {
		return this.passthroughBehavior;
	}

	public void setPassthroughBehavior(PassthroughBehavior passthroughBehavior) {
		this.passthroughBehavior = passthroughBehavior;
	}

	public @Nullable ContentHandling getContentHandling() {
		return this.contentHandling;
	}

	public void setContentHandling(@Nullable ContentHandling contentHandling) {
		this.contentHandling = contentHandling;
	}

	public List<String> getCacheKeyParameters() {
		return this.cacheKeyParameters;
	}

	public void setCacheKeyParameters(List<String> cacheKeyParameters) {
		this.cacheKeyParameters = cacheKeyParameters;
	}

	public @Nullable String getCacheNamespace() {
		return this.cacheNamespace;
	}

	public void setCacheNamespace(@Nullable String cacheNamespace) {
		this.cacheNamespace = cacheNamespace;
	}

	public List<IntegrationResponseProperties> getResponses() {
		return this.responses;
	}

	public void setResponses(List<IntegrationResponseProperties> responses) {
		this.responses = responses;
	}

	/**
	 * An integration response.
	 */
	public static class IntegrationResponseProperties {

		/**
		 * Java regular expression matched in full against the backend status (or a Lambda errorMessage); not set for the default response.
		 */
		private @Nullable String selectionPattern;

		/**
		 * Status code of the method response.
		 */
		private String statusCode = "200";

		/**
		 * Headers: "method.response.header.X" to a source ("integration.response.header.Y", "integration.response.body.JSONPath", "'static'", ...).
		 */
		private Map<String, String> responseParameters = new LinkedHashMap<>();

		/**
		 * Response mapping templates by content type (write keys as "[application/json]").
		 */
		private Map<String, String> responseTemplates = new LinkedHashMap<>();

		/**
		 * Conversion of the response body.
		 */
		private @Nullable ContentHandling contentHandling;

		public @Nullable String getSelectionPattern() {
			return this.selectionPattern;
		}

		public void setSelectionPattern(@Nullable String selectionPattern) {
			this.selectionPattern = selectionPattern;
		}

		public String getStatusCode() {
			return this.statusCode;
		}

		public void setStatusCode(String statusCode) {
			this.statusCode = statusCode;
		}

		public Map<String, String> getResponseParameters() {
			return this.responseParameters;
		}

		public void setResponseParameters(Map<String, String> responseParameters) {
			this.responseParameters = responseParameters;
		}

		public Map<String, String> getResponseTemplates() {
			return this.responseTemplates;
		}

		public void setResponseTemplates(Map<String, String> responseTemplates) {
			this.responseTemplates = responseTemplates;
		}

		public @Nullable ContentHandling getContentHandling() {
			return this.contentHandling;
		}

		public void setContentHandling(@Nullable ContentHandling contentHandling) {
			this.contentHandling = contentHandling;
		}

	}

}
