package dev.apigw.server;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import dev.apigw.test.GatewayTestApplication;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cap on one client address's connections, turned on: connections beyond it are closed
 * as soon as they are accepted (long before the ten-second header deadline), and a closed
 * connection, whoever closed it, frees its place. The server notices a close asynchronously,
 * so a freed place is awaited.
 */
@SpringBootTest(classes = GatewayTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "apigw.server.max-connections-per-address=2")
@ActiveProfiles("server")
class ConnectionsPerAddressGatewayTests {

	private static final String HELLO = "GET /shop/test/hello HTTP/1.1\r\nHost: localhost\r\n\r\n";

	@LocalServerPort
	private int port;

	@Test
	void connectionsBeyondTheCapAreClosedAtAcceptUntilOneCloses() throws Exception {
		try (RawConnection first = served(); RawConnection second = served()) {
			try (RawConnection third = RawConnection.open(this.port)) {
				assertThat(third.readUntilClosed()).isEmpty();
			}
			second.send(HELLO);
			assertThat(second.readResponse()).startsWith("HTTP/1.1 200 OK\r\n");
			first.close();
			// the closed connection's place is free again: one more is served
			served().close();
		}
	}

	@Test
	void connectionTheServerClosesFreesItsPlace() throws Exception {
		try (RawConnection first = served(); RawConnection second = served()) {
			first.send("GET /shop/test/hello HTTP/1.1\r\n\r\n");
			assertThat(first.readUntilClosed()).isEqualTo(MalformedRequestGatewayTests.BAD_REQUEST);
			served().close();
		}
	}

	/**
	 * A connection that is served, so certainly counted (accepts are initialised concurrently),
	 * once the places of the connections closed before are free again.
	 */
	private RawConnection served() {
		AtomicReference<RawConnection> served = new AtomicReference<>();
		Awaitility.await().atMost(Duration.ofSeconds(5)).ignoreExceptions().untilAsserted(() -> {
			RawConnection connection = RawConnection.open(this.port);
			try {
				connection.send(HELLO);
				assertThat(connection.readResponse()).startsWith("HTTP/1.1 200 OK\r\n");
				served.set(connection);
			}
			finally {
				if (served.get() == null) {
					connection.close();
				}
			}
		});
		return served.get();
	}

}
