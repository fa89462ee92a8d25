package dev.apigw.store;

import dev.apigw.model.ApiKey;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * API keys created at run time (by the management API), shared by every gateway instance:
 * memory by default, Redis with {@code apigw.store.type=redis}. A key is stored with the
 * SHA-256 of its value only; the value itself is never stored nor logged. Keys from
 * configuration are not stored here.
 */
public interface ApiKeyStore {

	/**
	 * Finds the key whose value has the given SHA-256.
	 * @param valueSha256 64 lower-case hex digits
	 * @return the key, or empty when there is none
	 */
	Mono<ApiKey> findByValueSha256(String valueSha256);

	/**
	 * Finds a key by id.
	 * @param id the key id
	 * @return the key, or empty when there is none
	 */
	Mono<ApiKey> findById(String id);

	/**
	 * Every stored key.
	 * @return the keys, in no particular order
	 */
	Flux<ApiKey> findAll();

	/**
	 * Creates a key or replaces the key with its id (a changed value replaces the old one,
	 * which no longer finds it).
	 * @param key the key
	 * @return completes when every instance finds the key
	 */
	Mono<Void> save(ApiKey key);

	/**
	 * Deletes a key.
	 * @param id the key id
	 * @return whether a key was deleted
	 */
	Mono<Boolean> delete(String id);

}
