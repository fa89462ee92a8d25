package dev.apigw.server;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits the starter sets on the HTTP server ("apigw.server") so that slow or idle clients
 * cannot hold its connections: how long a client may take to send a request's headers, how
 * long a keep-alive connection may stay idle, and how many connections one client address
 * may hold. Spring Boot's own {@code server.netty.*} settings win where both apply.
 */
@ConfigurationProperties("apigw.server")
public class ServerLimitsProperties {

	/**
	 * Time a client has to send a request line and all its headers: for the first request of a connection counted from the accept (a TLS handshake included), for each further request on a keep-alive connection from that request's first byte. A connection past it is answered 408 (when part of a request arrived) and closed. 0 turns the deadline off.
	 */
	private Duration headerTimeout = Duration.ofSeconds(10);

	/**
	 * Time a keep-alive connection may stay idle between requests before the server closes it. Applied only when server.netty.idle-timeout is not set, which then wins. Longer than the 60 s idle timeout of common load balancers (AWS ALB), so that they close first. 0 turns it off.
	 */
	private Duration idleTimeout = Duration.ofSeconds(75);

	/**
	 * Most connections one client address (the TCP peer) may hold open at once; further connections are closed as soon as they are accepted. 0 turns the limit off. Keep it off behind a load balancer or proxy: all connections then come from its addresses.
	 */
	private int maxConnectionsPerAddress;

	public Duration getHeaderTimeout() {
		return this.headerTimeout;
	}

	public void setHeaderTimeout(Duration headerTimeout) {
		this.headerTimeout = notNegative("header-timeout", headerTimeout);
	}

	public Duration getIdleTimeout() {
		return this.idleTimeout;
	}

	public void setIdleTimeout(Duration idleTimeout) {
		this.idleTimeout = notNegative("idle-timeout", idleTimeout);
	}

	public int getMaxConnectionsPerAddress() {
		return this.maxConnectionsPerAddress;
	}

	public void setMaxConnectionsPerAddress(int maxConnectionsPerAddress) {
		if (maxConnectionsPerAddress < 0) {
			throw new IllegalArgumentException("apigw.server.max-connections-per-address must be 0 (off) or more, was "
					+ maxConnectionsPerAddress);
		}
		this.maxConnectionsPerAddress = maxConnectionsPerAddress;
	}

	private static Duration notNegative(String key, Duration value) {
		if (value.isNegative()) {
			throw new IllegalArgumentException("apigw.server." + key + " must be 0 (off) or more, was " + value);
		}
		return value;
	}

}
