package dev.apigw.test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Sends a request exactly as written (no client normalising or encoding the path) and reads
 * the whole response; for tests of malformed input.
 */
public final class RawHttp {

	private RawHttp() {
	}

	/**
	 * Sends raw request bytes and reads the response until the server closes.
	 * @param port the server port
	 * @param request the request head and body; {@code Connection: close} is the caller's
	 * @return the response
	 * @throws IOException on I/O failure
	 */
	public static Response send(int port, String request) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(20_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream buffer = new ByteArrayOutputStream();
			byte[] chunk = new byte[8192];
			int read;
			while ((read = in.read(chunk)) >= 0) {
				buffer.write(chunk, 0, read);
			}
			return Response.parse(buffer.toString(StandardCharsets.ISO_8859_1));
		}
	}

	/**
	 * A parsed response.
	 *
	 * @param status the status code
	 * @param headers headers by lower-case name (last value)
	 * @param body the body text
	 */
	public record Response(int status, Map<String, String> headers, String body) {

		static Response parse(String raw) {
			int end = raw.indexOf("\r\n\r\n");
			String head = (end >= 0) ? raw.substring(0, end) : raw;
			String body = (end >= 0) ? raw.substring(end + 4) : "";
			String[] lines = head.split("\r\n");
			int status = Integer.parseInt(lines[0].split(" ")[1]);
			Map<String, String> headers = new LinkedHashMap<>();
			for (int i = 1; i < lines.length; i++) {
				int colon = lines[i].indexOf(':');
				if (colon > 0) {
					headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
							lines[i].substring(colon + 1).trim());
				}
			}
			return new Response(status, headers, body);
		}

	}

}
