package dev.apigw.store;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import reactor.core.publisher.Mono;

/**
 * The embedded connection store: connections of this instance only, in a map. Commands
 * reach nobody else, as there is no other instance.
 */
public final class MemoryConnectionStore implements ConnectionStore {

	private final Map<String, ConnectionRecord> records = new ConcurrentHashMap<>();

	@Override
	public Mono<Void> save(ConnectionRecord record, Duration ttl) {
		this.records.put(record.connectionId(), record);
		return Mono.empty();
	}

	@Override
	public Mono<ConnectionRecord> find(String connectionId) {
		return Mono.justOrEmpty(this.records.get(connectionId));
	}

	@Override
	public Mono<Void> remove(String connectionId) {
		this.records.remove(connectionId);
		return Mono.empty();
	}

	@Override
	public Mono<Boolean> deliver(String instanceId, ConnectionCommand command) {
		return Mono.just(false);
	}

	@Override
	public Mono<Void> receive(String instanceId, Consumer<ConnectionCommand> receiver) {
		return Mono.empty();
	}

}
