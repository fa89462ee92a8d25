package dev.apigw.store;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.apigw.model.ApiKey;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * API keys in this instance's memory: the default store, and what {@link RedisApiKeyStore}
 * answers from while Redis cannot be reached.
 */
public final class MemoryApiKeyStore implements ApiKeyStore {

	private final Map<String, ApiKey> byId = new ConcurrentHashMap<>();

	private final Map<String, String> idBySha256 = new ConcurrentHashMap<>();

	@Override
	public Mono<ApiKey> findByValueSha256(String valueSha256) {
		return Mono.fromSupplier(() -> {
			String id = this.idBySha256.get(valueSha256);
			return (id != null) ? this.byId.get(id) : null;
		});
	}

	@Override
	public Mono<ApiKey> findById(String id) {
		return Mono.fromSupplier(() -> this.byId.get(id));
	}

	@Override
	public Flux<ApiKey> findAll() {
		return Flux.defer(() -> Flux.fromIterable(this.byId.values()));
	}

	@Override
	public Mono<Void> save(ApiKey key) {
		return Mono.fromRunnable(() -> remember(key));
	}

	@Override
	public Mono<Boolean> delete(String id) {
		return Mono.fromSupplier(() -> forget(id));
	}

	synchronized void remember(ApiKey key) {
		ApiKey previous = this.byId.put(key.id(), key);
		if (previous != null && !previous.valueSha256().equals(key.valueSha256())) {
			this.idBySha256.remove(previous.valueSha256(), key.id());
		}
		this.idBySha256.put(key.valueSha256(), key.id());
	}

	synchronized boolean forget(String id) {
		ApiKey previous = this.byId.remove(id);
		if (previous == null) {
			return false;
		}
		this.idBySha256.remove(previous.valueSha256(), id);
		return true;
	}

}
