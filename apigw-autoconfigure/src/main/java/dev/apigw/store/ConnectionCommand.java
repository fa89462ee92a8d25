package dev.apigw.store;

/**
 * Work for the instance holding a WebSocket connection, sent by another instance through
 * the {@link ConnectionStore}: send data to the client, or close the connection.
 *
 * @param connectionId the connection
 * @param close whether to close the connection (otherwise send {@code data})
 * @param data the message to send, empty for a close
 */
public record ConnectionCommand(String connectionId, boolean close, byte[] data) {

	/**
	 * A command to send data.
	 * @param connectionId the connection
	 * @param data the data
	 * @return the command
	 */
	public static ConnectionCommand send(String connectionId, byte[] data) {
		return new ConnectionCommand(connectionId, false, data);
	}

	/**
	 * A command to close a connection.
	 * @param connectionId the connection
	 * @return the command
	 */
	public static ConnectionCommand close(String connectionId) {
		return new ConnectionCommand(connectionId, true, new byte[0]);
	}

}
