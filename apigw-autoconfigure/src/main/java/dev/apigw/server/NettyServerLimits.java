package dev.apigw.server;

import java.net.SocketAddress;
import java.time.Duration;

import io.netty.channel.Channel;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.netty.ConnectionObserver;
import reactor.netty.http.server.HttpServer;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;

/**
 * Sets the starter's limits on Spring Boot's Reactor Netty server: the idle timeout of
 * keep-alive connections (unless the application sets its own), the optional cap on the
 * connections of one client address, and on every HTTP/1.1 connection a guard with the
 * header deadline, the {@code Host} rules and JSON answers to unparsable requests.
 */
public final class NettyServerLimits implements NettyServerCustomizer {

	private static final Log logger = LogFactory.getLog(NettyServerLimits.class);

	private final long headerTimeoutNanos;

	private final @Nullable Duration idleTimeout;

	private final @Nullable ConnectionsPerAddress connections;

	private volatile boolean unguardedReported;

	/**
	 * Creates the customizer.
	 * @param headerTimeout the time a client has to send a request's line and headers; zero
	 * for no deadline
	 * @param idleTimeout the idle timeout of keep-alive connections to set, {@code null} (or
	 * zero) to leave Reactor Netty's as it is
	 * @param maxConnectionsPerAddress the most connections one client address may hold open,
	 * 0 for no limit
	 */
	public NettyServerLimits(Duration headerTimeout, @Nullable Duration idleTimeout, int maxConnectionsPerAddress) {
		this.headerTimeoutNanos = headerTimeout.toNanos();
		this.idleTimeout = (idleTimeout != null && !idleTimeout.isZero()) ? idleTimeout : null;
		this.connections = (maxConnectionsPerAddress > 0) ? new ConnectionsPerAddress(maxConnectionsPerAddress) : null;
	}

	@Override
	public HttpServer apply(HttpServer server) {
		HttpServer limited = (this.idleTimeout != null) ? server.idleTimeout(this.idleTimeout) : server;
		return limited.doOnChannelInit(this::initialize);
	}

	private void initialize(ConnectionObserver observer, Channel channel, @Nullable SocketAddress remoteAddress) {
		if (this.connections != null && !this.connections.admit(channel, remoteAddress)) {
			return;
		}
		if (!RequestGuard.install(channel.pipeline(), this.headerTimeoutNanos) && !this.unguardedReported) {
			this.unguardedReported = true;
			logger.info("Connections that choose HTTP/2 during the TLS handshake get no header deadline, Host "
					+ "checks or JSON answers to malformed requests (apigw.server.*); Reactor Netty's HTTP/2 "
					+ "limits apply to them");
		}
	}

}
