package dev.apigw.websocket;

import java.net.http.WebSocketHandshakeException;
import java.util.Map;

import dev.apigw.model.GatewayResponseType;
import dev.apigw.response.GatewayResponseException;
import dev.apigw.test.GatewayTestApplication;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code $connect} authorization: a {@link ConnectAuthorizer} bean refuses or accepts the
 * handshake (its principal and context reach every message as
 * {@code $context.authorizer}), and an API key in a usage plan of the stage is required.
 */
@SpringBootTest(classes = GatewayTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("websocket-auth")
@Import(WebSocketAuthorizationTests.Authorizer.class)
class WebSocketAuthorizationTests {

	private static final String KEY = "player-key-0123456789abcdef";

	@LocalServerPort
	int port;

	private String url() {
		return "ws://127.0.0.1:" + this.port + "/secure/prod";
	}

	@Test
	void handshakeWithoutTokenIsUnauthorized() {
		assertThat(refusal(Map.of("x-api-key", KEY))).isEqualTo(401);
	}

	@Test
	void handshakeWithoutKeyIsForbidden() {
		assertThat(refusal(Map.of("Authorization", "allow"))).isEqualTo(403);
		assertThat(refusal(Map.of("Authorization", "allow", "x-api-key", "unknown-key-0123456789abcdef")))
			.isEqualTo(403);
	}

	@Test
	void authorizedHandshakeCarriesTheAuthorizerContextToEveryMessage() {
		try (WsClient client = WsClient.connect(url(), Map.of("Authorization", "allow", "x-api-key", KEY))) {
			assertThat(client.send("hello").next()).isEqualTo("user-1 gold");
		}
	}

	private int refusal(Map<String, String> headers) {
		Throwable error = org.assertj.core.api.Assertions.catchThrowable(() -> WsClient.connect(url(), headers));
		assertThat(error).isNotNull();
		assertThat(error.getCause()).isInstanceOf(WebSocketHandshakeException.class);
		return ((WebSocketHandshakeException) error.getCause()).getResponse().statusCode();
	}

	@Configuration(proxyBeanMethods = false)
	static class Authorizer {

		@Bean
		ConnectAuthorizer tokenAuthorizer() {
			return (request) -> {
				String token = request.exchange().getRequest().getHeaders().getFirst("Authorization");
				if (!"allow".equals(token) || !"tokens".equals(request.route().authorizerId())) {
					return Mono.error(new GatewayResponseException(GatewayResponseType.UNAUTHORIZED));
				}
				return Mono.just(new ConnectAuthorizer.ConnectAuthorization("user-1", Map.of("tier", "gold"), null));
			};
		}

	}

}
