package dev.apigw.autoconfigure;

import java.time.Clock;
import java.util.List;

import dev.apigw.auth.ApiKeyRepository;
import dev.apigw.auth.PropertiesApiKeyRepository;
import dev.apigw.auth.iam.IamCredentialsRepository;
import dev.apigw.definition.ApigwProperties;
import dev.apigw.deploy.DeploymentRegistry;
import dev.apigw.management.KeysAndPlans;
import dev.apigw.management.ManagementProperties;
import dev.apigw.management.ManagementWebFilter;
import dev.apigw.model.ApiKey;
import dev.apigw.observe.AuditLog;
import dev.apigw.routing.GatewayEnvironment;
import dev.apigw.store.ApiKeyStore;
import dev.apigw.throttle.UsagePlanCatalog;
import dev.apigw.throttle.UsageReport;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * AWS API Gateway's management API served by the gateway ({@code apigw.management.enabled}):
 * a web filter under {@code apigw.management.base-path}, ahead of the API mounts and the
 * WebSocket gateway. Callers sign with Signature Version 4 and are authorized by their
 * policies, so an {@link IamCredentialsRepository} bean is required: without one the
 * application does not start.
 */
@AutoConfiguration(after = { ApigwAutoConfiguration.class, ApigwSecurityAutoConfiguration.class,
		ApigwDeploymentAutoConfiguration.class, ApigwStoreAutoConfiguration.class,
		ApigwUsagePlanAutoConfiguration.class })
@ConditionalOnBean(DeploymentRegistry.class)
@ConditionalOnBooleanProperty(name = "apigw.management.enabled")
@EnableConfigurationProperties(ManagementProperties.class)
public final class ApigwManagementAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ManagementWebFilter apigwManagementWebFilter(ManagementProperties management, ApigwProperties apigw,
			DeploymentRegistry registry, ObjectProvider<IamCredentialsRepository> credentials,
			GatewayEnvironment environment, @Qualifier("apigwClock") Clock clock, ObjectProvider<ApiKeyStore> keyStore,
			ObjectProvider<ApiKeyRepository> keys, ObjectProvider<UsagePlanCatalog> plans,
			ObjectProvider<UsageReport> usage, ObjectProvider<AuditLog> audit) {
		IamCredentialsRepository repository = credentials.getIfAvailable();
		if (repository == null) {
			throw new IllegalStateException("apigw.management.enabled is true but there is no IamCredentialsRepository "
					+ "bean: the management API authenticates every call with Signature Version 4 and has no anonymous "
					+ "mode. Declare an IamCredentialsRepository (for example InMemoryIamCredentials) whose "
					+ "credentials carry policies allowing apigateway:* actions, or set apigw.management.enabled=false.");
		}
		String basePath = management.getBasePath();
		if (!basePath.startsWith("/")) {
			throw new IllegalStateException("apigw.management.base-path must start with '/', not '" + basePath + "'");
		}
		// before the WebSocket gateway (order - 1) and the API mounts (order)
		return new ManagementWebFilter(basePath, apigw.getWebFilterOrder() - 2,
				(int) Math.min(Integer.MAX_VALUE, apigw.getMaxBodySize().toBytes()), registry, repository, environment,
				clock, keysAndPlans(keyStore.getIfAvailable(), keys.getIfAvailable(), plans.getIfAvailable(),
						usage.getIfAvailable(), audit.getIfAvailable()));
	}

	// keys of configuration are listed read-only; an application's own repository cannot be listed
	private static @Nullable KeysAndPlans keysAndPlans(@Nullable ApiKeyStore store, @Nullable ApiKeyRepository keys,
			@Nullable UsagePlanCatalog plans, @Nullable UsageReport usage, @Nullable AuditLog audit) {
		if (store == null || plans == null || usage == null) {
			return null;
		}
		List<ApiKey> configured = (keys instanceof PropertiesApiKeyRepository properties) ? properties.keys()
				: List.of();
		return new KeysAndPlans(store, configured, plans, usage, audit);
	}

}
