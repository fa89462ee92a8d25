package dev.apigw.auth;

import java.net.InetSocketAddress;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import reactor.netty.http.client.HttpClient;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Resource policies with {@code aws:SourceIp} conditions, from real client addresses on the
 * loopback network (127.0.0.0/8), with and without a trusted proxy (127.0.0.2 is one).
 */
class ResourcePolicyTests extends SecurityGatewayTest {

	private static final String ARN = "arn:aws:execute-api:us-east-1:123456789012:guarded/dev/GET/private";

	@LocalServerPort
	private int port;

	@Test
	void callerInsideTheAllowedBlockIsServed() {
		Response response = call("127.0.0.1", "/guarded/dev/private", null);
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("{\"sourceIp\":\"127.0.0.1\"}");
	}

	@Test
	void callerMatchingADenyIsRefusedWithAnExplicitDeny() {
		Response response = call("127.0.0.3", "/guarded/dev/private", null);
		assertThat(response.status()).isEqualTo(403);
		assertThat(response.errorType()).isEqualTo("AccessDeniedException");
		assertThat(response.body()).isEqualTo("{\"Message\":\"User: anonymous is not authorized to perform: "
				+ "execute-api:Invoke on resource: " + ARN + " with an explicit deny\"}");
	}

	@Test
	void callerOutsideEveryAllowIsRefusedImplicitly() {
		Response response = call("127.0.0.4", "/guarded/dev/private", null);
		assertThat(response.status()).isEqualTo(403);
		assertThat(response.body()).isEqualTo("{\"Message\":\"User: anonymous is not authorized to perform: "
				+ "execute-api:Invoke on resource: " + ARN + "\"}");
		assertThat(call("127.0.0.4", "/guarded/dev/open", null).status()).isEqualTo(200);
	}

	@Test
	void forwardedForFromAnUntrustedPeerIsIgnored() {
		Response spoofed = call("127.0.0.4", "/guarded/dev/private", "127.0.0.1");
		assertThat(spoofed.status()).isEqualTo(403);
		Response allowed = call("127.0.0.1", "/guarded/dev/private", "192.0.2.10");
		assertThat(allowed.status()).isEqualTo(200);
		assertThat(allowed.body()).isEqualTo("{\"sourceIp\":\"127.0.0.1\"}");
	}

	@Test
	void forwardedForFromATrustedProxyNamesTheClient() {
		Response outside = call("127.0.0.2", "/guarded/dev/private", "192.0.2.10");
		assertThat(outside.status()).isEqualTo(403);
		assertThat(outside.body()).doesNotContain("explicit deny");
		Response denied = call("127.0.0.2", "/guarded/dev/private", "127.0.0.3");
		assertThat(denied.status()).isEqualTo(403);
		assertThat(denied.body()).endsWith(" with an explicit deny\"}");
		Response inside = call("127.0.0.2", "/guarded/dev/private", "192.0.2.99, 127.0.0.1");
		assertThat(inside.status()).isEqualTo(200);
		assertThat(inside.body()).isEqualTo("{\"sourceIp\":\"127.0.0.1\"}");
		Response throughTwoProxies = call("127.0.0.2", "/guarded/dev/open", "192.0.2.7, 127.0.0.2");
		assertThat(throughTwoProxies.body()).isEqualTo("{\"sourceIp\":\"192.0.2.7\"}");
	}

	@Test
	void anAuthorizerCanAllowWhatTheResourcePolicyDoesNotMention() {
		Response response = call("127.0.0.4", "/guarded/dev/authorized", null, "allow-outsider");
		assertThat(response.status()).isEqualTo(200);
		assertThat(call("127.0.0.4", "/guarded/dev/authorized", null, "deny-outsider").status()).isEqualTo(403);
	}

	private Response call(String from, String path, String forwardedFor) {
		return call(from, path, forwardedFor, null);
	}

	private Response call(String from, String path, String forwardedFor, String token) {
		return HttpClient.create()
			.bindAddress(() -> new InetSocketAddress(from, 0))
			.headers((headers) -> {
				if (forwardedFor != null) {
					headers.set("X-Forwarded-For", forwardedFor);
				}
				if (token != null) {
					headers.set("Authorization", token);
				}
			})
			.get()
			.uri("http://127.0.0.1:" + this.port + path)
			.responseSingle((response, body) -> body.asString()
				.defaultIfEmpty("")
				.map((text) -> new Response(response.status().code(),
						response.responseHeaders().get("x-amzn-ErrorType"), text)))
			.block(Duration.ofSeconds(10));
	}

	record Response(int status, String errorType, String body) {

	}

}
