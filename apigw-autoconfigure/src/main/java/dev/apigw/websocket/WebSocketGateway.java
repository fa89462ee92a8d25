package dev.apigw.websocket;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;

import dev.apigw.auth.ApiKeyRepository;
import dev.apigw.integration.lambda.LambdaInvoker;
import dev.apigw.store.ConnectionStore;
import dev.apigw.template.RenderOffload;
import dev.apigw.template.TemplateRenderer;
import dev.apigw.throttle.UsagePlans;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.Ordered;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * The WebSocket side of the gateway, as one web filter: terminates client WebSockets at
 * the mounts of WebSocket APIs, routes their messages, and serves {@code @connections};
 * its {@link #connections()} reach any connection from the application's own code. On
 * start it listens for the commands other instances send for its connections.
 */
public final class WebSocketGateway implements WebFilter, Ordered, InitializingBean, SmartLifecycle {

	private static final Log logger = LogFactory.getLog(WebSocketGateway.class);

	private final WebSocketGatewayFilter filter;

	private final WebSocketConnections connections;

	private final ConnectionStore store;

	private final boolean empty;

	private volatile boolean running;

	private WebSocketGateway(WebSocketGatewayFilter filter, WebSocketConnections connections, ConnectionStore store,
			boolean empty) {
		this.filter = filter;
		this.connections = connections;
		this.store = store;
		this.empty = empty;
	}

	/**
	 * Starts a builder.
	 * @param deployments the deployed WebSocket APIs as they are now (read on every
	 * handshake: a deployment, rollback or change made on another instance applies to the
	 * next connection)
	 * @param store where connections are known to every instance
	 * @param clock the clock
	 * @return a builder
	 */
	public static Builder builder(Supplier<WebSocketDeployments> deployments, ConnectionStore store, Clock clock) {
		return new Builder(deployments, store, clock);
	}

	/**
	 * The management API of the connections of every instance.
	 * @return the connections
	 */
	public WebSocketConnections connections() {
		return this.connections;
	}

	@Override
	public int getOrder() {
		return this.filter.getOrder();
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return this.empty ? chain.filter(exchange) : this.filter.filter(exchange, chain);
	}

	@Override
	public void afterPropertiesSet() {
		if (this.empty) {
			return;
		}
		try {
			this.store.receive(this.connections.instanceId(), this.connections::accept).block(Duration.ofSeconds(10));
		}
		catch (RuntimeException ex) {
			logger.warn("apigw WebSocket connections of this instance cannot be reached from other instances: "
					+ "listening on the connection store failed: " + ex);
		}
	}

	@Override
	public void start() {
		this.running = true;
	}

	/**
	 * Closes this instance's connections with 1001 before the web server shuts down, which
	 * would otherwise wait for them as for requests in progress.
	 */
	@Override
	public void stop() {
		this.running = false;
		for (WebSocketConnection connection : this.connections.localConnections()) {
			connection.close(ConnectionSession.GOING_AWAY, "Going away");
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		// stops before the web server's graceful shutdown (SmartLifecycle.DEFAULT_PHASE - 1024)
		return SmartLifecycle.DEFAULT_PHASE;
	}

	/**
	 * Builds a {@link WebSocketGateway}.
	 */
	public static final class Builder {

		private final Supplier<WebSocketDeployments> deployments;

		private final ConnectionStore store;

		private final Clock clock;

		private int order;

		private int maxFrameSize = 32 * 1024;

		private long maxMessageSize = 128 * 1024;

		private Duration idleTimeout = Duration.ofMinutes(10);

		private Duration maxConnectionDuration = Duration.ofHours(2);

		private boolean connectionsApi = true;

		private @Nullable LambdaInvoker lambda;

		private @Nullable WebClient webClient;

		private @Nullable TemplateRenderer templates;

		private @Nullable ConnectAuthorizer authorizer;

		private @Nullable ConnectionsAccessCheck accessCheck;

		private @Nullable IamWebSocketAccess iam;

		private @Nullable ConnectApiKeys apiKeys;

		private Builder(Supplier<WebSocketDeployments> deployments, ConnectionStore store, Clock clock) {
			this.deployments = deployments;
			this.store = store;
			this.clock = clock;
		}

		public Builder order(int order) {
			this.order = order;
			return this;
		}

		public Builder maxFrameSize(int maxFrameSize) {
			this.maxFrameSize = maxFrameSize;
			return this;
		}

		public Builder maxMessageSize(long maxMessageSize) {
			this.maxMessageSize = maxMessageSize;
			return this;
		}

		public Builder idleTimeout(Duration idleTimeout) {
			this.idleTimeout = idleTimeout;
			return this;
		}

		public Builder maxConnectionDuration(Duration maxConnectionDuration) {
			this.maxConnectionDuration = maxConnectionDuration;
			return this;
		}

		public Builder connectionsApi(boolean connectionsApi) {
			this.connectionsApi = connectionsApi;
			return this;
		}

		public Builder lambda(@Nullable LambdaInvoker lambda) {
			this.lambda = lambda;
			return this;
		}

		public Builder webClient(WebClient webClient) {
			this.webClient = webClient;
			return this;
		}

		/**
		 * Sets what renders the routes' mapping templates, keeping expensive renders off the
		 * event loops; without one the gateway renders with {@link RenderOffload#defaults()}.
		 * @param templates the renderer
		 * @return this builder
		 */
		public Builder templateRenderer(TemplateRenderer templates) {
			this.templates = templates;
			return this;
		}

		public Builder authorizer(@Nullable ConnectAuthorizer authorizer) {
			this.authorizer = authorizer;
			return this;
		}

		public Builder accessCheck(@Nullable ConnectionsAccessCheck accessCheck) {
			this.accessCheck = accessCheck;
			return this;
		}

		/**
		 * IAM: signs {@code @connections} calls (unless another access check is set) and the
		 * handshakes of {@code AWS_IAM} {@code $connect} routes.
		 * @param iam the IAM rules, {@code null} without IAM credentials
		 * @return this builder
		 */
		public Builder iam(@Nullable IamWebSocketAccess iam) {
			this.iam = iam;
			return this;
		}

		/**
		 * Enables API keys on {@code $connect}.
		 * @param keys where keys are looked up, {@code null} when API keys are not configured
		 * @param plans the usage plans, looked up on first use
		 * @return this builder
		 */
		public Builder apiKeys(@Nullable ApiKeyRepository keys, Supplier<@Nullable UsagePlans> plans) {
			this.apiKeys = (keys != null) ? new ConnectApiKeys(keys, plans) : null;
			return this;
		}

		public WebSocketGateway build() {
			String instanceId = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
			WebSocketConnections connections = new WebSocketConnections(this.store, instanceId, this.maxMessageSize,
					this.idleTimeout.plusSeconds(10), this.clock);
			WebClient client = (this.webClient != null) ? this.webClient : WebClient.create();
			WebSocketGatewayFilter filter = new WebSocketGatewayFilter(this.deployments, connections,
					new RouteIntegrations(this.lambda, client,
							(this.templates != null) ? this.templates : new TemplateRenderer(RenderOffload.defaults())),
					this.clock,
					new WebSocketGatewayFilter.Settings(this.order, this.maxFrameSize, this.maxMessageSize,
							this.idleTimeout, this.maxConnectionDuration, this.connectionsApi),
					this.authorizer, this.iam, this.apiKeys, (this.accessCheck != null) ? this.accessCheck : this.iam);
			return new WebSocketGateway(filter, connections, this.store, this.deployments.get().stages().isEmpty());
		}

	}

}
