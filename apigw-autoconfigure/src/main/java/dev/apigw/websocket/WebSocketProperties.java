package dev.apigw.websocket;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.apigw.definition.CommonStageProperties;
import dev.apigw.definition.IntegrationProperties;
import dev.apigw.model.AuthorizationType;
import dev.apigw.model.WebSocketApi;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Configuration of WebSocket APIs ({@code apigw.websocket-apis.<id>}) and of the limits
 * every WebSocket connection is held to ({@code apigw.websocket.*}, AWS's by default).
 */
@ConfigurationProperties("apigw")
public class WebSocketProperties {

	/**
	 * WebSocket APIs by id. The id is used in default URLs ("/{id}/{stage}") and in requestContext.apiId.
	 */
	private Map<String, WebSocketApiProperties> websocketApis = new LinkedHashMap<>();

	/**
	 * Limits and settings of WebSocket connections.
	 */
	private final Connections websocket = new Connections();

	public Map<String, WebSocketApiProperties> getWebsocketApis() {
		return this.websocketApis;
	}

	public void setWebsocketApis(Map<String, WebSocketApiProperties> websocketApis) {
		this.websocketApis = websocketApis;
	}

	public Connections getWebsocket() {
		return this.websocket;
	}

	/**
	 * Limits and settings of WebSocket connections, AWS's by default.
	 */
	public static class Connections {

		/**
		 * Largest frame a client may send (AWS: 32 KB); a larger one closes the connection with 1009.
		 */
		private DataSize maxFrameSize = DataSize.ofKilobytes(32);

		/**
		 * Largest message (all frames of a fragmented message) a client may send and a post to @connections may carry (AWS: 128 KB); a larger message closes the connection with 1009, a larger post is answered 413.
		 */
		private DataSize maxMessageSize = DataSize.ofKilobytes(128);

		/**
		 * How long a connection may go without a message in either direction before it is closed with 1001 (AWS: 10 minutes).
		 */
		private Duration idleTimeout = Duration.ofMinutes(10);

		/**
		 * Longest a connection may last before it is closed with 1001 (AWS: 2 hours).
		 */
		private Duration maxConnectionDuration = Duration.ofHours(2);

		/**
		 * Whether the @connections management API is served over HTTP ("/{api}/{stage}/@connections/{id}"); the Java API (WebSocketConnections) is always available.
		 */
		private boolean connectionsApiEnabled = true;

		public DataSize getMaxFrameSize() {
			return this.maxFrameSize;
		}

		public void setMaxFrameSize(DataSize maxFrameSize) {
			this.maxFrameSize = maxFrameSize;
		}

		public DataSize getMaxMessageSize() {
			return this.maxMessageSize;
		}

		public void setMaxMessageSize(DataSize maxMessageSize) {
			this.maxMessageSize = maxMessageSize;
		}

		public Duration getIdleTimeout() {
			return this.idleTimeout;
		}

		public void setIdleTimeout(Duration idleTimeout) {
			this.idleTimeout = idleTimeout;
		}

		public Duration getMaxConnectionDuration() {
			return this.maxConnectionDuration;
		}

		public void setMaxConnectionDuration(Duration maxConnectionDuration) {
			this.maxConnectionDuration = maxConnectionDuration;
		}

		public boolean isConnectionsApiEnabled() {
			return this.connectionsApiEnabled;
		}

		public void setConnectionsApiEnabled(boolean connectionsApiEnabled) {
			this.connectionsApiEnabled = connectionsApiEnabled;
		}

	}

	/**
	 * Configuration of one WebSocket API.
	 */
	public static class WebSocketApiProperties {

		/**
		 * Description of the API.
		 */
		private @Nullable String description;

		/**
		 * Base path the API is mounted at, before the stage segment. Defaults to "/{id}".
		 */
		private @Nullable String basePath;

		/**
		 * Only host the API answers on (without port); any host when not set.
		 */
		private @Nullable String host;

		/**
		 * Selects each message's route: "$request.body.action" (the default), or any selection expression over $request.body, $context and $stageVariables.
		 */
		private String routeSelectionExpression = WebSocketApi.DEFAULT_ROUTE_SELECTION;

		/**
		 * Where $connect takes its API key from: "$request.header.x-api-key" (the default) or "$context.authorizer.usageIdentifierKey".
		 */
		private String apiKeySelectionExpression = WebSocketApi.DEFAULT_API_KEY_SELECTION;

		/**
		 * Routes, each with its route key ($connect, $disconnect, $default or a custom key) and integration.
		 */
		private List<RouteProperties> routes = new ArrayList<>();

		/**
		 * Stages by name, each with its description and variables (as for REST APIs).
		 */
		private Map<String, CommonStageProperties> stages = new LinkedHashMap<>();

		public @Nullable String getDescription() {
			return this.description;
		}

		public void setDescription(@Nullable String description) {
			this.description = description;
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

		public String getRouteSelectionExpression() {
			return this.routeSelectionExpression;
		}

		public void setRouteSelectionExpression(String routeSelectionExpression) {
			this.routeSelectionExpression = routeSelectionExpression;
		}

		public String getApiKeySelectionExpression() {
			return this.apiKeySelectionExpression;
		}

		public void setApiKeySelectionExpression(String apiKeySelectionExpression) {
			this.apiKeySelectionExpression = apiKeySelectionExpression;
		}

		public List<RouteProperties> getRoutes() {
			return this.routes;
		}

		public void setRoutes(List<RouteProperties> routes) {
			this.routes = routes;
		}

		public Map<String, CommonStageProperties> getStages() {
			return this.stages;
		}

		public void setStages(Map<String, CommonStageProperties> stages) {
			this.stages = stages;
		}

	}

	/**
	 * A route of a WebSocket API.
	 */
	public static class RouteProperties {

		/**
		 * The route key: $connect, $disconnect, $default or the value the route selection expression yields for the route's messages (e.g. "sendmessage").
		 */
		private @Nullable String routeKey;

		/**
		 * How $connect authorizes callers: NONE, CUSTOM (an authorizer) or AWS_IAM. Only $connect may set it.
		 */
		private AuthorizationType authorizationType = AuthorizationType.NONE;

		/**
		 * Authorizer of a CUSTOM $connect route.
		 */
		private @Nullable String authorizer;

		/**
		 * Whether $connect requires an API key (taken by the API's api-key-selection-expression).
		 */
		private boolean apiKeyRequired;

		/**
		 * "$default" to send the integration's response back to the client (a two-way route); not set for a one-way route.
		 */
		private @Nullable String routeResponseSelectionExpression;

		/**
		 * Selects the request template by its key; "\$default" (the template keyed $default or default) when not set.
		 */
		private @Nullable String templateSelectionExpression;

		/**
		 * The route's integration: AWS_PROXY (LAMBDA_PROXY), AWS (LAMBDA), HTTP, HTTP_PROXY or MOCK. Request templates are keyed by template selection value ("[$default]" or "default"); integration responses select by status (or Lambda error) with selection-pattern.
		 */
		private @Nullable IntegrationProperties integration;

		public @Nullable String getRouteKey() {
			return this.routeKey;
		}

		public void setRouteKey(@Nullable String routeKey) {
			this.routeKey = routeKey;
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

		public boolean isApiKeyRequired() {
			return this.apiKeyRequired;
		}

		public void setApiKeyRequired(boolean apiKeyRequired) {
			this.apiKeyRequired = apiKeyRequired;
		}

		public @Nullable String getRouteResponseSelectionExpression() {
			return this.routeResponseSelectionExpression;
		}

		public void setRouteResponseSelectionExpression(@Nullable String routeResponseSelectionExpression) {
			this.routeResponseSelectionExpression = routeResponseSelectionExpression;
		}

		public @Nullable String getTemplateSelectionExpression() {
			return this.templateSelectionExpression;
		}

		public void setTemplateSelectionExpression(@Nullable String templateSelectionExpression) {
			this.templateSelectionExpression = templateSelectionExpression;
		}

		public @Nullable IntegrationProperties getIntegration() {
			return this.integration;
		}

		public void setIntegration(@Nullable IntegrationProperties integration) {
			this.integration = integration;
		}

	}

}
