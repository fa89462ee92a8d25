package dev.apigw.actuate;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.apigw.deploy.DeploymentRegistry;
import dev.apigw.model.Api;
import dev.apigw.observe.AuditLog;
import dev.apigw.store.MemoryResponseCacheStore;
import dev.apigw.store.ResponseCacheStore;
import org.jspecify.annotations.Nullable;

/**
 * The {@code cache} section of the {@code apigw} actuator endpoint:
 * {@code GET /actuator/apigw/cache} shows what the in-memory stage caches hold;
 * {@code POST /actuator/apigw/cache/flush} with {@code {apiId, stage}} flushes a stage's
 * cache (AWS's "Flush entire cache").
 */
public final class CacheEndpointSection implements ApigwEndpointSection {

	private final ResponseCacheStore store;

	private final DeploymentRegistry registry;

	private final @Nullable AuditLog audit;

	/**
	 * Creates the section.
	 * @param store the stage caches
	 * @param registry the deployments, to check the stage exists
	 * @param audit records flushes, {@code null} for none
	 */
	public CacheEndpointSection(ResponseCacheStore store, DeploymentRegistry registry, @Nullable AuditLog audit) {
		this.store = store;
		this.registry = registry;
		this.audit = audit;
	}

	@Override
	public String name() {
		return "cache";
	}

	@Override
	public @Nullable Object read(List<String> path, Map<String, String> parameters) {
		if (!path.isEmpty()) {
			return null;
		}
		Map<String, Object> description = new LinkedHashMap<>();
		description.put("store", (this.store instanceof MemoryResponseCacheStore) ? "memory" : "redis");
		if (this.store instanceof MemoryResponseCacheStore memory) {
			description.put("stages", memory.statistics());
		}
		return description;
	}

	@Override
	public @Nullable Object write(List<String> path, Map<String, Object> parameters, String principal) {
		if (!List.of("flush").equals(path)) {
			return null;
		}
		Object apiId = parameters.get("apiId");
		Object stage = parameters.get("stage");
		if (apiId == null || stage == null) {
			throw new IllegalArgumentException("apiId and stage are required");
		}
		if (!(this.registry.definitions().get(apiId.toString()) instanceof Api api)
				|| !api.stages().containsKey(stage.toString())) {
			throw new IllegalArgumentException("Invalid stage identifier specified: no stage '" + stage + "' of API '"
					+ apiId + "'");
		}
		Long flushed = this.store.flush(apiId + "/" + stage).block(Duration.ofSeconds(30));
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("apiId", apiId.toString());
		details.put("stage", stage.toString());
		details.put("entries", (flushed != null) ? flushed : 0L);
		if (this.audit != null) {
			this.audit.record(principal, "cache-flush", details);
		}
		return details;
	}

}
