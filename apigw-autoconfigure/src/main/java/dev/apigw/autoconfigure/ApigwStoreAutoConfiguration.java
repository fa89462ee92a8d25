package dev.apigw.autoconfigure;

import dev.apigw.auth.SecurityProperties;
import dev.apigw.store.StoreProperties;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

/**
 * Every store of state that gateway instances share, behind one switch
 * ({@code apigw.store.type}): rate limits and quotas, stage response caches, deployments
 * and stage pointers, Lambda authorizer results and WebSocket connections, in this
 * instance's memory by default or all in Redis (with Spring Data Redis reactive on the
 * class path), and the health of those that can be unavailable. Each store backs off when
 * the application defines its own bean of the store's type.
 */
@AutoConfiguration(before = ApigwAutoConfiguration.class,
		afterName = "org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration")
@ConditionalOnBooleanProperty(name = "apigw.enabled", matchIfMissing = true)
@EnableConfigurationProperties({ StoreProperties.class, SecurityProperties.class })
// in this order: the memory stores are the fallback for every store not defined before them,
// and the health indicator reports the shared stores defined before it
@Import({ StoreConfigurations.Redis.class, StoreConfigurations.RedisMissing.class, StoreConfigurations.Memory.class,
		StoreConfigurations.Health.class })
public final class ApigwStoreAutoConfiguration {

}
