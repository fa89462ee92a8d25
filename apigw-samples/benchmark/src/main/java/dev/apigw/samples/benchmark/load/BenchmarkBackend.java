package dev.apigw.samples.benchmark.load;

import java.nio.charset.StandardCharsets;

import io.netty.buffer.Unpooled;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.LoopResources;

/**
 * The load benchmark's backend: a Reactor Netty server answering every request with the
 * same 200 bytes of JSON, after reading (and dropping) the request body.
 * Run with {@code java -cp ... BenchmarkBackend <port>}.
 */
public final class BenchmarkBackend {

	static final byte[] BODY = ("{\"id\":42,\"type\":\"dog\",\"price\":249.99,\"name\":\"Rex\",\"owner\":"
			+ "{\"name\":\"Ada Lovelace\",\"email\":\"ada@example.com\"},\"tags\":[\"friendly\",\"trained\",\"vaccinated\"],"
			+ "\"status\":\"available\",\"updated\":\"2026-11-27\"}").getBytes(StandardCharsets.UTF_8);

	private BenchmarkBackend() {
	}

	public static void main(String[] args) {
		DisposableServer server = start(Integer.parseInt(args[0]));
		System.out.println("backend listening on " + server.port() + " (" + BODY.length + " bytes per response)");
		server.onDispose().block();
	}

	/**
	 * Starts the backend on loopback.
	 * @param port the port, {@code 0} for any free one
	 * @return the running server
	 */
	public static DisposableServer start(int port) {
		// its own event loops: a gateway started in the same JVM (tests) disposes the global ones
		return HttpServer.create()
			.runOn(LoopResources.create("bench-backend"))
			.host("127.0.0.1")
			.port(port)
			.handle((request, response) -> request.receive()
				.then(response.header("Content-Type", "application/json")
					.header("Content-Length", String.valueOf(BODY.length))
					.send(Mono.fromSupplier(() -> Unpooled.wrappedBuffer(BODY)))
					.then()))
			.bindNow();
	}

}
