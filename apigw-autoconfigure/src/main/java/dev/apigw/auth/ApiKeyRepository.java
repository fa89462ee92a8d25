package dev.apigw.auth;

import dev.apigw.model.ApiKey;
import dev.apigw.store.ApiKeyStore;
import org.jspecify.annotations.Nullable;
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

	/**
	 * The keys of a repository and, after them, the keys created at run time.
	 * @param configured the repository (keys from configuration, or the application's own)
	 * @param stored the keys created at run time, {@code null} for none
	 * @return a repository looking in both
	 */
	static ApiKeyRepository withStored(ApiKeyRepository configured, @Nullable ApiKeyStore stored) {
		if (stored == null) {
			return configured;
		}
		return (valueSha256) -> configured.findByValueSha256(valueSha256)
			.switchIfEmpty(Mono.defer(() -> stored.findByValueSha256(valueSha256)));
	}

}
