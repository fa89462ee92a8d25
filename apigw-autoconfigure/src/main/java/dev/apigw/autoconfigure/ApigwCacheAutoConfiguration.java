package dev.apigw.autoconfigure;

import dev.apigw.actuate.CacheEndpointSection;
import dev.apigw.cache.CacheInvalidationPolicy;
import dev.apigw.cache.CacheMetrics;
import dev.apigw.cache.CacheProperties;
import dev.apigw.cache.CacheStoreFilter;
import dev.apigw.cache.ConfiguredInvalidationPolicy;
import dev.apigw.cache.MicrometerCacheMetrics;
import dev.apigw.cache.ResponseCacheFilter;
import dev.apigw.deploy.DeploymentRegistry;
import dev.apigw.observe.AuditLog;
import dev.apigw.store.ResponseCacheStore;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Stage response caches: the lookup and store phases, who may invalidate entries, and the
 * {@code cache} section of the actuator endpoint. Where responses are kept (memory or
 * Redis) is {@link ApigwStoreAutoConfiguration}'s choice. Stages and methods opt in through their
 * settings, so stages without a cache pay nothing.
 */
@AutoConfiguration(after = ApigwStoreAutoConfiguration.class,
		afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnBooleanProperty(name = "apigw.enabled", matchIfMissing = true)
@EnableConfigurationProperties(CacheProperties.class)
public final class ApigwCacheAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	CacheInvalidationPolicy apigwCacheInvalidationPolicy(CacheProperties properties) {
		return new ConfiguredInvalidationPolicy(properties.getInvalidation());
	}

	@Bean
	ResponseCacheFilter apigwResponseCacheFilter(ResponseCacheStore store, CacheInvalidationPolicy invalidation,
			ObjectProvider<CacheMetrics> metrics) {
		return new ResponseCacheFilter(store, invalidation, metrics.getIfAvailable(() -> CacheMetrics.NONE));
	}

	@Bean
	CacheStoreFilter apigwCacheStoreFilter(ResponseCacheStore store, CacheProperties properties) {
		return new CacheStoreFilter(store, properties.getMaxResponseSize().toBytes());
	}

	// Micrometer is optional: its types appear only in this section
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
	static class MetricsSection {

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnBean(type = "io.micrometer.core.instrument.MeterRegistry")
		CacheMetrics apigwCacheMetrics(io.micrometer.core.instrument.MeterRegistry registry) {
			return new MicrometerCacheMetrics(registry);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.web.WebEndpointResponse")
	static class EndpointSection {

		@Bean
		@ConditionalOnMissingBean
		CacheEndpointSection apigwCacheEndpointSection(ResponseCacheStore store, DeploymentRegistry registry,
				ObjectProvider<AuditLog> audit) {
			return new CacheEndpointSection(store, registry, audit.getIfAvailable());
		}

	}

}
