package dev.apigw.test;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A backend on a plain server socket that parses HTTP/1.1 framing itself, as a backend
 * behind a gateway does: the request line, the headers, then exactly {@code Content-Length}
 * bytes (or the chunks of a chunked body), and then the next request on the same
 * connection. Every request it parses is recorded with its connection, so a second request
 * smuggled inside a body shows up as a request of its own. Each is answered 200 with a
 * {@code text/plain} body naming it: {@code <METHOD> <request-target>}.
 */
public final class RawBackend implements AutoCloseable {

	private final ServerSocket server;

	private final AtomicInteger connections = new AtomicInteger();

	private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();

	private final List<Socket> sockets = Collections.synchronizedList(new ArrayList<>());

	private RawBackend(ServerSocket server) {
		this.server = server;
	}

	/**
	 * Starts a backend on a random loopback port.
	 * @return the running backend
	 * @throws IOException when the port cannot be bound
	 */
	public static RawBackend start() throws IOException {
		RawBackend backend = new RawBackend(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
		Thread acceptor = new Thread(backend::accept, "raw-backend-accept");
		acceptor.setDaemon(true);
		acceptor.start();
		return backend;
	}

	/**
	 * The backend's {@code host:port}.
	 * @return the address
	 */
	public String address() {
		return "127.0.0.1:" + this.server.getLocalPort();
	}

	/**
	 * Every request parsed so far, in the order they were read.
	 * @return the requests
	 */
	public List<Received> received() {
		return List.copyOf(this.received);
	}

	/**
	 * Forgets the requests parsed so far.
	 */
	public void clear() {
		this.received.clear();
	}

	private void accept() {
		while (!this.server.isClosed()) {
			try {
				Socket socket = this.server.accept();
				this.sockets.add(socket);
				int connection = this.connections.incrementAndGet();
				Thread worker = new Thread(() -> serve(socket, connection), "raw-backend-" + connection);
				worker.setDaemon(true);
				worker.start();
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	private void serve(Socket socket, int connection) {
		try (socket) {
			InputStream in = new BufferedInputStream(socket.getInputStream());
			OutputStream out = socket.getOutputStream();
			while (true) {
				String requestLine = line(in);
				if (requestLine == null) {
					return;
				}
				if (requestLine.isEmpty()) {
					continue;
				}
				Map<String, List<String>> headers = new LinkedHashMap<>();
				for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
					int colon = header.indexOf(':');
					headers.computeIfAbsent(header.substring(0, colon).trim().toLowerCase(Locale.ROOT),
							(name) -> new ArrayList<>()).add(header.substring(colon + 1).trim());
				}
				byte[] body = body(in, headers);
				String[] parts = requestLine.split(" ");
				Received request = new Received(connection, parts[0], parts[1], headers, body);
				this.received.add(request);
				byte[] answer = (request.method() + " " + request.target()).getBytes(StandardCharsets.UTF_8);
				out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " + answer.length
						+ "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
				out.write(answer);
				out.flush();
				if (headers.getOrDefault("connection", List.of()).contains("close")) {
					return;
				}
			}
		}
		catch (IOException ex) {
			// the gateway closed the connection
		}
	}

	private static byte[] body(InputStream in, Map<String, List<String>> headers) throws IOException {
		List<String> encodings = headers.getOrDefault("transfer-encoding", List.of());
		if (encodings.stream().anyMatch((value) -> value.toLowerCase(Locale.ROOT).contains("chunked"))) {
			ByteArrayOutputStream body = new ByteArrayOutputStream();
			while (true) {
				String size = line(in);
				int length = Integer.parseInt(size.split(";")[0].trim(), 16);
				if (length == 0) {
					for (String trailer = line(in); trailer != null && !trailer.isEmpty(); trailer = line(in)) {
						// trailers are not recorded
					}
					return body.toByteArray();
				}
				body.write(in.readNBytes(length));
				line(in);
			}
		}
		List<String> lengths = headers.getOrDefault("content-length", List.of());
		return lengths.isEmpty() ? new byte[0] : in.readNBytes(Integer.parseInt(lengths.get(0)));
	}

	private static String line(InputStream in) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		int c;
		while ((c = in.read()) >= 0) {
			if (c == '\n') {
				byte[] bytes = line.toByteArray();
				int end = (bytes.length > 0 && bytes[bytes.length - 1] == '\r') ? bytes.length - 1 : bytes.length;
				return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
			}
			line.write(c);
		}
		return null;
	}

	@Override
	public void close() throws IOException {
		this.server.close();
		synchronized (this.sockets) {
			for (Socket socket : this.sockets) {
				socket.close();
			}
		}
	}

	/**
	 * A request as the backend parsed it.
	 *
	 * @param connection the number of the connection it came on (from 1)
	 * @param method the method
	 * @param target the request target exactly as sent (path and query)
	 * @param headers headers by lower-case name
	 * @param body the body bytes as framed by the headers
	 */
	public record Received(int connection, String method, String target, Map<String, List<String>> headers,
			byte[] body) {

		/**
		 * The body as text.
		 * @return the body, UTF-8
		 */
		public String bodyText() {
			return new String(this.body, StandardCharsets.UTF_8);
		}

		/**
		 * The last value of a header.
		 * @param name the name, any case
		 * @return the value, or {@code null}
		 */
		public String header(String name) {
			List<String> values = this.headers.get(name.toLowerCase(Locale.ROOT));
			return (values == null || values.isEmpty()) ? null : values.get(values.size() - 1);
		}

	}

}
