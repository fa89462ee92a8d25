package dev.apigw.store;

import dev.apigw.test.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * The Redis store's Lua scripts against the store contract, on a real redis-server.
 */
class RedisRateLimitStoreTests extends RateLimitStoreContractTests {

	private static TestRedis redis;

	private static LettuceConnectionFactory connectionFactory;

	private static RedisRateLimitStore store;

	@BeforeAll
	static void startRedis() {
		redis = TestRedis.start();
		connectionFactory = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", redis.port()));
		connectionFactory.afterPropertiesSet();
		connectionFactory.start();
		store = new RedisRateLimitStore(connectionFactory, "test:");
	}

	@AfterAll
	static void stopRedis() {
		connectionFactory.destroy();
		redis.close();
	}

	@Override
	protected RateLimitStore store() {
		return store;
	}

}
