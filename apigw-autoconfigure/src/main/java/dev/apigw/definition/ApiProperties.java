package dev.apigw.definition;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.apigw.model.ApiKeySource;
import dev.apigw.model.GatewayResponseType;
import org.jspecify.annotations.Nullable;

/**
 * Configuration of one API ("apigw.apis.<id>"); its stages, gateway responses, request
 * validators, authorizers and CORS settings are configured by the classes named after them.
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

}
