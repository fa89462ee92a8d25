package dev.apigw.store;

import java.time.Duration;

import dev.apigw.store.MemoryAuthorizerResultCacheTests.TextCodec;
import dev.apigw.test.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Authorizer results in a real redis-server: one result for every instance, under the key
 * prefix, expired by Redis after the authorizer's TTL; a Redis that fails or a value that
 * cannot be read is a miss, never an error.
 */
class RedisAuthorizerResultCacheTests {

	private static final String KEY = "shop/dev/tokens/5e88";

	private static TestRedis redis;

	private static LettuceConnectionFactory first;

	private static LettuceConnectionFactory second;

	@BeforeAll
	static void startRedis() {
		redis = TestRedis.start();
		first = connect();
		second = connect();
	}

	private static LettuceConnectionFactory connect() {
		LettuceConnectionFactory factory = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration("127.0.0.1", redis.port()));
		factory.afterPropertiesSet();
		factory.start();
		return factory;
	}

	@AfterAll
	static void stopRedis() {
		first.destroy();
		second.destroy();
		redis.close();
	}

	@BeforeEach
	void flush() {
		redis.flush();
	}

	@Test
	void aResultCachedByOneInstanceIsAHitOnAnother() {
		StepVerifier.create(cache(first).put(KEY, "allow alice", Duration.ofSeconds(300), TextCodec.INSTANCE))
			.verifyComplete();
		StepVerifier.create(cache(second).get(KEY, TextCodec.INSTANCE)).expectNext("allow alice").verifyComplete();
		StepVerifier.create(cache(second).get("shop/dev/tokens/other", TextCodec.INSTANCE)).verifyComplete();
	}

	@Test
	void keepsTheEncodedResultUnderThePrefixForTheTtl() {
		StepVerifier.create(cache(first).put(KEY, "allow", Duration.ofSeconds(42), TextCodec.INSTANCE))
			.verifyComplete();
		assertThat(redis.get("test:authorizer:" + KEY)).isEqualTo("allow");
		assertThat(redis.pttl("test:authorizer:" + KEY)).isPositive().isLessThanOrEqualTo(42_000);
	}

	@Test
	void aValueThatCannotBeReadIsAMiss() {
		redis.set("test:authorizer:" + KEY, "!garbled");
		StepVerifier.create(cache(first).get(KEY, TextCodec.INSTANCE)).verifyComplete();
	}

	@Test
	void clearDropsTheResultsAndNothingElse() {
		redis.set("test:cache:shop/dev:abc", "response");
		StepVerifier.create(cache(first).put(KEY, "allow", Duration.ofSeconds(300), TextCodec.INSTANCE)
			.then(cache(first).put("shop/dev/tokens/other", "deny", Duration.ofSeconds(300), TextCodec.INSTANCE))
			.then(cache(second).clear())).verifyComplete();
		assertThat(redis.get("test:authorizer:" + KEY)).isNull();
		assertThat(redis.get("test:authorizer:shop/dev/tokens/other")).isNull();
		assertThat(redis.get("test:cache:shop/dev:abc")).isEqualTo("response");
	}

	@Test
	void aRedisThatDoesNotAnswerIsAMissNotAnError() {
		StepVerifier.create(cache(first).put(KEY, "allow", Duration.ofSeconds(300), TextCodec.INSTANCE))
			.verifyComplete();
		redis.pause();
		try {
			RedisAuthorizerResultCache cache = new RedisAuthorizerResultCache(first, "test:", Duration.ofMillis(100));
			StepVerifier.create(cache.get(KEY, TextCodec.INSTANCE)).verifyComplete();
			StepVerifier.create(cache.put("shop/dev/tokens/late", "allow", Duration.ofSeconds(300),
					TextCodec.INSTANCE)).verifyComplete();
		}
		finally {
			redis.resume();
		}
	}

	private static RedisAuthorizerResultCache cache(LettuceConnectionFactory factory) {
		return new RedisAuthorizerResultCache(factory, "test:", Duration.ofSeconds(5));
	}

}
