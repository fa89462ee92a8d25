package dev.apigw.websocket;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.apigw.store.ConnectionCommand;
import dev.apigw.store.ConnectionRecord;
import dev.apigw.store.ConnectionStore;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * The {@code @connections} management API for code in the application (Lambda-style
 * handlers, controllers, schedulers): send data to a connection, read what is known of it,
 * close it, wherever it is held. A connection of this instance is served directly; one held
 * by another instance is found in the {@link ConnectionStore} and reached through it (Redis
 * pub/sub), so a handler never needs to know which instance holds a client.
 */
public final class WebSocketConnections {

	/** The close code of connections deleted through this API. */
	static final int DELETED = 1000;

	private static final Log logger = LogFactory.getLog(WebSocketConnections.class);

	private final Map<String, WebSocketConnection> local = new ConcurrentHashMap<>();

	private final ConnectionStore store;

	private final String instanceId;

	private final long maxMessageSize;

	private final Duration recordTtl;

	private final Clock clock;

	/**
	 * Creates the API.
	 * @param store where connections of every instance are known
	 * @param instanceId this instance's id
	 * @param maxMessageSize the largest message that may be sent
	 * @param recordTtl how long a connection's record lives in the store without activity
	 * @param clock the clock
	 */
	WebSocketConnections(ConnectionStore store, String instanceId, long maxMessageSize, Duration recordTtl,
			Clock clock) {
		this.store = store;
		this.instanceId = instanceId;
		this.maxMessageSize = maxMessageSize;
		this.recordTtl = recordTtl;
		this.clock = clock;
	}

	/**
	 * Sends a message to a connection ({@code POST @connections/{id}}).
	 * @param connectionId the connection
	 * @param data the message: sent as a text frame when it is UTF-8, else as binary
	 * @return completion; {@link GoneException} when the connection is unknown or closed,
	 * {@link PayloadTooLargeException} when the message exceeds the message size limit
	 */
	public Mono<Void> send(String connectionId, byte[] data) {
		if (data.length > this.maxMessageSize) {
			return Mono.error(new PayloadTooLargeException(
					"Message of " + data.length + " bytes exceeds " + this.maxMessageSize + " bytes"));
		}
		WebSocketConnection connection = this.local.get(connectionId);
		if (connection != null) {
			return connection.send(data, this.clock.millis()) ? Mono.empty() : Mono.error(gone(connectionId));
		}
		return remote(connectionId, ConnectionCommand.send(connectionId, data));
	}

	/**
	 * Sends a text message to a connection.
	 * @param connectionId the connection
	 * @param text the message
	 * @return completion, or the errors of {@link #send(String, byte[])}
	 */
	public Mono<Void> send(String connectionId, String text) {
		return send(connectionId, text.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * What is known of a connection ({@code GET @connections/{id}}).
	 * @param connectionId the connection
	 * @return the connection; {@link GoneException} when it is unknown or closed
	 */
	public Mono<ConnectionInfo> get(String connectionId) {
		WebSocketConnection connection = this.local.get(connectionId);
		if (connection != null && !connection.isClosed()) {
			Handshake handshake = connection.handshake();
			return Mono.just(new ConnectionInfo(connectionId, connection.stage().apiId(), connection.stage().stageName(),
					Instant.ofEpochMilli(connection.connectedAt()), Instant.ofEpochMilli(connection.lastActiveAt()),
					handshake.sourceIp(), handshake.userAgent()));
		}
		return this.store.find(connectionId)
			.filter((record) -> !record.instanceId().equals(this.instanceId))
			.map((record) -> new ConnectionInfo(connectionId, record.apiId(), record.stage(),
					Instant.ofEpochMilli(record.connectedAt()), Instant.ofEpochMilli(record.lastActiveAt()),
					record.sourceIp(), record.userAgent()))
			.switchIfEmpty(Mono.error(() -> gone(connectionId)));
	}

	/**
	 * Closes a connection ({@code DELETE @connections/{id}}); its {@code $disconnect} route
	 * runs as for any close.
	 * @param connectionId the connection
	 * @return completion; {@link GoneException} when it is unknown or closed
	 */
	public Mono<Void> delete(String connectionId) {
		WebSocketConnection connection = this.local.get(connectionId);
		if (connection != null) {
			if (connection.isClosed()) {
				return Mono.error(gone(connectionId));
			}
			connection.close(DELETED, "");
			return Mono.empty();
		}
		return remote(connectionId, ConnectionCommand.close(connectionId));
	}

	private Mono<Void> remote(String connectionId, ConnectionCommand command) {
		return this.store.find(connectionId).flatMap((record) -> {
			if (record.instanceId().equals(this.instanceId)) {
				// this instance no longer holds it: a stale record
				return this.store.remove(connectionId).thenReturn(false);
			}
			return this.store.deliver(record.instanceId(), command)
				.flatMap((received) -> received ? Mono.just(true)
						: this.store.remove(connectionId).thenReturn(false));
		})
			.defaultIfEmpty(false)
			.flatMap((delivered) -> delivered ? Mono.<Void>empty() : Mono.<Void>error(gone(connectionId)));
	}

	/**
	 * Runs a command another instance sent for a connection of this one.
	 * @param command the command
	 */
	void accept(ConnectionCommand command) {
		WebSocketConnection connection = this.local.get(command.connectionId());
		if (connection == null) {
			return;
		}
		if (command.close()) {
			connection.close(DELETED, "");
		}
		else {
			connection.send(command.data(), this.clock.millis());
		}
	}

	/**
	 * Adds a connection of this instance and records it in the store.
	 * @param connection the connection
	 * @return completion of the store's write
	 */
	Mono<Void> register(WebSocketConnection connection) {
		this.local.put(connection.id(), connection);
		return this.store.save(record(connection), this.recordTtl);
	}

	/**
	 * Refreshes a connection's record in the store (activity).
	 * @param connection the connection
	 */
	void refresh(WebSocketConnection connection) {
		this.store.save(record(connection), this.recordTtl)
			.subscribe(null, (error) -> logger.debug("Could not refresh WebSocket connection record: " + error));
	}

	/**
	 * Removes a closed connection of this instance.
	 * @param connection the connection
	 */
	void unregister(WebSocketConnection connection) {
		this.local.remove(connection.id(), connection);
		this.store.remove(connection.id())
			.subscribe(null, (error) -> logger.debug("Could not remove WebSocket connection record: " + error));
	}

	Collection<WebSocketConnection> localConnections() {
		return this.local.values();
	}

	long maxMessageSize() {
		return this.maxMessageSize;
	}

	String instanceId() {
		return this.instanceId;
	}

	private ConnectionRecord record(WebSocketConnection connection) {
		Handshake handshake = connection.handshake();
		return new ConnectionRecord(connection.id(), connection.stage().apiId(), connection.stage().stageName(),
				this.instanceId, connection.connectedAt(), connection.lastActiveAt(), handshake.sourceIp(),
				handshake.userAgent());
	}

	private static GoneException gone(String connectionId) {
		return new GoneException("Connection " + connectionId + " is gone");
	}

	/**
	 * What is known of a connection.
	 *
	 * @param connectionId the connection
	 * @param apiId the WebSocket API it belongs to
	 * @param stage the stage
	 * @param connectedAt when it was established
	 * @param lastActiveAt when a message last went either way
	 * @param sourceIp the client's address
	 * @param userAgent the client's User-Agent
	 */
	public record ConnectionInfo(String connectionId, String apiId, String stage, Instant connectedAt,
			Instant lastActiveAt, @Nullable String sourceIp, @Nullable String userAgent) {

	}

	/**
	 * The connection is unknown or closed (AWS's {@code GoneException}, 410).
	 */
	public static class GoneException extends RuntimeException {

		public GoneException(String message) {
			super(message, null, false, false);
		}

	}

	/**
	 * The message exceeds the message size limit (AWS's {@code PayloadTooLargeException}, 413).
	 */
	public static class PayloadTooLargeException extends RuntimeException {

		public PayloadTooLargeException(String message) {
			super(message, null, false, false);
		}

	}

}
