package dev.apigw.management;

import java.util.List;

import dev.apigw.model.ApiKey;
import dev.apigw.observe.AuditLog;
import dev.apigw.store.ApiKeyStore;
import dev.apigw.throttle.UsagePlanCatalog;
import dev.apigw.throttle.UsageReport;
import org.jspecify.annotations.Nullable;

/**
 * What the management API serves API keys, usage plans, usage plan keys and usage from.
 *
 * @param store the keys made at run time
 * @param configuredKeys the keys of configuration, listed read-only (none when the
 * application keeps its keys in its own repository)
 * @param plans the usage plans in force
 * @param usage reports usage
 * @param audit records every change, {@code null} for none
 */
public record KeysAndPlans(ApiKeyStore store, List<ApiKey> configuredKeys, UsagePlanCatalog plans, UsageReport usage,
		@Nullable AuditLog audit) {

	public KeysAndPlans {
		configuredKeys = List.copyOf(configuredKeys);
	}

}
