package dev.apigw.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A raw client connection for tests of how the server treats slow, idle and malformed
 * clients: sends bytes as written and reads exactly what comes back. Every read gives up
 * after five seconds, a guard against a server that never answers or never closes (each
 * test's own deadlines are far shorter).
 */
final class RawConnection implements AutoCloseable {

	private final Socket socket;

	private RawConnection(Socket socket) {
		this.socket = socket;
	}

	static RawConnection open(int port) throws IOException {
		return wrap(new Socket("127.0.0.1", port));
	}

	static RawConnection wrap(Socket socket) throws IOException {
		socket.setSoTimeout(5_000);
		return new RawConnection(socket);
	}

	void send(String text) throws IOException {
		this.socket.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
		this.socket.getOutputStream().flush();
	}

	/**
	 * Sends, ignoring a connection the server already closed.
	 * @param text what to send
	 */
	void trySend(String text) {
		try {
			send(text);
		}
		catch (IOException ex) {
			// closed by the server: what the tests wait for
		}
	}

	/**
	 * Reads until the server closes the connection.
	 * @return everything the server sent
	 * @throws IOException on I/O failure, including the five-second guard
	 */
	String readUntilClosed() throws IOException {
		InputStream in = this.socket.getInputStream();
		ByteArrayOutputStream received = new ByteArrayOutputStream();
		byte[] chunk = new byte[8192];
		int read;
		while ((read = in.read(chunk)) >= 0) {
			received.write(chunk, 0, read);
		}
		return received.toString(StandardCharsets.ISO_8859_1);
	}

	/**
	 * Reads one response, waiting for it longer than the guard: for answers that come only
	 * after the gateway did real work (a cold JVM's first request through a route).
	 * @return the response head and body
	 * @throws IOException on I/O failure
	 */
	String awaitResponse() throws IOException {
		int guard = this.socket.getSoTimeout();
		this.socket.setSoTimeout(60_000);
		try {
			return readResponse();
		}
		finally {
			this.socket.setSoTimeout(guard);
		}
	}

	/**
	 * Reads one response whose length is given by {@code Content-Length}, leaving the
	 * connection open.
	 * @return the response head and body
	 * @throws IOException on I/O failure
	 */
	String readResponse() throws IOException {
		InputStream in = this.socket.getInputStream();
		ByteArrayOutputStream received = new ByteArrayOutputStream();
		while (!received.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
			int b = in.read();
			if (b < 0) {
				throw new IOException("Connection closed inside a response head: " + received);
			}
			received.write(b);
		}
		String head = received.toString(StandardCharsets.ISO_8859_1);
		int length = 0;
		for (String line : head.split("\r\n")) {
			if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
				length = Integer.parseInt(line.substring("content-length:".length()).trim());
			}
		}
		byte[] body = in.readNBytes(length);
		return head + new String(body, StandardCharsets.ISO_8859_1);
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
	}

}
