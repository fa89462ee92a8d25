package dev.apigw.definition;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.apigw.model.ApiKeySource;
import dev.apigw.model.GatewayResponseType;
import dev.apigw.model.UnauthorizedCacheControlHeaderStrategy;
import org.jspecify.annotations.Nullable;

import org.springframework.util.unit.DataSize;

/**
 * Configuration of one API ("apigw.apis.<id>").
 */
public class ApiProperties {

	/**
	 * Human-readable name of the API.
	 */
	private @Nullable String title;

	/**
	 * Description of the API, used in documentation and exports.
	 */
	private @Nullable String description;

	/**
	 * Version of the API for documentation.
	 */
	private @Nullable String version;

	/**
	 * Base path the API is mounted at, before the stage segment. Defaults to "/{id}"; "/" mounts stages at the root, as on an execute-api host.
	 */
	private @Nullable String basePath;

	/**
	 * Only host the API answers on (without port); any host when not set.
	 */
	private @Nullable String host;

	/**
	 * Location of an OpenAPI 3 or Swagger 2 file with x-amazon-apigateway extensions defining the API (e.g. "classpath:petstore.yaml"); settings here add to or override it.
	 */
	private @Nullable String openapi;

	/**
	 * Where API keys come from: HEADER (x-api-key, the default) or AUTHORIZER (usageIdentifierKey).
	 */
	private @Nullable ApiKeySource apiKeySource;

	/**
	 * Media types treated as binary, e.g. "image/png" or "image/*".
	 */
	private List<String> binaryMediaTypes = new ArrayList<>();

	/**
	 * Resources of the API, each with its full path and its methods.
	 */
	private List<ResourceProperties> resources = new ArrayList<>();

	/**
	 * Stages by name.
	 */
	private Map<String, StageProperties> stages = new LinkedHashMap<>();

	/**
	 * Customised gateway responses by type (e.g. MISSING_AUTHENTICATION_TOKEN, DEFAULT_4XX).
	 */
	private Map<GatewayResponseType, GatewayResponseProperties> gatewayResponses = new LinkedHashMap<>();

	/**
	 * Models (JSON schema draft 4 text) by name.
	 */
	private Map<String, String> models = new LinkedHashMap<>();

	/**
	 * Request validators by name.
	 */
	private Map<String, RequestValidatorProperties> requestValidators = new LinkedHashMap<>();

	/**
	 * Request validator used by methods that name none.
	 */
	private @Nullable String defaultRequestValidator;

	/**
	 * Authorizers by name, referenced by methods with authorization type CUSTOM or COGNITO_USER_POOLS.
	 */
	private Map<String, AuthorizerProperties> authorizers = new LinkedHashMap<>();

	/**
	 * Resource policy: an IAM-style policy document (JSON text) over "execute-api:Invoke", evaluated before every other check. Principals must be "*"; conditions IpAddress and NotIpAddress on aws:SourceIp are supported; "execute-api:/stage/METHOD/path" resources are expanded to the API's ARN.
	 */
	private @Nullable String policy;

	/**
	 * CORS for every resource of the API, as the console's "Enable CORS" sets it up; resources can override it.
	 */
	private CorsProperties cors = new CorsProperties();

	/**
	 * Documentation version published at start-up from the API's descriptions and summaries (e.g. "1.0"); exports select versions with "documentationVersion".
	 */
	private @Nullable String documentationVersion;

	public @Nullable String getTitle() {
		return this.title;
	}

	public void setTitle(@Nullable String title) {
		this.title = title;
	}

	public @Nullable String getDescription() {
		return this.description;
	}

	public void setDescription(@Nullable String description) {
		this.description = description;
	}

	public @Nullable String getVersion() {
		return this.version;
	}

	public void setVersion(@Nullable String version) {
		this.version = version;
	}

	public @Nullable String getBasePath() {
		return this.basePath;
	}

	public void setBasePath(@Nullable String basePath) {
		this.basePath = basePath;
	}

	public @Nullable String getHost() {
		return this.host;
	}

	public void setHost(@Nullable String host) {
		this.host = host;
	}

	public @Nullable String getOpenapi() {
		return this.openapi;
	}

	public void setOpenapi(@Nullable String openapi) {
		this.openapi = openapi;
	}

	public @Nullable ApiKeySource getApiKeySource() {
		return this.apiKeySource;
	}

	public void setApiKeySource(@Nullable ApiKeySource apiKeySource) {
		this.apiKeySource = apiKeySource;
	}

	public List<String> getBinaryMediaTypes() {
		return this.binaryMediaTypes;
	}

	public void setBinaryMediaTypes(List<String> binaryMediaTypes) {
		this.binaryMediaTypes = binaryMediaTypes;
	}

	public List<ResourceProperties> getResources() {
		return this.resources;
	}

	public void setResources(List<ResourceProperties> resources) {
		this.resources = resources;
	}

	public Map<String, StageProperties> getStages() {
		return this.stages;
	}

	public void setStages(Map<String, StageProperties> stages) {
		this.stages = stages;
	}

	public Map<GatewayResponseType, GatewayResponseProperties> getGatewayResponses() {
		return this.gatewayResponses;
	}

	public void setGatewayResponses(Map<GatewayResponseType, GatewayResponseProperties> gatewayResponses) {
		this.gatewayResponses = gatewayResponses;
	}

	public Map<String, String> getModels() {
		return this.models;
	}

	public void setModels(Map<String, String> models) {
		this.models = models;
	}

	public Map<String, RequestValidatorProperties> getRequestValidators() {
		return this.requestValidators;
	}

	public void setRequestValidators(Map<String, RequestValidatorProperties> requestValidators) {
		this.requestValidators = requestValidators;
	}

	public @Nullable String getDefaultRequestValidator() {
		return this.defaultRequestValidator;
	}

	public void setDefaultRequestValidator(@Nullable String defaultRequestValidator) {
		this.defaultRequestValidator = defaultRequestValidator;
	}

	public Map<String, AuthorizerProperties> getAuthorizers() {
		return this.authorizers;
	}

	public void setAuthorizers(Map<String, AuthorizerProperties> authorizers) {
		this.authorizers = authorizers;
	}

	public @Nullable String getPolicy() {
		return this.policy;
	}

	public void setPolicy(@Nullable String policy) {
		this.policy = policy;
	}

	public CorsProperties getCors() {
		return this.cors;
	}

	public void setCors(CorsProperties cors) {
		this.cors = cors;
	}

	public @Nullable String getDocumentationVersion() {
		return this.documentationVersion;
	}

	public void setDocumentationVersion(@Nullable String documentationVersion) {
		this.documentationVersion = documentationVersion;
	}

	/**
	 * Configuration of one stage.
	 */
	public static class StageProperties {

		/**
		 * Description of the stage.
		 */
		private @Nullable String description;

		/**
		 * Stage variables: names of letters, digits and underscores; values of letters, digits and -._~:/?#&=,.
		 */
		private Map<String, String> variables = new LinkedHashMap<>();

		/**
		 * Settings for one method or, with resource path and HTTP method "*", for all methods.
		 */
		private List<MethodSettingsProperties> methodSettings = new ArrayList<>();

		/**
		 * Name of the SSL bundle (spring.ssl.bundle.*) whose certificate the stage presents to its HTTP backends, so they can check calls come from the gateway (AWS's client certificate).
		 */
		private @Nullable String clientCertificate;

		/**
		 * Whether the stage has a response cache; methods opt in with method settings (caching-enabled), GET methods through the "*" setting.
		 */
		private boolean cacheClusterEnabled;

		/**
		 * Most bytes of responses the stage cache holds in memory (keys, headers and bodies). AWS sizes its cache clusters in GB.
		 */
		private DataSize cacheClusterSize = DataSize.ofMegabytes(64);

		/**
		 * The canary the stage starts with: a share of requests served with other stage variables (and by the canary deployment once one is made at runtime).
		 */
		private @Nullable CanaryProperties canarySettings;

		/**
		 * The stage's access log.
		 */
		private @Nullable AccessLogProperties accessLogSettings;

		/**
		 * Whether requests of the stage are observed phase by phase (Micrometer observations: spans with a tracer, timers with a meter registry).
		 */
		private boolean tracingEnabled = true;

		public boolean isCacheClusterEnabled() {
			return this.cacheClusterEnabled;
		}

		public void setCacheClusterEnabled(boolean cacheClusterEnabled) {
			this.cacheClusterEnabled = cacheClusterEnabled;
		}

		public DataSize getCacheClusterSize() {
			return this.cacheClusterSize;
		}

		public void setCacheClusterSize(DataSize cacheClusterSize) {
			this.cacheClusterSize = cacheClusterSize;
		}

		public @Nullable CanaryProperties getCanarySettings() {
			return this.canarySettings;
		}

		public void setCanarySettings(@Nullable CanaryProperties canarySettings) {
			this.canarySettings = canarySettings;
		}

		public @Nullable AccessLogProperties getAccessLogSettings() {
			return this.accessLogSettings;
		}

		public void setAccessLogSettings(@Nullable AccessLogProperties accessLogSettings) {
			this.accessLogSettings = accessLogSettings;
		}

		public boolean isTracingEnabled() {
			return this.tracingEnabled;
		}

		public void setTracingEnabled(boolean tracingEnabled) {
			this.tracingEnabled = tracingEnabled;
		}

		public @Nullable String getDescription() {
			return this.description;
		}

		public void setDescription(@Nullable String description) {
			this.description = description;
		}

		public Map<String, String> getVariables() {
			return this.variables;
		}

		public void setVariables(Map<String, String> variables) {
			this.variables = variables;
		}

		public List<MethodSettingsProperties> getMethodSettings() {
			return this.methodSettings;
		}

		public void setMethodSettings(List<MethodSettingsProperties> methodSettings) {
			this.methodSettings = methodSettings;
		}

		public @Nullable String getClientCertificate() {
			return this.clientCertificate;
		}

		public void setClientCertificate(@Nullable String clientCertificate) {
			this.clientCertificate = clientCertificate;
		}

	}

	/**
	 * A stage's canary.
	 */
	public static class CanaryProperties {

		/**
		 * Percentage of requests the canary serves (0 to 100).
		 */
		private double percentTraffic;

		/**
		 * Stage variables replaced or added for canary requests.
		 */
		private Map<String, String> stageVariableOverrides = new LinkedHashMap<>();

		/**
		 * Whether canary requests use the stage's cache entries.
		 */
		private boolean useStageCache;

		public double getPercentTraffic() {
			return this.percentTraffic;
		}

		public void setPercentTraffic(double percentTraffic) {
			this.percentTraffic = percentTraffic;
		}

		public Map<String, String> getStageVariableOverrides() {
			return this.stageVariableOverrides;
		}

		public void setStageVariableOverrides(Map<String, String> stageVariableOverrides) {
			this.stageVariableOverrides = stageVariableOverrides;
		}

		public boolean isUseStageCache() {
			return this.useStageCache;
		}

		public void setUseStageCache(boolean useStageCache) {
			this.useStageCache = useStageCache;
		}

	}

	/**
	 * A stage's access log.
	 */
	public static class AccessLogProperties {

		/**
		 * Line format of $context variables, or one of AWS's console presets CLF, JSON, XML, CSV.
		 */
		private @Nullable String format;

		/**
		 * Logger the lines are written to; "apigw.access.<api>.<stage>" when not set.
		 */
		private @Nullable String destination;

		public @Nullable String getFormat() {
			return this.format;
		}

		public void setFormat(@Nullable String format) {
			this.format = format;
		}

		public @Nullable String getDestination() {
			return this.destination;
		}

		public void setDestination(@Nullable String destination) {
			this.destination = destination;
		}

	}

	/**
	 * Stage settings for one method or for all methods.
	 */
	public static class MethodSettingsProperties {

		/**
		 * Resource path the settings apply to, or "*" for every resource.
		 */
		private String resourcePath = "*";

		/**
		 * HTTP method the settings apply to, or "*" for every method.
		 */
		private String httpMethod = "*";

		/**
		 * Steady-state requests per second.
		 */
		private @Nullable Double throttlingRateLimit;

		/**
		 * Burst (bucket size) in requests.
		 */
		private @Nullable Integer throttlingBurstLimit;

		/**
		 * Whether responses are cached.
		 */
		private @Nullable Boolean cachingEnabled;

		/**
		 * Time to live of cached responses (0 to 3600 s).
		 */
		private @Nullable Duration cacheTtl;

		/**
		 * Whether invalidating the cache with "Cache-Control: max-age=0" requires authorization.
		 */
		private @Nullable Boolean requireAuthorizationForCacheControl;

		/**
		 * Whether per-method metrics are recorded.
		 */
		private @Nullable Boolean metricsEnabled;

		/**
		 * What a "Cache-Control: max-age=0" request from a caller not allowed to invalidate gets: FAIL_WITH_403, SUCCEED_WITH_RESPONSE_HEADER (AWS's default) or SUCCEED_WITHOUT_RESPONSE_HEADER.
		 */
		private @Nullable UnauthorizedCacheControlHeaderStrategy unauthorizedCacheControlHeaderStrategy;

		public @Nullable UnauthorizedCacheControlHeaderStrategy getUnauthorizedCacheControlHeaderStrategy() {
			return this.unauthorizedCacheControlHeaderStrategy;
		}

		public void setUnauthorizedCacheControlHeaderStrategy(
				@Nullable UnauthorizedCacheControlHeaderStrategy unauthorizedCacheControlHeaderStrategy) {
			this.unauthorizedCacheControlHeaderStrategy = unauthorizedCacheControlHeaderStrategy;
		}

		public String getResourcePath() {
			return this.resourcePath;
		}

		public void setResourcePath(String resourcePath) {
			this.resourcePath = resourcePath;
		}

		public String getHttpMethod() {
			return this.httpMethod;
		}

		public void setHttpMethod(String httpMethod) {
			this.httpMethod = httpMethod;
		}

		public @Nullable Double getThrottlingRateLimit() {
			return this.throttlingRateLimit;
		}

		public void setThrottlingRateLimit(@Nullable Double throttlingRateLimit) {
			this.throttlingRateLimit = throttlingRateLimit;
		}

		public @Nullable Integer getThrottlingBurstLimit() {
			return this.throttlingBurstLimit;
		}

		public void setThrottlingBurstLimit(@Nullable Integer throttlingBurstLimit) {
			this.throttlingBurstLimit = throttlingBurstLimit;
		}

		public @Nullable Boolean getCachingEnabled() {
			return this.cachingEnabled;
		}

		public void setCachingEnabled(@Nullable Boolean cachingEnabled) {
			this.cachingEnabled = cachingEnabled;
		}

		public @Nullable Duration getCacheTtl() {
			return this.cacheTtl;
		}

		public void setCacheTtl(@Nullable Duration cacheTtl) {
			this.cacheTtl = cacheTtl;
		}

		public @Nullable Boolean getRequireAuthorizationForCacheControl() {
			return this.requireAuthorizationForCacheControl;
		}

		public void setRequireAuthorizationForCacheControl(@Nullable Boolean requireAuthorizationForCacheControl) {
			this.requireAuthorizationForCacheControl = requireAuthorizationForCacheControl;
		}

		public @Nullable Boolean getMetricsEnabled() {
			return this.metricsEnabled;
		}

		public void setMetricsEnabled(@Nullable Boolean metricsEnabled) {
			this.metricsEnabled = metricsEnabled;
		}

	}

	/**
	 * Customisation of one gateway response type.
	 */
	public static class GatewayResponseProperties {

		/**
		 * Status code to answer with; the type's default when not set.
		 */
		private @Nullable Integer statusCode;

		/**
		 * Headers: "gatewayresponse.header.X" to a source ("'static'", "method.request.header.Y", "stageVariables.V", "context.V").
		 */
		private Map<String, String> responseParameters = new LinkedHashMap<>();

		/**
		 * Body templates by content type (write keys as "[application/json]").
		 */
		private Map<String, String> responseTemplates = new LinkedHashMap<>();

		public @Nullable Integer getStatusCode() {
			return this.statusCode;
		}

		public void setStatusCode(@Nullable Integer statusCode) {
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

	}

	/**
	 * A request validator.
	 */
	public static class RequestValidatorProperties {

		/**
		 * Whether the request body is validated against the method's model.
		 */
		private boolean validateRequestBody;

		/**
		 * Whether required request parameters are checked.
		 */
		private boolean validateRequestParameters;

		public boolean isValidateRequestBody() {
			return this.validateRequestBody;
		}

		public void setValidateRequestBody(boolean validateRequestBody) {
			this.validateRequestBody = validateRequestBody;
		}

		public boolean isValidateRequestParameters() {
			return this.validateRequestParameters;
		}

		public void setValidateRequestParameters(boolean validateRequestParameters) {
			this.validateRequestParameters = validateRequestParameters;
		}

	}

	/**
	 * An authorizer: a Lambda-style TOKEN or REQUEST authorizer backed by an in-process function, or a Cognito-style JWT authorizer.
	 */
	public static class AuthorizerProperties {

		/**
		 * TOKEN, REQUEST or COGNITO_USER_POOLS.
		 */
		private String type = "TOKEN";

		/**
		 * Function a TOKEN or REQUEST authorizer invokes: AWS's invocation ARN ("arn:aws:apigateway:{region}:lambda:path/2015-03-31/functions/{function ARN}/invocations"), a Lambda function ARN or a plain function name (a bean name); may use ${stageVariables.name}.
		 */
		private @Nullable String authorizerUri;

		/**
		 * Function name a TOKEN or REQUEST authorizer invokes (a bean name); a shorter alternative to authorizer-uri.
		 */
		private @Nullable String function;

		/**
		 * Where the identity comes from: one "method.request.header.NAME" for TOKEN and COGNITO_USER_POOLS (default Authorization); for REQUEST a comma-separated list of method.request.header.X, method.request.querystring.X, stageVariables.X and context.X.
		 */
		private @Nullable String identitySource;

		/**
		 * Regular expression a TOKEN must match; a token that does not is answered 401 without invoking the function.
		 */
		private @Nullable String identityValidationExpression;

		/**
		 * How long results are cached, 0 to 3600 seconds (0 disables caching).
		 */
		private int authorizerResultTtlInSeconds = 300;

		/**
		 * COGNITO_USER_POOLS: the token issuers, as Cognito user pool ARNs (arn:aws:cognito-idp:{region}:{account}:userpool/{id}) or issuer URIs of any OpenID Connect provider.
		 */
		private List<String> providerArns = new ArrayList<>();

		/**
		 * COGNITO_USER_POOLS: where the issuers' signing keys are read; discovered from each issuer's OpenID configuration when not set.
		 */
		private @Nullable String jwkSetUri;

		/**
		 * COGNITO_USER_POOLS: accepted audiences ("aud", or "client_id" of access tokens); any when empty.
		 */
		private List<String> audiences = new ArrayList<>();

		public String getType() {
			return this.type;
		}

		public void setType(String type) {
			this.type = type;
		}

		public @Nullable String getAuthorizerUri() {
			return this.authorizerUri;
		}

		public void setAuthorizerUri(@Nullable String authorizerUri) {
			this.authorizerUri = authorizerUri;
		}

		public @Nullable String getFunction() {
			return this.function;
		}

		public void setFunction(@Nullable String function) {
			this.function = function;
		}

		public @Nullable String getIdentitySource() {
			return this.identitySource;
		}

		public void setIdentitySource(@Nullable String identitySource) {
			this.identitySource = identitySource;
		}

		public @Nullable String getIdentityValidationExpression() {
			return this.identityValidationExpression;
		}

		public void setIdentityValidationExpression(@Nullable String identityValidationExpression) {
			this.identityValidationExpression = identityValidationExpression;
		}

		public int getAuthorizerResultTtlInSeconds() {
			return this.authorizerResultTtlInSeconds;
		}

		public void setAuthorizerResultTtlInSeconds(int authorizerResultTtlInSeconds) {
			this.authorizerResultTtlInSeconds = authorizerResultTtlInSeconds;
		}

		public List<String> getProviderArns() {
			return this.providerArns;
		}

		public void setProviderArns(List<String> providerArns) {
			this.providerArns = providerArns;
		}

		public @Nullable String getJwkSetUri() {
			return this.jwkSetUri;
		}

		public void setJwkSetUri(@Nullable String jwkSetUri) {
			this.jwkSetUri = jwkSetUri;
		}

		public List<String> getAudiences() {
			return this.audiences;
		}

		public void setAudiences(List<String> audiences) {
			this.audiences = audiences;
		}

	}

	/**
	 * CORS as the console's "Enable CORS" sets it up: an OPTIONS method (a MOCK) answering preflights with the Access-Control-Allow-* headers, and Access-Control-Allow-Origin on the responses of the resource's other methods.
	 */
	public static class CorsProperties {

		/**
		 * Whether CORS is enabled (for the API: on every resource; for a resource: on it alone).
		 */
		private @Nullable Boolean enabled;

		/**
		 * Access-Control-Allow-Origin: "*" (the console's default) or one origin.
		 */
		private @Nullable String allowOrigin;

		/**
		 * Access-Control-Allow-Headers; default "Content-Type,X-Amz-Date,Authorization,X-Api-Key,X-Amz-Security-Token".
		 */
		private @Nullable String allowHeaders;

		/**
		 * Access-Control-Allow-Methods; default the resource's methods and OPTIONS.
		 */
		private @Nullable String allowMethods;

		/**
		 * Access-Control-Expose-Headers; none by default.
		 */
		private @Nullable String exposeHeaders;

		/**
		 * Access-Control-Max-Age in seconds; none by default.
		 */
		private @Nullable Integer maxAge;

		/**
		 * Access-Control-Allow-Credentials; not sent by default.
		 */
		private @Nullable Boolean allowCredentials;

		public @Nullable Boolean getEnabled() {
			return this.enabled;
		}

		public void setEnabled(@Nullable Boolean enabled) {
			this.enabled = enabled;
		}

		public @Nullable String getAllowOrigin() {
			return this.allowOrigin;
		}

		public void setAllowOrigin(@Nullable String allowOrigin) {
			this.allowOrigin = allowOrigin;
		}

		public @Nullable String getAllowHeaders() {
			return this.allowHeaders;
		}

		public void setAllowHeaders(@Nullable String allowHeaders) {
			this.allowHeaders = allowHeaders;
		}

		public @Nullable String getAllowMethods() {
			return this.allowMethods;
		}

		public void setAllowMethods(@Nullable String allowMethods) {
			this.allowMethods = allowMethods;
		}

		public @Nullable String getExposeHeaders() {
			return this.exposeHeaders;
		}

		public void setExposeHeaders(@Nullable String exposeHeaders) {
			this.exposeHeaders = exposeHeaders;
		}

		public @Nullable Integer getMaxAge() {
			return this.maxAge;
		}

		public void setMaxAge(@Nullable Integer maxAge) {
			this.maxAge = maxAge;
		}

		public @Nullable Boolean getAllowCredentials() {
			return this.allowCredentials;
		}

		public void setAllowCredentials(@Nullable Boolean allowCredentials) {
			this.allowCredentials = allowCredentials;
		}

	}

}
