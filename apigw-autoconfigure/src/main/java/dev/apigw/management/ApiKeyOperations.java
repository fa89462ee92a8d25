package dev.apigw.management;

import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.apigw.auth.ApiKeyHashes;
import dev.apigw.model.ApiKey;
import org.jspecify.annotations.Nullable;

/**
 * CreateApiKey, GetApiKeys, GetApiKey, UpdateApiKey and DeleteApiKey. A key is stored with
 * the SHA-256 of its value only: the value (given, or 40 generated letters and digits as on
 * AWS) is answered once, by CreateApiKey, and {@code includeValue(s)} cannot bring it back.
 * Keys of configuration are listed and found but not changed.
 */
final class ApiKeyOperations {

	private static final int ID_LENGTH = 10;

	private static final int MIN_VALUE_LENGTH = 20;

	private static final List<String> PATHS = List.of("/enabled", "/name", "/description", "/customerId");

	private final ManagedKeys keys;

	ApiKeyOperations(ManagedKeys keys) {
		this.keys = keys;
	}

	ManagementResult create(ManagementRequest request) {
		Map<String, Object> body = JsonBodies.object(request.body());
		if (body.get("stageKeys") instanceof List<?> stageKeys && !stageKeys.isEmpty()) {
			throw ManagementError.badRequest("apigw does not attach API keys to stages with stageKeys: add the key "
					+ "to a usage plan covering the stage (CreateUsagePlanKey)");
		}
		String value = JsonBodies.string(body, "value");
		if (value == null || value.isEmpty()) {
			value = Ids.apiKeyValue();
		}
		else if (value.length() < MIN_VALUE_LENGTH) {
			// the value itself is never part of a message
			throw ManagementError.badRequest("API Key value should be at least " + MIN_VALUE_LENGTH + " characters");
		}
		String sha256 = ApiKeyHashes.sha256(value);
		if (this.keys.valueTaken(sha256)) {
			throw ManagementError.conflict("API Key already exists");
		}
		String id = Ids.newId(ID_LENGTH, (candidate) -> this.keys.find(candidate) != null);
		String name = JsonBodies.string(body, "name");
		ApiKey key = new ApiKey(id, (name != null && !name.isEmpty()) ? name : id,
				JsonBodies.string(body, "description"), Boolean.parseBoolean(JsonBodies.string(body, "enabled")),
				sha256, Set.of(), JsonBodies.string(body, "customerId"), this.keys.now(), this.keys.now());
		this.keys.save(key);
		this.keys.audit(request, "create-api-key", Map.of("keyId", id));
		return ManagementResult.created(UsageShapes.apiKey(key, value, false));
	}

	ManagementResult list(ManagementRequest request) {
		String nameQuery = request.query().getFirst("name");
		String customerId = request.query().getFirst("customerId");
		List<Map<String, Object>> items = this.keys.all().stream()
			.filter((key) -> nameQuery == null || key.name().startsWith(nameQuery))
			.filter((key) -> customerId == null || customerId.equals(key.customerId()))
			.map(this::shape)
			.toList();
		return ManagementResult.ok(Shapes.page(items, request));
	}

	ManagementResult get(String id) {
		return ManagementResult.ok(shape(this.keys.require(id)));
	}

	ManagementResult update(String id, ManagementRequest request) {
		ApiKey key = this.keys.requireStored(id);
		String name = key.name();
		String description = key.description();
		String customerId = key.customerId();
		boolean enabled = key.enabled();
		for (Map<String, Object> operation : JsonBodies.objects(JsonBodies.object(request.body()), "patchOperations")) {
			String op = String.valueOf(JsonBodies.string(operation, "op"));
			String path = String.valueOf(JsonBodies.string(operation, "path"));
			String value = JsonBodies.string(operation, "value");
			if (!op.equals("replace") || !PATHS.contains(path)) {
				throw ManagementError.badRequest("Invalid patch path '" + path + "' specified for op '" + op
						+ "'. apigw applies replace of: " + PATHS + " (see docs/management.md)");
			}
			switch (path) {
				case "/enabled" -> enabled = Boolean.parseBoolean(value);
				case "/name" -> name = required(value, path);
				case "/description" -> description = value;
				default -> customerId = value;
			}
		}
		ApiKey updated = new ApiKey(id, name, description, enabled, key.valueSha256(), key.usagePlanIds(), customerId,
				key.createdDate(), this.keys.now());
		this.keys.save(updated);
		this.keys.audit(request, "update-api-key", Map.of("keyId", id, "enabled", enabled));
		return ManagementResult.ok(shape(updated));
	}

	ManagementResult delete(String id, ManagementRequest request) {
		this.keys.requireStored(id);
		this.keys.delete(id);
		this.keys.audit(request, "delete-api-key", Map.of("keyId", id));
		return ManagementResult.accepted();
	}

	private Map<String, Object> shape(ApiKey key) {
		return UsageShapes.apiKey(key, null, this.keys.configured(key.id()));
	}

	private static String required(@Nullable String value, String path) {
		if (value == null || value.isEmpty()) {
			throw ManagementError.badRequest("Invalid patch operation: 'replace' of '" + path + "' needs a value");
		}
		return value;
	}

}
