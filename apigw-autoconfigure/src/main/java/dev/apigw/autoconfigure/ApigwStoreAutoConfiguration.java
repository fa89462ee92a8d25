package dev.apigw.autoconfigure;

import dev.apigw.store.StoreProperties;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

/**
 * The store of throttles, quotas and usage records ({@code apigw.store.type}): in memory by
 * default, Redis when configured (and Spring Data Redis reactive is on the classpath).
 */
@AutoConfiguration(after = ApigwAutoConfiguration.class,
		afterName = "org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration")
@ConditionalOnBooleanProperty(name = "apigw.enabled", matchIfMissing = true)
@EnableConfigurationProperties(StoreProperties.class)
// in this order: the memory store is the fallback when no other store is defined
@Import({ StoreConfigurations.Redis.class, StoreConfigurations.RedisMissing.class, StoreConfigurations.Memory.class })
public final class ApigwStoreAutoConfiguration {

}
