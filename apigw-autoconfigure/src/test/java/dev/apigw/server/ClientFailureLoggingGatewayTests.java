package dev.apigw.server;

import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import dev.apigw.pipeline.FilterOrders;
import dev.apigw.test.GatewayTestApplication;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Client-caused failures of requests inside an API mount, an HTTP_PROXY route and an HTTP
 * route with a request template: a malformed chunk, a reset and a close in the middle of the
 * body. None reaches the backend as a whole request, none is logged above DEBUG or with a
 * stack trace, and the server goes on serving. A failure of the gateway itself still is an
 * ERROR with its stack trace. Each case waits for the gateway to finish the request (its
 * {@code apigw.requests} timer) before reading the log.
 */
@SpringBootTest(classes = GatewayTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("server")
@ExtendWith(OutputCaptureExtension.class)
@Import(ClientFailureLoggingGatewayTests.FailingFilter.class)
class ClientFailureLoggingGatewayTests {

	private static final List<String> uploads = new CopyOnWriteArrayList<>();

	private static final DisposableServer backend = HttpServer.create()
		.host("127.0.0.1")
		.port(0)
		.handle((request, response) -> request.receive().aggregate().asString().defaultIfEmpty("").flatMap((body) -> {
			uploads.add(body);
			return response.header("Content-Type", "application/json").sendString(Mono.just("{\"ok\":true}")).then();
		}))
		.bindNow();

	private static final String HEAD = "Host: localhost\r\nContent-Type: application/json\r\n";

	@LocalServerPort
	private int port;

	@Autowired
	private MeterRegistry meters;

	@DynamicPropertySource
	static void backend(DynamicPropertyRegistry registry) {
		registry.add("apigw.apis.shop.stages.test.variables.backend", () -> "127.0.0.1:" + backend.port());
	}

	@AfterAll
	static void stopBackend() {
		backend.disposeNow();
	}

	static Stream<Arguments> routes() {
		return Stream.of(Arguments.of("/proxy"), Arguments.of("/templated"));
	}

	@ParameterizedTest
	@MethodSource("routes")
	void wholeBodiesReachTheBackend(String resource) throws Exception {
		String answer = exchange("POST /shop/test" + resource + " HTTP/1.1\r\n" + HEAD + "Transfer-Encoding: chunked\r\n"
				+ "Connection: close\r\n\r\n5\r\n{\"a\":\r\n2\r\n1}\r\n0\r\n\r\n");
		assertThat(answer).startsWith("HTTP/1.1 200 OK\r\n").endsWith("{\"ok\":true}");
		assertThat(uploads).contains(resource.equals("/proxy") ? "{\"a\":1}" : "{\"templated\": 1}");
	}

	@ParameterizedTest
	@MethodSource("routes")
	void malformedChunkIsAnswered400AndNotLoggedAsAnError(String resource, CapturedOutput output) throws Exception {
		int logged = output.length();
		long requests = requests(resource);
		uploads.clear();
		String answer = exchange("POST /shop/test" + resource + " HTTP/1.1\r\n" + HEAD
				+ "Transfer-Encoding: chunked\r\n\r\n5\r\n{\"a\":\r\nzz\r\n1}\r\n0\r\n\r\n");
		assertThat(answer).isEqualTo(MalformedRequestGatewayTests.BAD_REQUEST);
		assertQuietAndServing(resource, requests, output, logged);
	}

	@ParameterizedTest
	@MethodSource("routes")
	void resetInTheBodyIsNotLoggedAsAnError(String resource, CapturedOutput output) throws Exception {
		int logged = output.length();
		long requests = requests(resource);
		uploads.clear();
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			RawConnection connection = startUpload(socket, resource);
			connection.send("{\"a\":");
			socket.setSoLinger(true, 0);
		}
		assertQuietAndServing(resource, requests, output, logged);
	}

	@ParameterizedTest
	@MethodSource("routes")
	void closeInTheBodyIsNotLoggedAsAnError(String resource, CapturedOutput output) throws Exception {
		int logged = output.length();
		long requests = requests(resource);
		uploads.clear();
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			RawConnection connection = startUpload(socket, resource);
			connection.send("{\"a\":");
		}
		assertQuietAndServing(resource, requests, output, logged);
	}

	@Test
	void failureOfTheGatewayItselfIsStillAnErrorWithItsStackTrace(CapturedOutput output) throws Exception {
		int logged = output.length();
		String answer = exchange("GET /shop/test/hello HTTP/1.1\r\nHost: localhost\r\nX-Fail: yes\r\nConnection: close\r\n\r\n");
		assertThat(answer).startsWith("HTTP/1.1 500 Internal Server Error\r\n")
			.endsWith("{\"message\": \"Internal server error\"}");
		assertThat(output.getAll().substring(logged)).contains(" ERROR ")
			.contains("Execution failed")
			.contains("java.lang.IllegalStateException: failure of the gateway")
			.contains("\tat ");
	}

	/**
	 * Starts an upload of 100 bytes and waits until the gateway reads the body: Reactor
	 * Netty answers {@code 100 Continue} when a reader subscribes to it.
	 */
	private RawConnection startUpload(Socket socket, String resource) throws Exception {
		RawConnection connection = RawConnection.wrap(socket);
		connection.send("POST /shop/test" + resource + " HTTP/1.1\r\n" + HEAD
				+ "Content-Length: 100\r\nExpect: 100-continue\r\n\r\n");
		assertThat(connection.awaitResponse()).startsWith("HTTP/1.1 100 Continue\r\n");
		return connection;
	}

	private void assertQuietAndServing(String resource, long requestsBefore, CapturedOutput output, int logged)
			throws Exception {
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> requests(resource) > requestsBefore);
		assertThat(output.getAll().substring(logged)).doesNotContain(" ERROR ").doesNotContain(" WARN ").doesNotContain("\tat ");
		assertThat(uploads).isEmpty();
		assertThat(exchange("GET /shop/test/hello HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"))
			.startsWith("HTTP/1.1 200 OK\r\n");
	}

	private long requests(String resource) {
		return this.meters.find("apigw.requests")
			.tags("api", "shop", "resource", resource)
			.timers()
			.stream()
			.mapToLong(Timer::count)
			.sum();
	}

	private String exchange(String request) throws Exception {
		try (RawConnection connection = RawConnection.open(this.port)) {
			connection.send(request);
			return connection.readUntilClosed();
		}
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class FailingFilter {

		/** A fault of the gateway's own code, for requests that ask for one. */
		@Bean
		GlobalFilter failOnRequest() {
			return new FailOnRequest();
		}

	}

	static final class FailOnRequest implements GlobalFilter, Ordered {

		@Override
		public Mono<Void> filter(org.springframework.web.server.ServerWebExchange exchange,
				org.springframework.cloud.gateway.filter.GatewayFilterChain chain) {
			if (exchange.getRequest().getHeaders().containsHeader("X-Fail")) {
				return Mono.error(new IllegalStateException("failure of the gateway"));
			}
			return chain.filter(exchange);
		}

		@Override
		public int getOrder() {
			return FilterOrders.INVOCATION + 1;
		}

	}

}
