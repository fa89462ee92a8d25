package dev.apigw.test;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;
import redis.embedded.core.ExecutableProvider;

/**
 * A real {@code redis-server} on a free loopback port that a test starts, kills and
 * restarts: the binary on the PATH (CI installs Debian's), else the one bundled with
 * {@code com.github.codemonstur:embedded-redis}. By default nothing is persisted, so a
 * restarted server is empty, as after a crash; {@link #startPersistent()} starts one with
 * AOF persistence that a restart keeps. It can also be paused ({@code SIGSTOP}), as a
 * server that stops answering without closing its connections. Without any binary the test
 * is skipped, except under CI ({@code CI=true}) where it fails.
 */
public final class TestRedis implements AutoCloseable {

	private final File executable;

	private final int port;

	private final boolean appendOnly;

	private final Path directory;

	private Process process;

	private TestRedis(File executable, int port, boolean appendOnly) {
		this.executable = executable;
		this.port = port;
		this.appendOnly = appendOnly;
		try {
			this.directory = Files.createTempDirectory("apigw-redis");
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		// a test that fails before it stops the server must not leave it running
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			if (this.process != null) {
				this.process.destroyForcibly();
			}
		}));
	}

	/**
	 * Starts a server.
	 * @return the running server
	 */
	public static TestRedis start() {
		TestRedis redis = new TestRedis(executable(), freePort(), false);
		redis.restart();
		return redis;
	}

	/**
	 * Starts a server with AOF persistence ({@code appendonly yes}, every write synced),
	 * which keeps its data across {@link #kill()} and {@link #restart()}.
	 * @return the running server
	 */
	public static TestRedis startPersistent() {
		TestRedis redis = new TestRedis(executable(), freePort(), true);
		redis.restart();
		return redis;
	}

	private static File executable() {
		String path = System.getenv("PATH");
		if (path != null) {
			for (String directory : path.split(File.pathSeparator)) {
				File candidate = new File(directory, "redis-server");
				if (candidate.canExecute()) {
					return candidate;
				}
			}
		}
		try {
			return ExecutableProvider.newJarResourceProvider().get();
		}
		catch (Exception | LinkageError ex) {
			String message = "No redis-server on the PATH and none bundled for this platform: " + ex;
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				throw new IllegalStateException(message, ex);
			}
			Assumptions.abort(message);
			throw new IllegalStateException(message);
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The port the server listens on (127.0.0.1).
	 * @return the port
	 */
	public int port() {
		return this.port;
	}

	/**
	 * Starts the server again on the same port: empty, unless it persists its data.
	 */
	public void restart() {
		try {
			this.process = new ProcessBuilder(List.of(this.executable.getAbsolutePath(), "--port",
					Integer.toString(this.port), "--bind", "127.0.0.1", "--save", "", "--appendonly",
					this.appendOnly ? "yes" : "no", "--appendfsync", "always", "--dir", this.directory.toString(),
					"--protected-mode", "no"))
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(this.directory.resolve("redis.log").toFile()))
				.start();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not start " + this.executable, ex);
		}
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (!answers()) {
			if (System.nanoTime() > deadline || !this.process.isAlive()) {
				throw new IllegalStateException("redis-server did not start on port " + this.port);
			}
			LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
		}
	}

	/**
	 * Kills the server (SIGKILL), as a crash would.
	 */
	public void kill() {
		this.process.destroyForcibly();
		try {
			this.process.waitFor();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Pauses the server ({@code SIGSTOP}): connections stay open, commands sent meanwhile
	 * wait in the socket and run once it is {@linkplain #resume() resumed}.
	 */
	public void pause() {
		signal("STOP");
	}

	/**
	 * Resumes a paused server ({@code SIGCONT}).
	 */
	public void resume() {
		signal("CONT");
	}

	private void signal(String signal) {
		try {
			Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(this.process.pid())).start();
			if (kill.waitFor() != 0) {
				throw new IllegalStateException("kill -" + signal + " failed for redis-server " + this.process.pid());
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Reads a short string value.
	 * @param key the key (without spaces)
	 * @return the value, {@code null} when absent
	 */
	public @Nullable String get(String key) {
		return bulk("GET " + key);
	}

	/**
	 * Reads a field of a hash.
	 * @param key the key (without spaces)
	 * @param field the field (without spaces)
	 * @return the value, {@code null} when absent
	 */
	public @Nullable String hget(String key, String field) {
		return bulk("HGET " + key + " " + field);
	}

	private @Nullable String bulk(String request) {
		String reply = command(request);
		if (reply.startsWith("$-1")) {
			return null;
		}
		if (!reply.startsWith("$")) {
			throw new IllegalStateException(request + " answered " + reply);
		}
		return reply.substring(reply.indexOf("\r\n") + 2, reply.length() - 2);
	}

	/**
	 * How long a key has to live.
	 * @param key the key (without spaces)
	 * @return milliseconds, {@code -1} for a key without expiry, {@code -2} for no key
	 */
	public long pttl(String key) {
		String reply = command("PTTL " + key);
		if (!reply.startsWith(":")) {
			throw new IllegalStateException("PTTL " + key + " answered " + reply);
		}
		return Long.parseLong(reply.substring(1, reply.indexOf("\r\n")));
	}

	/**
	 * Writes a short string value, without expiry.
	 * @param key the key (without spaces)
	 * @param value the value (without spaces)
	 */
	public void set(String key, String value) {
		String reply = command("SET " + key + " " + value);
		if (!reply.startsWith("+OK")) {
			throw new IllegalStateException("SET " + key + " answered " + reply);
		}
	}

	/**
	 * Empties the server.
	 */
	public void flush() {
		command("FLUSHALL");
	}

	private boolean answers() {
		try {
			return command("PING").startsWith("+PONG");
		}
		catch (IllegalStateException ex) {
			return false;
		}
	}

	private String command(String command) {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(2000);
			OutputStream out = socket.getOutputStream();
			out.write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			StringBuilder reply = new StringBuilder();
			int next;
			while ((next = in.read()) != -1) {
				reply.append((char) next);
				if (reply.length() > 1 && reply.charAt(reply.length() - 2) == '\r' && next == '\n') {
					break;
				}
			}
			// a bulk string's value follows its length line: read all of it
			if (reply.length() > 1 && reply.charAt(0) == '$' && reply.charAt(1) != '-') {
				int length = Integer.parseInt(reply.substring(1, reply.length() - 2));
				byte[] value = in.readNBytes(length + 2);
				reply.append(new String(value, StandardCharsets.UTF_8));
			}
			return reply.toString();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		kill();
	}

}
