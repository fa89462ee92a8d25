package dev.apigw.auth;

import reactor.core.publisher.Mono;

/**
 * Where API keys are looked up: by default the keys of {@code apigw.api-keys}; declare a
 * bean of this type to keep keys elsewhere (a database, a secret store). Lookups are by
 * the SHA-256 of the presented value, so a repository never needs the values themselves;
 * the gateway compares the hash of what it finds with the presented one in constant time.
 */
@FunctionalInterface
public interface ApiKeyRepository {

	/**
	 * Finds the key whose value has the given SHA-256.
	 * @param valueSha256 64 lower-case hex digits
	 * @return the key, or empty when there is none
	 */
	Mono<ApiKey> findByValueSha256(String valueSha256);

}
