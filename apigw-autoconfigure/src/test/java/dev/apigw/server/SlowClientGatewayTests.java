package dev.apigw.server;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.apigw.test.GatewayTestApplication;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Slow and idle clients against real Netty: a short header deadline and idle timeout are
 * configured, and each test blocks on its socket until the server closes it.
 */
@SpringBootTest(classes = GatewayTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "apigw.server.header-timeout=300ms", "apigw.server.idle-timeout=1s" })
@ActiveProfiles("server")
class SlowClientGatewayTests {

	private static final String HELLO = "GET /shop/test/hello HTTP/1.1\r\nHost: localhost\r\n";

	static final String TIMEOUT_ANSWER = "HTTP/1.1 408 Request Timeout\r\ncontent-type: application/json\r\n"
			+ "content-length: 29\r\nconnection: close\r\n\r\n{\"message\":\"Request Timeout\"}";

	@LocalServerPort
	private int port;

	@Test
	void clientsTricklingHeadersAreAnswered408AndClosedWhileOthersAreServed() throws Exception {
		List<RawConnection> slow = new ArrayList<>();
		ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
		try {
			for (int i = 0; i < 20; i++) {
				RawConnection connection = RawConnection.open(this.port);
				connection.send(HELLO);
				slow.add(connection);
			}
			// a header line every 50 ms: the connections are never idle, only the deadline can end them
			trickle.scheduleAtFixedRate(() -> slow.forEach((connection) -> connection.trySend("X-Slow: 1\r\n")), 50,
					50, TimeUnit.MILLISECONDS);
			assertThat(hello()).startsWith("HTTP/1.1 200 OK\r\n").endsWith("{\"hello\": \"world\"}");
			for (RawConnection connection : slow) {
				assertThat(connection.readUntilClosed()).isEqualTo(TIMEOUT_ANSWER);
			}
			assertThat(hello()).startsWith("HTTP/1.1 200 OK\r\n").endsWith("{\"hello\": \"world\"}");
		}
		finally {
			trickle.shutdownNow();
			for (RawConnection connection : slow) {
				connection.close();
			}
		}
	}

	@Test
	void eachRequestOfAKeepAliveConnectionHasItsOwnDeadline() throws Exception {
		try (RawConnection connection = RawConnection.open(this.port)) {
			connection.send(HELLO + "\r\n");
			assertThat(connection.readResponse()).startsWith("HTTP/1.1 200 OK\r\n").endsWith("{\"hello\": \"world\"}");
			connection.send(HELLO + "\r\n");
			assertThat(connection.readResponse()).startsWith("HTTP/1.1 200 OK\r\n");
			connection.send("GET /shop/test/hello HTTP/1.1\r\nHo");
			assertThat(connection.readUntilClosed()).isEqualTo(TIMEOUT_ANSWER);
		}
	}

	@Test
	void connectionThatSendsNothingIsClosedWithoutAnswer() throws Exception {
		try (RawConnection connection = RawConnection.open(this.port)) {
			assertThat(connection.readUntilClosed()).isEmpty();
		}
	}

	@Test
	void idleKeepAliveConnectionIsClosedWithoutAnswer() throws Exception {
		try (RawConnection connection = RawConnection.open(this.port)) {
			connection.send(HELLO + "\r\n");
			assertThat(connection.readResponse()).startsWith("HTTP/1.1 200 OK\r\n");
			assertThat(connection.readUntilClosed()).isEmpty();
		}
	}

	@Test
	void slowBodyIsNotCutByTheHeaderDeadline() throws Exception {
		try (RawConnection connection = RawConnection.open(this.port)) {
			connection.send("POST /shop/test/templated HTTP/1.1\r\nHost: localhost\r\n"
					+ "Content-Type: application/json\r\nContent-Length: 7\r\n\r\n{\"a\"");
			// the headers are complete: the rest of the body may take longer than the header deadline
			ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor();
			try {
				later.schedule(() -> connection.trySend(":1}"), 600, TimeUnit.MILLISECONDS);
				// the template needs the whole body; the stage's backend is unreachable
				assertThat(connection.readResponse()).startsWith("HTTP/1.1 504 Gateway Timeout\r\n")
					.endsWith("{\"message\": \"Internal server error\"}");
			}
			finally {
				later.shutdownNow();
			}
		}
	}

	private String hello() throws Exception {
		try (RawConnection connection = RawConnection.open(this.port)) {
			connection.send(HELLO + "Connection: close\r\n\r\n");
			return connection.readUntilClosed();
		}
	}

}
