package dev.apigw.server;

import dev.apigw.test.GatewayTestApplication;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests the server refuses before any handler sees them (RFC 9112's Host rules, request
 * lines and headers the decoder cannot parse or that are too long), inside API mounts and
 * outside: the answer is JSON in the gateway responses' shape, and the connection closes.
 */
@SpringBootTest(classes = GatewayTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("server")
class MalformedRequestGatewayTests {

	static final String BAD_REQUEST = "HTTP/1.1 400 Bad Request\r\ncontent-type: application/json\r\n"
			+ "content-length: 25\r\nconnection: close\r\n\r\n{\"message\":\"Bad Request\"}";

	@LocalServerPort
	private int port;

	@Test
	void http11RequestWithoutHostIs400() throws Exception {
		assertThat(exchange("GET /shop/test/hello HTTP/1.1\r\nConnection: close\r\n\r\n")).isEqualTo(BAD_REQUEST);
		// outside every API mount too: the application's own handlers never see it
		assertThat(exchange("GET /actuator/health HTTP/1.1\r\nConnection: close\r\n\r\n")).isEqualTo(BAD_REQUEST);
	}

	@Test
	void requestWithTwoHostHeadersIs400() throws Exception {
		assertThat(exchange("GET /shop/test/hello HTTP/1.1\r\nHost: localhost\r\nHost: evil.example\r\n\r\n"))
			.isEqualTo(BAD_REQUEST);
		assertThat(exchange("GET /shop/test/hello HTTP/1.0\r\nHost: localhost\r\nHost: evil.example\r\n\r\n"))
			.isEqualTo(BAD_REQUEST);
	}

	@Test
	void hostThatCannotBeAnAuthorityIs400() throws Exception {
		assertThat(exchange("GET /shop/test/hello HTTP/1.1\r\nHost: evil.example/admin?\r\n\r\n")).isEqualTo(BAD_REQUEST);
		assertThat(exchange("GET /shop/test/hello HTTP/1.1\r\nHost: user@evil.example\r\n\r\n")).isEqualTo(BAD_REQUEST);
	}

	@Test
	void validHostsAreServed() throws Exception {
		for (String host : new String[] { "localhost", "api.example.com:8443", "127.0.0.1", "[::1]:80" }) {
			assertThat(exchange("GET /shop/test/hello HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n"))
				.as(host)
				.startsWith("HTTP/1.1 200 OK\r\n");
		}
	}

	@Test
	void http10RequestWithoutHostIsServed() throws Exception {
		assertThat(exchange("GET /shop/test/hello HTTP/1.0\r\n\r\n")).startsWith("HTTP/1.0 200 OK\r\n")
			.endsWith("{\"hello\": \"world\"}");
	}

	@Test
	void overlongRequestLineIs414() throws Exception {
		assertThat(exchange("GET /shop/test/" + "a".repeat(5000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n"))
			.isEqualTo("HTTP/1.1 414 URI Too Long\r\ncontent-type: application/json\r\ncontent-length: 26\r\n"
					+ "connection: close\r\n\r\n{\"message\":\"URI Too Long\"}");
	}

	@Test
	void overlongHeadersAre431() throws Exception {
		assertThat(exchange("GET /shop/test/hello HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "b".repeat(10_000)
				+ "\r\n\r\n"))
			.isEqualTo("HTTP/1.1 431 Request Header Fields Too Large\r\ncontent-type: application/json\r\n"
					+ "content-length: 45\r\nconnection: close\r\n\r\n{\"message\":\"Request Header Fields Too Large\"}");
	}

	@Test
	void unparsableRequestLineAndHeaderAre400() throws Exception {
		assertThat(exchange("GARBAGE\r\n\r\n")).isEqualTo(BAD_REQUEST);
		assertThat(exchange("GET /shop/test/hello HTTP/1.1\r\nHost: localhost\r\nBad Header: x\r\n\r\n"))
			.isEqualTo(BAD_REQUEST);
	}

	@Test
	void badRequestPipelinedBehindAGoodOneIsAnsweredAfterIt() throws Exception {
		String answers = exchange("GET /shop/test/hello HTTP/1.1\r\nHost: localhost\r\n\r\n"
				+ "GET /shop/test/hello HTTP/1.1\r\n\r\n");
		assertThat(answers).startsWith("HTTP/1.1 200 OK\r\n").endsWith("{\"hello\": \"world\"}" + BAD_REQUEST);
	}

	private String exchange(String request) throws Exception {
		try (RawConnection connection = RawConnection.open(this.port)) {
			connection.send(request);
			return connection.readUntilClosed();
		}
	}

}
