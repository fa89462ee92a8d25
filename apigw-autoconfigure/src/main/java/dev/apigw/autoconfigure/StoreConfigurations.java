package dev.apigw.autoconfigure;

import java.time.Clock;

import dev.apigw.definition.InvalidApiDefinitionException;
import dev.apigw.definition.InvalidApiDefinitionException.Problem;
import dev.apigw.store.DeploymentStore;
import dev.apigw.store.FailoverRateLimitStore;
import dev.apigw.store.MemoryRateLimitStore;
import dev.apigw.store.RateLimitStore;
import dev.apigw.store.RedisDeploymentStore;
import dev.apigw.store.RedisResponseCacheStore;
import dev.apigw.store.ResponseCacheStore;
import dev.apigw.store.StoreProperties;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;

/**
 * The stores {@link ApigwStoreAutoConfiguration} imports, in order. Kept out of the
 * auto-configuration class so that they are processed in import order (member classes of
 * a configuration class are processed in no defined order).
 */
final class StoreConfigurations {

	private StoreConfigurations() {
	}

	private static final String REDIS_FACTORY = "org.springframework.data.redis.connection.ReactiveRedisConnectionFactory";

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = REDIS_FACTORY)
	@ConditionalOnProperty(name = "apigw.store.type", havingValue = "redis")
	static class Redis {

		@Bean
		@ConditionalOnMissingBean(RateLimitStore.class)
		FailoverRateLimitStore apigwRateLimitStore(StoreProperties properties,
				ObjectProvider<ReactiveRedisConnectionFactory> connectionFactory, @Qualifier("apigwClock") Clock clock) {
			ReactiveRedisConnectionFactory factory = connectionFactory.getIfAvailable();
			if (factory == null) {
				throw new InvalidApiDefinitionException(new Problem("application properties", "*", null, null,
						"apigw.store.type", "apigw.store.type=redis needs a ReactiveRedisConnectionFactory; "
								+ "configure spring.data.redis.* (Spring Boot's Redis auto-configuration)"));
			}
			StoreProperties.Redis redis = properties.getRedis();
			return new FailoverRateLimitStore(factory, redis.getKeyPrefix(), redis.getFailurePolicy(),
					redis.getTimeout(), redis.getRetryInterval(), clock);
		}

		@Bean
		@ConditionalOnMissingBean(DeploymentStore.class)
		RedisDeploymentStore apigwDeploymentStore(StoreProperties properties,
				ObjectProvider<ReactiveRedisConnectionFactory> connectionFactory) {
			StoreProperties.Redis redis = properties.getRedis();
			// deployments are management actions: a slow answer is waited for longer
			return new RedisDeploymentStore(connectionFactory.getObject(), redis.getKeyPrefix(),
					redis.getTimeout().multipliedBy(10), redis.getRetryInterval());
		}

		@Bean
		@ConditionalOnMissingBean(ResponseCacheStore.class)
		RedisResponseCacheStore apigwResponseCacheStore(StoreProperties properties,
				ObjectProvider<ReactiveRedisConnectionFactory> connectionFactory) {
			StoreProperties.Redis redis = properties.getRedis();
			return new RedisResponseCacheStore(connectionFactory.getObject(), redis.getKeyPrefix(), redis.getTimeout());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingClass(REDIS_FACTORY)
	@ConditionalOnProperty(name = "apigw.store.type", havingValue = "redis")
	static class RedisMissing {

		@Bean
		@ConditionalOnMissingBean(RateLimitStore.class)
		RateLimitStore apigwRateLimitStore() {
			throw new InvalidApiDefinitionException(new Problem("application properties", "*", null, null,
					"apigw.store.type", "apigw.store.type=redis needs "
							+ "org.springframework.boot:spring-boot-starter-data-redis-reactive on the classpath"));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class Memory {

		@Bean
		@ConditionalOnMissingBean(RateLimitStore.class)
		MemoryRateLimitStore apigwRateLimitStore() {
			return new MemoryRateLimitStore();
		}

	}

}
