package dev.apigw.test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real HTTP backend on a random loopback port: echoes what it receives as JSON
 * ({@code method}, {@code uri}, {@code headers} by lower-case name, {@code body}); answers
 * {@code /status/{code}} with that status, never answers {@code /never}, and streams
 * {@code /stream} in two chunks, the second after {@link #release()}.
 */
public final class TestBackend implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final DisposableServer server;

	private final Gate gate;

	private TestBackend(DisposableServer server, Gate gate) {
		this.server = server;
		this.gate = gate;
	}

	/**
	 * Starts a backend.
	 * @return the running backend
	 */
	public static TestBackend start() {
		Gate gate = new Gate();
		DisposableServer server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.handle((request, response) -> handle(request, response, gate))
			.bindNow();
		return new TestBackend(server, gate);
	}

	/**
	 * The backend's {@code host:port}.
	 * @return the address
	 */
	public String address() {
		return "127.0.0.1:" + this.server.port();
	}

	/**
	 * Lets the pending {@code /stream} responses send their second chunk.
	 */
	public void release() {
		this.gate.sink.tryEmitEmpty();
	}

	private static Mono<Void> handle(HttpServerRequest request, HttpServerResponse response, Gate gate) {
		String uri = request.uri();
		if (uri.startsWith("/never")) {
			return request.receive().then(Mono.never());
		}
		if (uri.startsWith("/stream")) {
			return response.header("Content-Type", "text/plain")
				.sendString(Flux.concat(Mono.just("first-chunk\n"), gate.sink.asMono().then(Mono.just("second-chunk\n"))))
				.then();
		}
		return request.receive().aggregate().asString(StandardCharsets.UTF_8).defaultIfEmpty("").flatMap((body) -> {
			int status = 200;
			if (uri.startsWith("/status/")) {
				status = Integer.parseInt(uri.substring("/status/".length(), "/status/".length() + 3));
			}
			Map<String, Object> echo = new LinkedHashMap<>();
			echo.put("method", request.method().name());
			echo.put("uri", uri);
			Map<String, List<String>> headers = new LinkedHashMap<>();
			request.requestHeaders()
				.forEach((entry) -> headers.computeIfAbsent(entry.getKey().toLowerCase(Locale.ROOT), (k) -> new ArrayList<>())
					.add(entry.getValue()));
			echo.put("headers", headers);
			echo.put("body", body);
			byte[] bytes = JSON.writeValueAsBytes(echo);
			return response.status(status)
				.header("Content-Type", "application/json")
				.header("X-Backend", "echo")
				.header("Content-Length", String.valueOf(bytes.length))
				.sendByteArray(Mono.just(bytes))
				.then();
		});
	}

	/**
	 * Parses an echo.
	 * @param body the echoed JSON
	 * @return the echo as a map
	 */
	@SuppressWarnings("unchecked")
	public static Map<String, Object> echo(String body) {
		return JSON.readValue(body, Map.class);
	}

	private static final class Gate {

		private final Sinks.Empty<Void> sink = Sinks.empty();

	}

	@Override
	public void close() {
		this.server.disposeNow();
	}

}
