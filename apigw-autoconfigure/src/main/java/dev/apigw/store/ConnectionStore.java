package dev.apigw.store;

import java.time.Duration;
import java.util.function.Consumer;

import reactor.core.publisher.Mono;

/**
 * Where WebSocket connections are known to every gateway instance, and how work reaches
 * the instance holding one: in this instance's memory (one instance) or in Redis (records
 * in hashes that expire, commands over pub/sub).
 */
public interface ConnectionStore {

	/**
	 * Records a connection (or replaces its record).
	 * @param record the record
	 * @param ttl how long the record lives without another {@link #save}
	 * @return completion
	 */
	Mono<Void> save(ConnectionRecord record, Duration ttl);

	/**
	 * Looks a connection up.
	 * @param connectionId the connection
	 * @return the record, empty when the connection is unknown or closed
	 */
	Mono<ConnectionRecord> find(String connectionId);

	/**
	 * Forgets a connection.
	 * @param connectionId the connection
	 * @return completion
	 */
	Mono<Void> remove(String connectionId);

	/**
	 * Hands a command to the instance holding a connection.
	 * @param instanceId the instance
	 * @param command the command
	 * @return whether an instance received it ({@code false}: the instance is gone)
	 */
	Mono<Boolean> deliver(String instanceId, ConnectionCommand command);

	/**
	 * Starts receiving the commands for this instance.
	 * @param instanceId this instance's id
	 * @param receiver called with each command
	 * @return completion once commands are received
	 */
	Mono<Void> receive(String instanceId, Consumer<ConnectionCommand> receiver);

}
