package dev.apigw.websocket;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import dev.apigw.model.AuthorizationType;
import dev.apigw.model.GatewayResponseType;
import dev.apigw.model.WebSocketRoute;
import dev.apigw.response.GatewayResponseException;
import dev.apigw.routing.MountTable;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.WebsocketServerSpec;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * The entry of WebSocket APIs: at a stage's mount path, runs {@code $connect} (authorizer,
 * API key, integration) and upgrades the request; routes every message by the route
 * selection expression (else {@code $default}, else an error frame); runs
 * {@code $disconnect} when the connection ends; serves {@code @connections/{id}} below the
 * mount. Everything else falls through to the next filter (REST APIs, the application).
 */
final class WebSocketGatewayFilter implements WebFilter, Ordered {

	private static final Log logger = LogFactory.getLog(WebSocketGatewayFilter.class);

	private static final String CONNECTIONS = "/@connections/";

	private final Supplier<WebSocketDeployments> deployments;

	private final WebSocketConnections connections;

	private final RouteIntegrations integrations;

	private final Clock clock;

	private final Settings settings;

	private final @Nullable ConnectAuthorizer authorizer;

	private final @Nullable ConnectAuthorizer iam;

	private final @Nullable ConnectApiKeys apiKeys;

	private final ConnectionsEndpoint endpoint;

	/**
	 * What the filter is configured with.
	 *
	 * @param order the web filter order
	 * @param maxFrameSize the largest frame
	 * @param maxMessageSize the largest message
	 * @param idleTimeout the idle timeout
	 * @param maxConnectionDuration the longest a connection lasts
	 * @param connectionsApi whether {@code @connections} is served over HTTP
	 */
	record Settings(int order, int maxFrameSize, long maxMessageSize, Duration idleTimeout, Duration maxConnectionDuration,
			boolean connectionsApi) {

	}

	WebSocketGatewayFilter(Supplier<WebSocketDeployments> deployments, WebSocketConnections connections,
			RouteIntegrations integrations, Clock clock, Settings settings,
			@Nullable ConnectAuthorizer authorizer, @Nullable ConnectAuthorizer iam, @Nullable ConnectApiKeys apiKeys,
			@Nullable ConnectionsAccessCheck accessCheck) {
		this.deployments = deployments;
		this.connections = connections;
		this.integrations = integrations;
		this.clock = clock;
		this.settings = settings;
		this.authorizer = authorizer;
		this.iam = iam;
		this.apiKeys = apiKeys;
		this.endpoint = new ConnectionsEndpoint(connections, accessCheck);
	}

	@Override
	public int getOrder() {
		return this.settings.order();
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		MountTable.Mounted<WebSocketStage> mounted = this.deployments.get().match(request.getURI().getHost(),
				request.getURI().getRawPath());
		if (mounted == null) {
			return chain.filter(exchange);
		}
		String remaining = mounted.remainingPath();
		WebSocketStage stage = mounted.target();
		if (remaining.startsWith(CONNECTIONS) && this.settings.connectionsApi()) {
			String id = URLDecoder.decode(remaining.substring(CONNECTIONS.length()), StandardCharsets.UTF_8);
			return this.endpoint.handle(exchange, stage, id);
		}
		if (!remaining.isEmpty() && !remaining.equals("/")) {
			return chain.filter(exchange);
		}
		if (request.getMethod() != HttpMethod.GET
				|| !"websocket".equalsIgnoreCase(request.getHeaders().getFirst(HttpHeaders.UPGRADE))) {
			return HttpAnswers.json(exchange, 426, "UpgradeRequiredException", "{\"message\":\"Upgrade Required\"}");
		}
		return connect(exchange, stage);
	}

	private Mono<Void> connect(ServerWebExchange exchange, WebSocketStage stage) {
		String connectionId = WebSocketIds.connectionId();
		long now = this.clock.millis();
		Handshake handshake = Handshake.of(exchange.getRequest());
		CompiledRoute route = stage.route(WebSocketRoute.CONNECT);
		return authorize(exchange, stage, route, connectionId).map(Optional::of)
			.defaultIfEmpty(Optional.empty())
			.flatMap((authorization) -> {
				Map<String, Object> authorizer = authorization.map(WebSocketGatewayFilter::authorizerContext)
					.orElse(null);
				WebSocketConnection connection = new WebSocketConnection(connectionId, stage, now, handshake,
						authorizer);
				Mono<Void> apiKey = (route != null && route.route().apiKeyRequired())
						? requireApiKey(connection, authorization.orElse(null)) : Mono.empty();
				return apiKey.then(runConnect(connection, route)).flatMap((result) -> {
					if (!result.successful()) {
						return HttpAnswers.write(exchange, result.status(), null, result.body(), Map.of());
					}
					String protocol = header(result.headers(), "Sec-WebSocket-Protocol");
					return upgrade(exchange, new ConnectionSession(connection, protocol, this));
				});
			})
			.onErrorResume(GatewayResponseException.class, (error) -> HttpAnswers.gatewayResponse(exchange, error))
			.onErrorResume(RouteFailure.class, (error) -> error.timeout()
					? HttpAnswers.json(exchange, 504, "InternalServerErrorException",
							"{\"message\": \"Endpoint request timed out\"}")
					: HttpAnswers.json(exchange, 502, "InternalServerErrorException",
							"{\"message\": \"Internal server error\"}"));
	}

	private Mono<ConnectAuthorizer.ConnectAuthorization> authorize(ServerWebExchange exchange, WebSocketStage stage,
			@Nullable CompiledRoute route, String connectionId) {
		if (route == null || route.route().authorizationType() == AuthorizationType.NONE) {
			return Mono.empty();
		}
		ConnectAuthorizer authorizer = (route.route().authorizationType() == AuthorizationType.AWS_IAM
				&& this.iam != null) ? this.iam : this.authorizer;
		if (authorizer == null) {
			return Mono.error(new GatewayResponseException(GatewayResponseType.AUTHORIZER_CONFIGURATION_ERROR));
		}
		String arn = "arn:aws:execute-api:" + stage.environment().region() + ":" + stage.environment().accountId() + ":"
				+ stage.apiId() + "/" + stage.stageName() + "/" + WebSocketRoute.CONNECT;
		return authorizer.authorize(new ConnectAuthorizer.ConnectRequest(stage.api(), stage.stageName(),
				route.route(), exchange, connectionId, arn));
	}

	private static Map<String, Object> authorizerContext(ConnectAuthorizer.ConnectAuthorization authorization) {
		Map<String, Object> context = new LinkedHashMap<>(authorization.context());
		context.put("principalId", authorization.principalId());
		if (authorization.usageIdentifierKey() != null) {
			context.put("usageIdentifierKey", authorization.usageIdentifierKey());
		}
		return context;
	}

	private Mono<Void> requireApiKey(WebSocketConnection connection,
			ConnectAuthorizer.@Nullable ConnectAuthorization authorization) {
		if (this.apiKeys == null) {
			return Mono.error(new GatewayResponseException(GatewayResponseType.INVALID_API_KEY));
		}
		Map<String, Object> context = WebSocketEvents.requestContext(connection, WebSocketRoute.CONNECT,
				WebSocketEvents.CONNECT, "", null, connection.connectedAt());
		String key = connection.stage().apiKeySelection().evaluate(new MessageSource(connection, null, "", false, context));
		return this.apiKeys.check(connection.stage(), key);
	}

	private Mono<RouteResult> runConnect(WebSocketConnection connection, @Nullable CompiledRoute route) {
		if (route == null || route.integration() == null) {
			return Mono.just(RouteResult.empty());
		}
		String requestId = WebSocketIds.next();
		Map<String, Object> context = WebSocketEvents.requestContext(connection, WebSocketRoute.CONNECT,
				WebSocketEvents.CONNECT, requestId, null, connection.connectedAt());
		Map<String, Object> event = WebSocketEvents.connect(connection, context);
		return this.integrations.invoke(route, event, new MessageSource(connection, null, "", false, context),
				requestId);
	}

	/**
	 * Upgrades the request with Reactor Netty directly (frame limit, sub-protocol), so the
	 * session reads raw frames: Spring's session would aggregate fragments up to the frame
	 * limit, where AWS allows messages four times larger than a frame.
	 */
	private Mono<Void> upgrade(ServerWebExchange exchange, ConnectionSession session) {
		HttpServerResponse response = ServerHttpResponseDecorator.getNativeResponse(exchange.getResponse());
		WebsocketServerSpec.Builder spec = WebsocketServerSpec.builder()
			.maxFramePayloadLength((int) Math.min(Integer.MAX_VALUE,
					Math.max(this.settings.maxFrameSize(), this.settings.maxMessageSize())))
			.handlePing(false);
		if (session.subProtocol() != null) {
			spec.protocols(session.subProtocol());
		}
		WebsocketServerSpec built = spec.build();
		return exchange.getResponse()
			.setComplete()
			.then(Mono.defer(() -> response.sendWebsocket(session::handle, built)));
	}

	/**
	 * A connection was upgraded: makes it known to every instance.
	 * @return completion once the store has it (or failed to record it)
	 */
	Mono<Void> opened(WebSocketConnection connection) {
		return this.connections.register(connection).onErrorResume((error) -> {
			logger.warn("Could not record WebSocket connection " + connection.id()
					+ " in the connection store; other instances cannot reach it: " + error);
			return Mono.empty();
		});
	}

	/**
	 * Routes one message and runs its integration; the route response (two-way routes) or an
	 * error frame goes back to the client.
	 */
	Mono<Void> onMessage(WebSocketConnection connection, ConnectionSession.Message message) {
		long now = this.clock.millis();
		if (connection.touch(now)) {
			this.connections.refresh(connection);
		}
		WebSocketStage stage = connection.stage();
		String requestId = WebSocketIds.next();
		String text = message.text() ? new String(message.data(), StandardCharsets.UTF_8) : null;
		String payload = (text != null) ? text : Base64.getEncoder().encodeToString(message.data());
		Map<String, Object> context = WebSocketEvents.requestContext(connection, WebSocketRoute.DEFAULT,
				WebSocketEvents.MESSAGE, requestId, WebSocketIds.next(), now);
		MessageSource source = new MessageSource(connection, text, payload, !message.text(), context);
		String key = stage.routeSelection().evaluate(source);
		CompiledRoute route = (key != null && !key.equals(WebSocketRoute.CONNECT)
				&& !key.equals(WebSocketRoute.DISCONNECT)) ? stage.route(key) : null;
		if (route == null) {
			route = stage.route(WebSocketRoute.DEFAULT);
		}
		if (route == null) {
			connection.send(error("Forbidden", connection, requestId), now);
			return Mono.empty();
		}
		context.put("routeKey", route.key());
		Map<String, Object> event = WebSocketEvents.message(connection, context, payload, !message.text());
		CompiledRoute selected = route;
		return this.integrations.invoke(route, event, source, requestId).doOnNext((result) -> {
			if (selected.route().twoWay() && result.body() != null) {
				connection.send(result.body(), this.clock.millis());
			}
		}).onErrorResume((error) -> {
			connection.send(error("Internal server error", connection, requestId), this.clock.millis());
			return Mono.empty();
		}).then();
	}

	/**
	 * A connection ended: forget it everywhere and run {@code $disconnect}, best effort.
	 */
	void closed(WebSocketConnection connection) {
		connection.ended();
		connection.closed(1006, "Connection lost");
		this.connections.unregister(connection);
		CompiledRoute route = connection.stage().route(WebSocketRoute.DISCONNECT);
		if (route == null || route.integration() == null) {
			return;
		}
		String requestId = WebSocketIds.next();
		Map<String, Object> context = WebSocketEvents.requestContext(connection, WebSocketRoute.DISCONNECT,
				WebSocketEvents.DISCONNECT, requestId, null, this.clock.millis());
		Map<String, Object> event = WebSocketEvents.disconnect(connection, context);
		this.integrations.invoke(route, event, new MessageSource(connection, null, "", false, context), requestId)
			.subscribe(null, (error) -> logger.debug("$disconnect of " + connection.id() + " failed: " + error));
	}

	private static byte[] error(String message, WebSocketConnection connection, String requestId) {
		return WebSocketEvents.errorFrame(message, connection.id(), requestId).getBytes(StandardCharsets.UTF_8);
	}

	private static @Nullable String header(Map<String, String> headers, String name) {
		for (Map.Entry<String, String> header : headers.entrySet()) {
			if (header.getKey().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
				return header.getValue();
			}
		}
		return null;
	}

	long idleTimeoutNanos() {
		return this.settings.idleTimeout().toNanos();
	}

	long maxConnectionNanos() {
		return this.settings.maxConnectionDuration().toNanos();
	}

	int maxFrameSize() {
		return this.settings.maxFrameSize();
	}

	long maxMessageSize() {
		return this.settings.maxMessageSize();
	}

}
