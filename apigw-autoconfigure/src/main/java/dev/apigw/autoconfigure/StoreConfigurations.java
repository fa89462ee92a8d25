package dev.apigw.autoconfigure;

import java.time.Clock;

import dev.apigw.auth.SecurityProperties;
import dev.apigw.definition.InvalidApiDefinitionException.Problem;
import dev.apigw.definition.InvalidApiDefinitionException;
import dev.apigw.store.ApiKeyStore;
import dev.apigw.store.AuthorizerResultCache;
import dev.apigw.store.ConnectionStore;
import dev.apigw.store.DeploymentStore;
import dev.apigw.store.FailoverRateLimitStore;
import dev.apigw.store.MemoryApiKeyStore;
import dev.apigw.store.MemoryAuthorizerResultCache;
import dev.apigw.store.MemoryConnectionStore;
import dev.apigw.store.MemoryDeploymentStore;
import dev.apigw.store.MemoryRateLimitStore;
import dev.apigw.store.MemoryResponseCacheStore;
import dev.apigw.store.MemoryUsagePlanStore;
import dev.apigw.store.RateLimitStore;
import dev.apigw.store.RedisApiKeyStore;
import dev.apigw.store.RedisAuthorizerResultCache;
import dev.apigw.store.RedisConnectionStore;
import dev.apigw.store.RedisDeploymentStore;
import dev.apigw.store.RedisResponseCacheStore;
import dev.apigw.store.RedisUsagePlanStore;
import dev.apigw.store.ResponseCacheStore;
import dev.apigw.store.SharedStore;
import dev.apigw.store.StoreHealthIndicator;
import dev.apigw.store.StoreProperties;
import dev.apigw.store.UsagePlanStore;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;

/**
 * The sibling store configurations {@link ApigwStoreAutoConfiguration} imports, in order:
 * Redis, Redis selected without Spring Data Redis, memory, health. Kept out of the
 * auto-configuration class so that they are processed in import order (member classes of
 * a configuration class are processed in no defined order).
 */
final class StoreConfigurations {

	private StoreConfigurations() {
	}

	private static final String REDIS_FACTORY = "org.springframework.data.redis.connection.ReactiveRedisConnectionFactory";

	private static final String TYPE = "apigw.store.type";

	/**
	 * Every store in Redis ({@code apigw.store.type=redis}).
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = REDIS_FACTORY)
	@ConditionalOnProperty(name = TYPE, havingValue = "redis")
	static class Redis {

		@Bean
		@ConditionalOnMissingBean(RateLimitStore.class)
		FailoverRateLimitStore apigwRateLimitStore(StoreProperties properties,
				ObjectProvider<ReactiveRedisConnectionFactory> connectionFactory,
				@Qualifier("apigwClock") ObjectProvider<Clock> clock) {
			StoreProperties.Redis redis = properties.getRedis();
			return new FailoverRateLimitStore(factory(connectionFactory), redis.getKeyPrefix(),
					redis.getFailurePolicy(), redis.getTimeout(), redis.getRetryInterval(), clock(clock));
		}

		@Bean
		@ConditionalOnMissingBean(ResponseCacheStore.class)
		RedisResponseCacheStore apigwResponseCacheStore(StoreProperties properties,
				ObjectProvider<ReactiveRedisConnectionFactory> connectionFactory) {
			StoreProperties.Redis redis = properties.getRedis();
			return new RedisResponseCacheStore(factory(connectionFactory), redis.getKeyPrefix(), redis.getTimeout());
		}

		@Bean
		@ConditionalOnMissingBean(DeploymentStore.class)
		RedisDeploymentStore apigwDeploymentStore(StoreProperties properties,
				ObjectProvider<ReactiveRedisConnectionFactory> connectionFactory) {
			StoreProperties.Redis redis = properties.getRedis();
			// deployments are management actions: a slow answer is waited for longer
			return new RedisDeploymentStore(factory(connectionFactory), redis.getKeyPrefix(),
					redis.getTimeout().multipliedBy(10), redis.getRetryInterval());
		}

		@Bean
		@ConditionalOnMissingBean(AuthorizerResultCache.class)
		RedisAuthorizerResultCache apigwAuthorizerResultCache(StoreProperties properties,
				ObjectProvider<ReactiveRedisConnectionFactory> connectionFactory) {
			StoreProperties.Redis redis = properties.getRedis();
			return new RedisAuthorizerResultCache(factory(connectionFactory), redis.getKeyPrefix(),
					redis.getTimeout());
		}

		@Bean
		@ConditionalOnMissingBean(ConnectionStore.class)
		RedisConnectionStore apigwConnectionStore(StoreProperties properties,
				ObjectProvider<ReactiveRedisConnectionFactory> connectionFactory) {
			StoreProperties.Redis redis = properties.getRedis();
			return new RedisConnectionStore(factory(connectionFactory), redis.getKeyPrefix(), redis.getTimeout());
		}

		@Bean
		@ConditionalOnMissingBean(UsagePlanStore.class)
		RedisUsagePlanStore apigwUsagePlanStore(StoreProperties properties,
				ObjectProvider<ReactiveRedisConnectionFactory> connectionFactory) {
			StoreProperties.Redis redis = properties.getRedis();
			return new RedisUsagePlanStore(factory(connectionFactory), redis.getKeyPrefix(),
					redis.getTimeout().multipliedBy(10), redis.getRetryInterval());
		}

		@Bean
		@ConditionalOnMissingBean(ApiKeyStore.class)
		RedisApiKeyStore apigwApiKeyStore(StoreProperties properties,
				ObjectProvider<ReactiveRedisConnectionFactory> connectionFactory) {
			StoreProperties.Redis redis = properties.getRedis();
			return new RedisApiKeyStore(factory(connectionFactory), redis.getKeyPrefix(), redis.getTimeout());
		}

		private static ReactiveRedisConnectionFactory factory(
				ObjectProvider<ReactiveRedisConnectionFactory> connectionFactory) {
			ReactiveRedisConnectionFactory factory = connectionFactory.getIfAvailable();
			if (factory == null) {
				throw new InvalidApiDefinitionException(new Problem("application properties", "*", null, null, TYPE,
						"apigw.store.type=redis needs a ReactiveRedisConnectionFactory; "
								+ "configure spring.data.redis.* (Spring Boot's Redis auto-configuration)"));
			}
			return factory;
		}

	}

	/**
	 * Redis selected without Spring Data Redis: start-up fails saying what to add, whatever
	 * stores the application defines itself.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingClass(REDIS_FACTORY)
	@ConditionalOnProperty(name = TYPE, havingValue = "redis")
	static class RedisMissing {

		@Bean
		StoreTypeCheck apigwStoreTypeCheck() {
			throw new InvalidApiDefinitionException(new Problem("application properties", "*", null, null, TYPE,
					"apigw.store.type=redis needs "
							+ "org.springframework.boot:spring-boot-starter-data-redis-reactive on the classpath"));
		}

	}

	/**
	 * Every store not defined yet in this instance's memory: the default.
	 */
	@Configuration(proxyBeanMethods = false)
	static class Memory {

		@Bean
		@ConditionalOnMissingBean(RateLimitStore.class)
		MemoryRateLimitStore apigwRateLimitStore() {
			return new MemoryRateLimitStore();
		}

		@Bean
		@ConditionalOnMissingBean(ResponseCacheStore.class)
		MemoryResponseCacheStore apigwResponseCacheStore(@Qualifier("apigwClock") ObjectProvider<Clock> clock) {
			return new MemoryResponseCacheStore(clock(clock));
		}

		@Bean
		@ConditionalOnMissingBean(DeploymentStore.class)
		MemoryDeploymentStore apigwDeploymentStore() {
			return new MemoryDeploymentStore();
		}

		@Bean
		@ConditionalOnMissingBean(AuthorizerResultCache.class)
		MemoryAuthorizerResultCache apigwAuthorizerResultCache(@Qualifier("apigwClock") ObjectProvider<Clock> clock,
				SecurityProperties properties) {
			return new MemoryAuthorizerResultCache(clock(clock), properties.getAuthorizers().getCacheMaximumSize());
		}

		@Bean
		@ConditionalOnMissingBean(ConnectionStore.class)
		MemoryConnectionStore apigwConnectionStore() {
			return new MemoryConnectionStore();
		}

		@Bean
		@ConditionalOnMissingBean(UsagePlanStore.class)
		MemoryUsagePlanStore apigwUsagePlanStore() {
			return new MemoryUsagePlanStore();
		}

		@Bean
		@ConditionalOnMissingBean(ApiKeyStore.class)
		MemoryApiKeyStore apigwApiKeyStore() {
			return new MemoryApiKeyStore();
		}

	}

	/**
	 * The health of the stores that can be unavailable (Redis).
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.boot.health.contributor.ReactiveHealthIndicator")
	@ConditionalOnBean(SharedStore.class)
	static class Health {

		@Bean
		@ConditionalOnMissingBean(name = "apigwStoreHealthIndicator")
		StoreHealthIndicator apigwStoreHealthIndicator(ObjectProvider<SharedStore> stores) {
			return new StoreHealthIndicator(stores.orderedStream().toList());
		}

	}

	/**
	 * The gateway's clock ({@code apigwClock}, which tests move), or the system's when the
	 * core is not configured.
	 */
	private static Clock clock(ObjectProvider<Clock> clock) {
		return clock.getIfAvailable(Clock::systemUTC);
	}

	/**
	 * Never created: its factory method fails start-up.
	 */
	static final class StoreTypeCheck {

	}

}
