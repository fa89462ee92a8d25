package dev.apigw.autoconfigure;

import java.time.Clock;
import java.util.Map;

import dev.apigw.definition.InvalidApiDefinitionException;
import dev.apigw.store.AuthorizerResultCache;
import dev.apigw.store.ConnectionStore;
import dev.apigw.store.DeploymentStore;
import dev.apigw.store.FailoverRateLimitStore;
import dev.apigw.store.MemoryAuthorizerResultCache;
import dev.apigw.store.MemoryConnectionStore;
import dev.apigw.store.MemoryDeploymentStore;
import dev.apigw.store.MemoryRateLimitStore;
import dev.apigw.store.MemoryResponseCacheStore;
import dev.apigw.store.RateLimitStore;
import dev.apigw.store.RedisAuthorizerResultCache;
import dev.apigw.store.RedisConnectionStore;
import dev.apigw.store.RedisDeploymentStore;
import dev.apigw.store.RedisResponseCacheStore;
import dev.apigw.store.ResponseCacheStore;
import dev.apigw.store.StoreHealthIndicator;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One switch for every shared store: memory by default, all in Redis with
 * {@code apigw.store.type=redis}, the application's own stores first, and clear start-up
 * failures when Redis is selected without what it needs.
 */
class ApigwStoreAutoConfigurationTests {

	private static final Map<Class<?>, Class<?>> MEMORY = Map.of(RateLimitStore.class, MemoryRateLimitStore.class,
			ResponseCacheStore.class, MemoryResponseCacheStore.class, DeploymentStore.class,
			MemoryDeploymentStore.class, AuthorizerResultCache.class, MemoryAuthorizerResultCache.class,
			ConnectionStore.class, MemoryConnectionStore.class);

	private static final Map<Class<?>, Class<?>> REDIS = Map.of(RateLimitStore.class, FailoverRateLimitStore.class,
			ResponseCacheStore.class, RedisResponseCacheStore.class, DeploymentStore.class, RedisDeploymentStore.class,
			AuthorizerResultCache.class, RedisAuthorizerResultCache.class, ConnectionStore.class,
			RedisConnectionStore.class);

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ApigwStoreAutoConfiguration.class, DataRedisAutoConfiguration.class,
				DataRedisReactiveAutoConfiguration.class))
		// nothing listens there: the stores connect lazily
		.withPropertyValues("spring.data.redis.host=127.0.0.1", "spring.data.redis.port=1");

	@Test
	void keepsEveryStoreInMemoryByDefault() {
		this.runner.run((context) -> {
			assertStores(context, MEMORY);
			assertThat(context).doesNotHaveBean(StoreHealthIndicator.class);
		});
		this.runner.withPropertyValues("apigw.store.type=memory").run((context) -> assertStores(context, MEMORY));
	}

	@Test
	void keepsEveryStoreInRedisWithOneSwitch() {
		this.runner.withPropertyValues("apigw.store.type=redis").run((context) -> {
			assertStores(context, REDIS);
			assertThat(context).hasSingleBean(StoreHealthIndicator.class);
		});
	}

	@Test
	void usesTheApplicationsOwnStoresWhateverTheSwitchSays() {
		Stores user = new Stores();
		for (String type : new String[] { "memory", "redis" }) {
			this.runner.withPropertyValues("apigw.store.type=" + type)
				.withBean("myRateLimits", RateLimitStore.class, () -> user.rateLimits)
				.withBean("myResponses", ResponseCacheStore.class, () -> user.responses)
				.withBean("myDeployments", DeploymentStore.class, () -> user.deployments)
				.withBean("myAuthorizerResults", AuthorizerResultCache.class, () -> user.authorizerResults)
				.withBean("myConnections", ConnectionStore.class, () -> user.connections)
				.run((context) -> {
					assertThat(context).hasNotFailed();
					assertThat(context.getBean(RateLimitStore.class)).isSameAs(user.rateLimits);
					assertThat(context.getBean(ResponseCacheStore.class)).isSameAs(user.responses);
					assertThat(context.getBean(DeploymentStore.class)).isSameAs(user.deployments);
					assertThat(context.getBean(AuthorizerResultCache.class)).isSameAs(user.authorizerResults);
					assertThat(context.getBean(ConnectionStore.class)).isSameAs(user.connections);
				});
		}
	}

	@Test
	void usesRedisForTheStoresTheApplicationDoesNotDefine() {
		MemoryDeploymentStore deployments = new MemoryDeploymentStore();
		this.runner.withPropertyValues("apigw.store.type=redis")
			.withBean("myDeployments", DeploymentStore.class, () -> deployments)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(DeploymentStore.class)).isSameAs(deployments);
				assertThat(context.getBean(AuthorizerResultCache.class)).isInstanceOf(RedisAuthorizerResultCache.class);
				assertThat(context.getBean(RateLimitStore.class)).isInstanceOf(FailoverRateLimitStore.class);
			});
	}

	@Test
	void worksInMemoryWithoutSpringDataRedis() {
		this.runner.withClassLoader(new FilteredClassLoader("org.springframework.data.redis"))
			.run((context) -> assertStores(context, MEMORY));
	}

	@Test
	void redisWithoutSpringDataRedisFailsStartUpSayingWhatToAdd() {
		this.runner.withClassLoader(new FilteredClassLoader("org.springframework.data.redis"))
			.withPropertyValues("apigw.store.type=redis")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(InvalidApiDefinitionException.class)
				.hasMessageContaining("field 'apigw.store.type'")
				.hasMessageContaining("org.springframework.boot:spring-boot-starter-data-redis-reactive"));
	}

	@Test
	void redisWithoutAConnectionFactoryFailsStartUpSayingWhatToConfigure() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(ApigwStoreAutoConfiguration.class))
			.withPropertyValues("apigw.store.type=redis")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(InvalidApiDefinitionException.class)
				.hasMessageContaining("field 'apigw.store.type'")
				.hasMessageContaining("needs a ReactiveRedisConnectionFactory; configure spring.data.redis.*"));
	}

	@Test
	void staysOffWhenApigwIsDisabled() {
		this.runner.withPropertyValues("apigw.enabled=false", "apigw.store.type=redis")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(RateLimitStore.class)
				.doesNotHaveBean(ResponseCacheStore.class)
				.doesNotHaveBean(DeploymentStore.class)
				.doesNotHaveBean(AuthorizerResultCache.class)
				.doesNotHaveBean(ConnectionStore.class));
	}

	private static void assertStores(AssertableApplicationContext context, Map<Class<?>, Class<?>> expected) {
		assertThat(context).hasNotFailed();
		expected.forEach((type, implementation) -> assertThat(context).getBean(type).isInstanceOf(implementation));
	}

	/**
	 * Stores an application defines itself.
	 */
	private static final class Stores {

		final RateLimitStore rateLimits = new MemoryRateLimitStore();

		final ResponseCacheStore responses = new MemoryResponseCacheStore(Clock.systemUTC());

		final DeploymentStore deployments = new MemoryDeploymentStore();

		final AuthorizerResultCache authorizerResults = new MemoryAuthorizerResultCache(Clock.systemUTC(), 10);

		final ConnectionStore connections = new MemoryConnectionStore();

	}

}
