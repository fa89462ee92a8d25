package dev.apigw.samples.benchmark.load;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import reactor.netty.DisposableServer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Bytes the gateway allocates per request, for each load benchmark variant: the gateway
 * runs in this JVM, requests come one at a time from the JDK HTTP client, and the bytes
 * allocated by the gateway's threads (Reactor Netty's event loops, which serve the client
 * side and the backend side, and Reactor's schedulers) are read from the JVM's per-thread
 * allocation counters around a measured run, after a warm-up run.
 * Run with {@code java -cp ... AllocationPerRequest [requests] [variant ...]}.
 */
public final class AllocationPerRequest {

	private AllocationPerRequest() {
	}

	public static void main(String[] args) throws Exception {
		int requests = (args.length > 0) ? Integer.parseInt(args[0]) : 20_000;
		List<String> variants = new ArrayList<>();
		for (int i = 1; i < args.length; i++) {
			variants.add(args[i]);
		}
		if (variants.isEmpty()) {
			variants = List.of("scg", "apigw-proxy", "apigw-full", "apigw-mock", "apigw-cache");
		}
		DisposableServer backend = BenchmarkBackend.start(0);
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		System.out.println("| variant | bytes allocated per request (gateway threads) |");
		System.out.println("| --- | --- |");
		for (String variant : variants) {
			try (ConfigurableApplicationContext gateway = new SpringApplication(BenchmarkGatewayApplication.class)
				.run("--spring.profiles.active=" + variant, "--server.port=0", "--bench.backend=127.0.0.1:" + backend.port(),
						"--logging.level.root=warn")) {
				int port = ((WebServerApplicationContext) gateway).getWebServer().getPort();
				HttpRequest request = request(variant, port);
				run(client, request, requests);
				long before = gatewayAllocatedBytes();
				run(client, request, requests);
				long after = gatewayAllocatedBytes();
				System.out.printf("| %s | %,d |%n", variant, (after - before) / requests);
			}
		}
		backend.disposeNow();
	}

	private static HttpRequest request(String variant, int port) {
		String path = switch (variant) {
			case "scg" -> "/pets";
			case "apigw-full" -> "/live/full/42";
			case "apigw-mock" -> "/live/mock";
			case "scg-3000" -> "/r2999/pets";
			case "apigw-3000" -> "/live/r2999/pets";
			default -> "/live/pets";
		};
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header("x-api-key", "bench-key-0123456789abcdef")
			.build();
	}

	private static void run(HttpClient client, HttpRequest request, int requests) throws Exception {
		for (int i = 0; i < requests; i++) {
			HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
			if (response.statusCode() != 200) {
				throw new IllegalStateException(request.uri() + " answered " + response.statusCode());
			}
		}
	}

	// the gateway's threads: Reactor Netty's loops (server and client) and Reactor's schedulers;
	// not the backend's own loops, the JDK client's threads or this one
	private static long gatewayAllocatedBytes() {
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		long total = 0;
		for (Thread thread : Thread.getAllStackTraces().keySet()) {
			String name = thread.getName();
			if (name.startsWith("reactor-http-") || name.startsWith("parallel-") || name.startsWith("boundedElastic-")
					|| name.startsWith("apigw-")) {
				total += threads.getThreadAllocatedBytes(thread.getId());
			}
		}
		return total;
	}

}
