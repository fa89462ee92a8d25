package dev.apigw.management;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import dev.apigw.model.ApiKey;
import dev.apigw.observe.AuditLog;
import dev.apigw.store.ApiKeyStore;
import org.jspecify.annotations.Nullable;

/**
 * The API keys as the management API sees them: the keys of configuration (read-only) and
 * the keys of the {@link ApiKeyStore}, with AWS's answers for ids that name nothing. Key
 * values are never kept nor logged: only their SHA-256. Its methods may block.
 */
final class ManagedKeys {

	private final ApiKeyStore store;

	private final List<ApiKey> configured;

	private final Clock clock;

	private final @Nullable AuditLog audit;

	ManagedKeys(ApiKeyStore store, List<ApiKey> configured, Clock clock, @Nullable AuditLog audit) {
		this.store = store;
		this.configured = List.copyOf(configured);
		this.clock = clock;
		this.audit = audit;
	}

	Instant now() {
		return this.clock.instant();
	}

	/**
	 * Every key: those of configuration first, then the stored ones, oldest first.
	 * @return the keys
	 */
	List<ApiKey> all() {
		List<ApiKey> stored = new ArrayList<>(this.store.findAll().collectList().blockOptional().orElse(List.of()));
		stored.sort(Comparator.comparing((ApiKey key) -> (key.createdDate() != null) ? key.createdDate() : Instant.MIN)
			.thenComparing(ApiKey::id));
		List<ApiKey> all = new ArrayList<>(this.configured);
		all.addAll(stored);
		return all;
	}

	@Nullable ApiKey find(String id) {
		for (ApiKey key : this.configured) {
			if (key.id().equals(id)) {
				return key;
			}
		}
		return this.store.findById(id).block();
	}

	ApiKey require(String id) {
		ApiKey key = find(id);
		if (key == null) {
			throw ManagementError.notFound("Invalid API Key identifier specified");
		}
		return key;
	}

	/**
	 * A key the management API may change.
	 * @param id the key id
	 * @return the stored key
	 */
	ApiKey requireStored(String id) {
		ApiKey key = require(id);
		if (configured(id)) {
			throw ManagementError.badRequest("API key '" + id + "' comes from configuration (apigw.api-keys." + id
					+ "): change it there, not through the management API");
		}
		return key;
	}

	boolean configured(String id) {
		return this.configured.stream().anyMatch((key) -> key.id().equals(id));
	}

	boolean valueTaken(String valueSha256) {
		return this.configured.stream().anyMatch((key) -> key.valueSha256().equals(valueSha256))
				|| this.store.findByValueSha256(valueSha256).blockOptional().isPresent();
	}

	void save(ApiKey key) {
		this.store.save(key).block();
	}

	void delete(String id) {
		this.store.delete(id).block();
	}

	void audit(ManagementRequest request, String action, Map<String, ?> details) {
		if (this.audit != null) {
			this.audit.record(request.principal(), action, details);
		}
	}

}
