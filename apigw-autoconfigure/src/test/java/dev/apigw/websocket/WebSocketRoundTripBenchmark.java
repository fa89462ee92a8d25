package dev.apigw.websocket;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.apigw.test.GatewayTestApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * Round trips of messages through two-way routes (MOCK with a response template, and an
 * in-process AWS_PROXY handler) with the JDK client on the same machine: latency on one
 * connection, throughput over 32. Not a test: run with
 * {@code mvn -o -pl apigw-autoconfigure test -Dtest=WebSocketRoundTripBenchmark -Dapigw.benchmark=true}
 * and read the figures it prints (recorded in docs/benchmarks.md).
 */
@EnabledIfSystemProperty(named = "apigw.benchmark", matches = "true")
@SpringBootTest(classes = GatewayTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "logging.level.dev.apigw=warn")
@ActiveProfiles("websocket")
@Import(WebSocketTestHandlers.class)
class WebSocketRoundTripBenchmark {

	private static final String MOCK = "{\"action\":\"whoami\"}";

	private static final String LAMBDA = "{\"action\":\"echo\",\"text\":\"hello\"}";

	@LocalServerPort
	int port;

	@Test
	void roundTrips() throws Exception {
		for (String message : new String[] { MOCK, LAMBDA }) {
			String name = (message == MOCK) ? "MOCK" : "AWS_PROXY";
			try (WsClient client = WsClient.connect("ws://127.0.0.1:" + this.port + "/chat/dev")) {
				sequential(client, message, 3_000);
				long[] nanos = sequential(client, message, 5_000);
				Arrays.sort(nanos);
				long total = Arrays.stream(nanos).sum();
				System.out.printf("%s one connection: %.0f round trips/s, p50 %d µs, p99 %d µs%n", name,
						nanos.length / (total / 1e9), nanos[nanos.length / 2] / 1000, nanos[nanos.length * 99 / 100] / 1000);
			}
			int connections = 32;
			int each = 1_000;
			ExecutorService pool = Executors.newFixedThreadPool(connections);
			List<WsClient> clients = new ArrayList<>();
			for (int i = 0; i < connections; i++) {
				clients.add(WsClient.connect("ws://127.0.0.1:" + this.port + "/chat/dev"));
			}
			long start = System.nanoTime();
			List<Future<long[]>> results = new ArrayList<>();
			for (WsClient client : clients) {
				results.add(pool.submit(() -> sequential(client, message, each)));
			}
			for (Future<long[]> result : results) {
				result.get();
			}
			double seconds = (System.nanoTime() - start) / 1e9;
			System.out.printf("%s %d connections: %.0f round trips/s%n", name, connections,
					connections * each / seconds);
			clients.forEach(WsClient::close);
			pool.shutdown();
		}
	}

	private static long[] sequential(WsClient client, String message, int count) {
		long[] nanos = new long[count];
		for (int i = 0; i < count; i++) {
			long start = System.nanoTime();
			client.send(message).next();
			nanos[i] = System.nanoTime() - start;
		}
		return nanos;
	}

}
