package dev.apigw.store;

import org.jspecify.annotations.Nullable;

/**
 * What every gateway instance knows of a WebSocket connection: where it is held and what
 * {@code GET @connections/{id}} reports.
 *
 * @param connectionId the connection id
 * @param apiId the WebSocket API
 * @param stage the stage
 * @param instanceId the gateway instance holding the client's socket
 * @param connectedAt when the connection was established (epoch milliseconds)
 * @param lastActiveAt when a message last went either way (epoch milliseconds)
 * @param sourceIp the client's address
 * @param userAgent the client's User-Agent
 */
public record ConnectionRecord(String connectionId, String apiId, String stage, String instanceId, long connectedAt,
		long lastActiveAt, @Nullable String sourceIp, @Nullable String userAgent) {

	/**
	 * The same record with another last activity time.
	 * @param lastActiveAt the time
	 * @return the record
	 */
	public ConnectionRecord activeAt(long lastActiveAt) {
		return new ConnectionRecord(this.connectionId, this.apiId, this.stage, this.instanceId, this.connectedAt,
				lastActiveAt, this.sourceIp, this.userAgent);
	}

}
