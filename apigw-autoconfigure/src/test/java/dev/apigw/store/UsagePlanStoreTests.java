package dev.apigw.store;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.apigw.model.QuotaPeriod;
import dev.apigw.model.QuotaSettings;
import dev.apigw.model.ThrottleSettings;
import dev.apigw.model.UsagePlan;
import dev.apigw.model.UsagePlan.ApiStage;
import dev.apigw.test.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Usage plans made at run time in memory and in a real redis-server: every part of a plan
 * (stages with per-method throttles, throttle, quota, keys) reads back equal, a replaced plan
 * is replaced, a deleted plan is gone.
 */
class UsagePlanStoreTests {

	private static final UsagePlan GOLD = new UsagePlan("gold1", "Gold", "for partners",
			List.of(new ApiStage("shop", "live", Map.of("/items/GET", new ThrottleSettings(5, 10)))),
			new ThrottleSettings(100.5, 200), new QuotaSettings(1000, QuotaPeriod.WEEK, 1), Set.of("k1", "k2"));

	private static TestRedis redis;

	private static LettuceConnectionFactory connection;

	@BeforeAll
	static void startRedis() {
		redis = TestRedis.start();
		connection = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", redis.port()));
		connection.afterPropertiesSet();
		connection.start();
	}

	@AfterAll
	static void stopRedis() {
		connection.destroy();
		redis.close();
	}

	@Test
	void inMemory() {
		assertSavedReplacedAndDeleted(new MemoryUsagePlanStore());
	}

	@Test
	void inRedis() {
		redis.flush();
		RedisUsagePlanStore store = new RedisUsagePlanStore(connection, "plans-test:", Duration.ofSeconds(5),
				Duration.ofMillis(200));
		assertSavedReplacedAndDeleted(store);
		store.save(GOLD);
		assertThat(new RedisUsagePlanStore(connection, "plans-test:", Duration.ofSeconds(5), Duration.ofMillis(200))
			.findAll()).containsExactly(GOLD);
		store.destroy();
	}

	private static void assertSavedReplacedAndDeleted(UsagePlanStore store) {
		store.save(GOLD);
		assertThat(store.findAll()).containsExactly(GOLD);
		UsagePlan renamed = new UsagePlan("gold1", "Platinum", null, List.of(), null, null, Set.of());
		store.save(renamed);
		assertThat(store.findAll()).containsExactly(renamed);
		assertThat(store.delete("gold1")).isTrue();
		assertThat(store.delete("gold1")).isFalse();
		assertThat(store.findAll()).isEmpty();
	}

}
