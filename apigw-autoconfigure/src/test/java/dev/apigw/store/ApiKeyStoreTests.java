package dev.apigw.store;

import java.time.Duration;
import java.util.Set;

import dev.apigw.auth.ApiKeyHashes;
import dev.apigw.model.ApiKey;
import dev.apigw.test.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * API keys created at run time, in memory and in a real redis-server: found by the SHA-256
 * of their value and by id, a changed value no longer finds the key under the old one, a
 * deleted key is gone; in Redis a key saved by one instance is found by another, Redis holds
 * no value, and an instance answers from what it has seen while Redis does not answer.
 */
class ApiKeyStoreTests {

	private static final String ALICE = sha("alice");

	private static final String ALICE_NEW = sha("alice-rotated");

	private static final ApiKey KEY = new ApiKey("k1", "alice", "Alice's key", true, ALICE, Set.of("gold"));

	abstract static class Contract {

		abstract ApiKeyStore store();

		@Test
		void aSavedKeyIsFoundByTheDigestOfItsValueAndById() {
			store().save(KEY).block();
			assertThat(store().findByValueSha256(ALICE).block()).isEqualTo(KEY);
			assertThat(store().findById("k1").block()).isEqualTo(KEY);
			assertThat(store().findAll().collectList().block()).containsExactly(KEY);
			assertThat(store().findByValueSha256(sha("mallory")).block()).isNull();
			assertThat(store().findById("k2").block()).isNull();
		}

		@Test
		void aKeyWhoseValueChangedIsNoLongerFoundByTheOldValue() {
			store().save(KEY).block();
			ApiKey rotated = new ApiKey("k1", "alice", null, false, ALICE_NEW, Set.of());
			store().save(rotated).block();
			assertThat(store().findByValueSha256(ALICE).block()).isNull();
			assertThat(store().findByValueSha256(ALICE_NEW).block()).isEqualTo(rotated);
			assertThat(store().findAll().collectList().block()).containsExactly(rotated);
		}

		@Test
		void aDeletedKeyIsGone() {
			store().save(KEY).block();
			assertThat(store().delete("k1").block()).isTrue();
			assertThat(store().delete("k1").block()).isFalse();
			assertThat(store().findByValueSha256(ALICE).block()).isNull();
			assertThat(store().findById("k1").block()).isNull();
			assertThat(store().findAll().collectList().block()).isEmpty();
		}

	}

	@Nested
	class Memory extends Contract {

		private final MemoryApiKeyStore store = new MemoryApiKeyStore();

		@Override
		ApiKeyStore store() {
			return this.store;
		}

	}

	@Nested
	class Redis extends Contract {

		@Override
		ApiKeyStore store() {
			return first;
		}

		@Test
		void aKeySavedByOneInstanceIsFoundByAnotherAndRedisHoldsOnlyItsDigest() {
			first.save(KEY).block();
			assertThat(second.findByValueSha256(ALICE).block()).isEqualTo(KEY);
			assertThat(redis.hget("apikeys-test:apikeys:sha256", ALICE)).isEqualTo("k1");
			assertThat(redis.hget("apikeys-test:apikeys", "k1")).contains(ALICE).doesNotContain("\"alice-value");
		}

		@Test
		void whileRedisDoesNotAnswerAKeyThisInstanceHasSeenIsStillFound() {
			first.save(KEY).block();
			assertThat(second.findByValueSha256(ALICE).block()).isEqualTo(KEY);
			redis.pause();
			try {
				assertThat(second.findByValueSha256(ALICE).block()).isEqualTo(KEY);
				assertThat(second.findByValueSha256(sha("mallory")).block()).isNull();
			}
			finally {
				redis.resume();
			}
		}

	}

	private static TestRedis redis;

	private static LettuceConnectionFactory firstConnection;

	private static LettuceConnectionFactory secondConnection;

	private static RedisApiKeyStore first;

	private static RedisApiKeyStore second;

	@BeforeAll
	static void startRedis() {
		redis = TestRedis.start();
		firstConnection = connect();
		secondConnection = connect();
		first = new RedisApiKeyStore(firstConnection, "apikeys-test:", Duration.ofMillis(500));
		second = new RedisApiKeyStore(secondConnection, "apikeys-test:", Duration.ofMillis(500));
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
		firstConnection.destroy();
		secondConnection.destroy();
		redis.close();
	}

	@BeforeEach
	void flush() {
		redis.flush();
	}

	private static String sha(String value) {
		return ApiKeyHashes.sha256(value);
	}

}
