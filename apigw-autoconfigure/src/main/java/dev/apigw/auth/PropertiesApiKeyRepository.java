package dev.apigw.auth;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import dev.apigw.definition.InvalidApiDefinitionException.Problem;
import dev.apigw.definition.InvalidApiDefinitionException;
import dev.apigw.model.ApiKey;
import reactor.core.publisher.Mono;

/**
 * The API keys of {@code apigw.api-keys}: each value hashed once at start-up and then
 * forgotten; lookups by hash.
 */
public final class PropertiesApiKeyRepository implements ApiKeyRepository {

	/** What key names (and so key ids) may contain. */
	public static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,128}");

	private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");

	private static final int MIN_VALUE_LENGTH = 20;

	private final Map<String, ApiKey> byHash = new HashMap<>();

	private final List<ApiKey> keys = new ArrayList<>();

	/**
	 * Reads and checks the configured keys.
	 * @param properties the keys
	 * @throws InvalidApiDefinitionException listing every invalid key
	 */
	public PropertiesApiKeyRepository(ApiKeyProperties properties) {
		List<Problem> problems = new ArrayList<>();
		properties.getApiKeys().forEach((name, key) -> {
			String field = "apigw.api-keys." + name;
			if (!NAME.matcher(name).matches()) {
				problems.add(problem(field, "A key name must be 1 to 128 letters, digits, '.', '-' or '_'"));
			}
			String hash = hash(field, key, problems);
			if (hash == null) {
				return;
			}
			ApiKey apiKey = new ApiKey(name, name, key.getDescription(), key.isEnabled(), hash, Set.of());
			ApiKey other = this.byHash.putIfAbsent(hash, apiKey);
			if (other != null) {
				problems.add(problem(field, "The key has the same value as key '" + other.id() + "'"));
			}
			this.keys.add(apiKey);
		});
		if (!problems.isEmpty()) {
			throw new InvalidApiDefinitionException(problems);
		}
	}

	private static String hash(String field, ApiKeyProperties.Key key, List<Problem> problems) {
		if (key.getValue() != null && key.getValueSha256() != null) {
			problems.add(problem(field, "Set either value or value-sha256, not both"));
			return null;
		}
		if (key.getValueSha256() != null) {
			if (!SHA256.matcher(key.getValueSha256()).matches()) {
				problems.add(problem(field + ".value-sha256", "A SHA-256 is 64 hex digits"));
				return null;
			}
			return key.getValueSha256().toLowerCase(Locale.ROOT);
		}
		if (key.getValue() == null || key.getValue().isBlank()) {
			problems.add(problem(field + ".value",
					"The key has no value; set value (e.g. \"${PARTNER_API_KEY}\") or value-sha256"));
			return null;
		}
		if (key.getValue().length() < MIN_VALUE_LENGTH) {
			// the value itself is never part of a message
			problems.add(problem(field + ".value", "A key value must be at least 20 characters, as on AWS"));
			return null;
		}
		return ApiKeyHashes.sha256(key.getValue());
	}

	private static Problem problem(String field, String message) {
		return new Problem("application properties", "*", null, null, field, message);
	}

	@Override
	public Mono<ApiKey> findByValueSha256(String valueSha256) {
		return Mono.justOrEmpty(this.byHash.get(valueSha256));
	}

	/**
	 * The configured keys.
	 * @return the keys, in definition order
	 */
	public List<ApiKey> keys() {
		return List.copyOf(this.keys);
	}

}
