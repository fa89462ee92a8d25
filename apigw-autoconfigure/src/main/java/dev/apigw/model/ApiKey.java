package dev.apigw.model;

import java.time.Instant;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * An API key as a repository holds it: never its value, only the value's SHA-256.
 *
 * @param id the key id ({@code $context.identity.apiKeyId}, usage reports); stable across
 * restarts and instances, as counters in a shared store are named by it
 * @param name a human-readable name
 * @param description a description
 * @param enabled whether requests with the key are accepted
 * @param valueSha256 the SHA-256 of the key's value, 64 lower-case hex digits
 * @param usagePlanIds the usage plans the key belongs to besides the plans that list it
 * ({@code apigw.usage-plans.<id>.keys}), for keys kept outside the configuration
 * @param customerId the customer the key was issued to (AWS's {@code customerId}), if any
 * @param createdDate when the key was created, {@code null} when unknown (configured keys)
 * @param lastUpdatedDate when the key last changed, {@code null} when unknown
 */
public record ApiKey(String id, String name, @Nullable String description, boolean enabled, String valueSha256,
		Set<String> usagePlanIds, @Nullable String customerId, @Nullable Instant createdDate,
		@Nullable Instant lastUpdatedDate) {

	public ApiKey {
		usagePlanIds = Set.copyOf(usagePlanIds);
	}

	/**
	 * A key without customer or dates.
	 * @param id the key id
	 * @param name a human-readable name
	 * @param description a description
	 * @param enabled whether requests with the key are accepted
	 * @param valueSha256 the SHA-256 of the key's value
	 * @param usagePlanIds the usage plans the key belongs to besides the plans that list it
	 */
	public ApiKey(String id, String name, @Nullable String description, boolean enabled, String valueSha256,
			Set<String> usagePlanIds) {
		this(id, name, description, enabled, valueSha256, usagePlanIds, null, null, null);
	}

	@Override
	public String toString() {
		return "ApiKey[id=" + this.id + ", enabled=" + this.enabled + "]";
	}

}
