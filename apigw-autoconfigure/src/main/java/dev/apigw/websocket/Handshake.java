package dev.apigw.websocket;

import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * What a connection keeps of its opening handshake: the headers and query parameters
 * ({@code $connect} and {@code $disconnect} events, selection expressions), the client's
 * address and User-Agent ({@code identity}) and the host ({@code domainName}).
 *
 * @param headers header name (as sent) to values
 * @param query query parameter name to values (decoded)
 * @param sourceIp the client's address
 * @param userAgent the client's User-Agent
 * @param domainName the Host the client connected to (without port)
 */
record Handshake(Map<String, List<String>> headers, Map<String, List<String>> query, @Nullable String sourceIp,
		@Nullable String userAgent, @Nullable String domainName) {

	static Handshake of(ServerHttpRequest request) {
		Map<String, List<String>> headers = new LinkedHashMap<>();
		request.getHeaders().forEach((name, values) -> headers.put(name, List.copyOf(values)));
		Map<String, List<String>> query = new LinkedHashMap<>();
		request.getQueryParams().forEach((name, values) -> query.put(name, List.copyOf(values)));
		InetSocketAddress remote = request.getRemoteAddress();
		String sourceIp = (remote != null && remote.getAddress() != null) ? remote.getAddress().getHostAddress() : null;
		return new Handshake(headers, query, sourceIp, request.getHeaders().getFirst(HttpHeaders.USER_AGENT),
				request.getURI().getHost());
	}

	/**
	 * A header's last value.
	 * @param lowerCaseName the name in lower case
	 * @return the value, or {@code null}
	 */
	@Nullable String header(String lowerCaseName) {
		for (Map.Entry<String, List<String>> header : this.headers.entrySet()) {
			if (header.getKey().toLowerCase(Locale.ROOT).equals(lowerCaseName) && !header.getValue().isEmpty()) {
				return header.getValue().get(header.getValue().size() - 1);
			}
		}
		return null;
	}

	/**
	 * A query parameter's last value.
	 * @param name the name
	 * @return the value, or {@code null}
	 */
	@Nullable String query(String name) {
		List<String> values = this.query.get(name);
		return (values != null && !values.isEmpty()) ? values.get(values.size() - 1) : null;
	}

}
