package dev.apigw.autoconfigure;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import dev.apigw.actuate.UsageEndpointSection;
import dev.apigw.auth.ApiKeyFilter;
import dev.apigw.auth.ApiKeyProperties;
import dev.apigw.auth.ApiKeyRepository;
import dev.apigw.auth.PropertiesApiKeyRepository;
import dev.apigw.deploy.DeploymentRegistry;
import dev.apigw.model.Api;
import dev.apigw.model.ApiKey;
import dev.apigw.observe.UsagePlanMetrics;
import dev.apigw.routing.StageRuntime;
import dev.apigw.store.ApiKeyStore;
import dev.apigw.store.MemoryUsagePlanStore;
import dev.apigw.store.RateLimitStore;
import dev.apigw.store.SharedStore;
import dev.apigw.store.UsagePlanStore;
import dev.apigw.throttle.ThrottleFilter;
import dev.apigw.throttle.ThrottleListener;
import dev.apigw.throttle.ThrottlingProperties;
import dev.apigw.throttle.UsagePlanCatalog;
import dev.apigw.throttle.UsagePlanDefinitions;
import dev.apigw.throttle.UsagePlanProperties;
import dev.apigw.throttle.UsagePlans;
import dev.apigw.throttle.UsageReport;
import dev.apigw.websocket.WebSocketApiDefinitions;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.function.SingletonSupplier;

/**
 * API keys, usage plans and throttling: the API key and throttling phases, the key
 * repository (keys of {@code apigw.api-keys} unless the application declares an
 * {@link ApiKeyRepository}), the plans checked against the APIs at start-up, the
 * {@code usage} section of the actuator endpoint and metrics.
 */
@AutoConfiguration(after = { ApigwAutoConfiguration.class, ApigwStoreAutoConfiguration.class },
		afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnBean(DeploymentRegistry.class)
@ConditionalOnBooleanProperty(name = "apigw.enabled", matchIfMissing = true)
@EnableConfigurationProperties({ ApiKeyProperties.class, UsagePlanProperties.class, ThrottlingProperties.class })
public final class ApigwUsagePlanAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(ApiKeyRepository.class)
	PropertiesApiKeyRepository apigwApiKeyRepository(ApiKeyProperties properties) {
		return new PropertiesApiKeyRepository(properties);
	}

	@Bean
	@ConditionalOnMissingBean
	UsagePlans apigwUsagePlans(UsagePlanProperties plans, ThrottlingProperties throttling,
			DeploymentRegistry registry, ApiKeyRepository keys, ObjectProvider<WebSocketApiDefinitions> websocket) {
		List<Api> apis = new java.util.ArrayList<>(
				registry.snapshot().stages().stream().map(StageRuntime::api).distinct().toList());
		// plans may cover WebSocket API stages too (API keys on $connect)
		websocket.ifAvailable((definitions) -> apis.addAll(definitions.stageApis()));
		Set<String> keyIds = (keys instanceof PropertiesApiKeyRepository configured)
				? configured.keys().stream().map(ApiKey::id).collect(Collectors.toSet()) : null;
		return UsagePlanDefinitions.load(plans, throttling, apis, keyIds);
	}

	// the phases are compiled into the stage routes the deployment registry builds, and the
	// plans are checked against what it deployed: the catalog looks the configured plans up
	// on first use
	@Bean
	@ConditionalOnMissingBean
	UsagePlanCatalog apigwUsagePlanCatalog(ObjectProvider<UsagePlans> plans, ObjectProvider<UsagePlanStore> store) {
		return new UsagePlanCatalog(SingletonSupplier.of(plans::getObject),
				store.getIfAvailable(MemoryUsagePlanStore::new));
	}

	@Bean
	ApiKeyFilter apigwApiKeyFilter(ApiKeyRepository keys, ObjectProvider<ApiKeyStore> stored,
			UsagePlanCatalog plans) {
		return new ApiKeyFilter(ApiKeyRepository.withStored(keys, stored.getIfAvailable()), plans);
	}

	@Bean
	ThrottleFilter apigwThrottleFilter(RateLimitStore store, UsagePlanCatalog plans,
			@Qualifier("apigwClock") Clock clock, ThrottlingProperties throttling,
			ObjectProvider<ThrottleListener> listeners) {
		return new ThrottleFilter(store, plans, clock,
				throttling.isRateLimitHeaders(), listeners.orderedStream().toList());
	}

	@Bean
	@ConditionalOnMissingBean
	UsageReport apigwUsageReport(RateLimitStore store, @Qualifier("apigwClock") Clock clock) {
		return new UsageReport(store, clock);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.web.WebEndpointResponse")
	static class UsageEndpointConfiguration {

		@Bean
		@ConditionalOnMissingBean
		UsageEndpointSection apigwUsageEndpointSection(UsagePlanCatalog plans, UsageReport report) {
			return new UsageEndpointSection(plans, report);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	@ConditionalOnBean(MeterRegistry.class)
	static class UsagePlanMetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		UsagePlanMetrics apigwUsagePlanMetrics(MeterRegistry registry, ObjectProvider<SharedStore> stores) {
			return new UsagePlanMetrics(registry, stores.orderedStream().toList());
		}

	}

}
