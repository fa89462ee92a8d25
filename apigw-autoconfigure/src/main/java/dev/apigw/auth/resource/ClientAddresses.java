package dev.apigw.auth.resource;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

import dev.apigw.auth.policy.Cidr;
import dev.apigw.routing.ApiInvocation;
import org.jspecify.annotations.Nullable;

import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * The client address of a request ({@code $context.identity.sourceIp},
 * {@code aws:SourceIp}): the connection's peer, unless that peer is a trusted proxy, in
 * which case {@code X-Forwarded-For} is read from the right, skipping trusted proxies, and
 * the first address that is not one is the client. {@code X-Forwarded-For} sent by anyone
 * else is ignored, so a caller cannot claim another address.
 */
public final class ClientAddresses {

	/** The identity key the resolved address is recorded under. */
	public static final String SOURCE_IP = "sourceIp";

	private static final String X_FORWARDED_FOR = "X-Forwarded-For";

	private final List<Cidr> trustedProxies;

	/**
	 * Creates the resolver.
	 * @param trustedProxies the proxies whose {@code X-Forwarded-For} is believed
	 */
	public ClientAddresses(List<Cidr> trustedProxies) {
		this.trustedProxies = List.copyOf(trustedProxies);
	}

	/**
	 * Whether any proxy is trusted.
	 * @return {@code true} when {@code X-Forwarded-For} can matter
	 */
	public boolean trustsProxies() {
		return !this.trustedProxies.isEmpty();
	}

	/**
	 * The client address of a request.
	 * @param request the request
	 * @return the address, {@code null} when the connection's peer is unknown
	 */
	public @Nullable String resolve(ServerHttpRequest request) {
		InetSocketAddress remote = request.getRemoteAddress();
		String peer = (remote != null && remote.getAddress() != null) ? remote.getAddress().getHostAddress() : null;
		if (peer == null || !trusted(peer)) {
			return peer;
		}
		List<String> forwarded = new ArrayList<>();
		for (String header : request.getHeaders().getOrEmpty(X_FORWARDED_FOR)) {
			for (String part : header.split(",")) {
				if (!part.isBlank()) {
					forwarded.add(part.trim());
				}
			}
		}
		String client = peer;
		for (int i = forwarded.size() - 1; i >= 0; i--) {
			client = forwarded.get(i);
			if (!trusted(client)) {
				break;
			}
		}
		return client;
	}

	private boolean trusted(String address) {
		for (Cidr proxy : this.trustedProxies) {
			if (proxy.contains(address)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The client address recorded for an invocation: the one resolved through trusted
	 * proxies, else the connection's peer.
	 * @param invocation the invocation
	 * @return the address, possibly {@code null}
	 */
	public static @Nullable String sourceIp(ApiInvocation invocation) {
		return (invocation.identity().get(SOURCE_IP) instanceof String address) ? address : invocation.sourceIp();
	}

}
