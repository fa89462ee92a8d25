package dev.apigw.store;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.apigw.store.AdmissionRequest.Bucket;
import dev.apigw.store.AdmissionRequest.Metering;
import dev.apigw.store.AdmissionRequest.Quota;
import dev.apigw.test.MutableClock;
import dev.apigw.test.TestRedis;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.test.StepVerifier;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.redis.connection.ReactiveRedisConnection;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Redis that lost its data (flushed, or restarted without persistence) is noticed by
 * every instance through the store's marker key, logged at WARN and shown in the health
 * details; one that kept it (AOF persistence) is not, and its quota counts go on.
 */
@ExtendWith(OutputCaptureExtension.class)
class RedisDataLossTests {

	private static final String WARNING = "Redis lost its data (the marker key test:store:marker this instance saw "
			+ "is gone";

	private final MutableClock clock = new MutableClock(Instant.now());

	private final List<LettuceConnectionFactory> connections = new ArrayList<>();

	private TestRedis redis;

	@AfterEach
	void stop() {
		try {
			this.connections.forEach(LettuceConnectionFactory::destroy);
		}
		finally {
			this.redis.close();
		}
	}

	@Test
	void everyInstanceNoticesARedisThatLostItsDataAndReportsIt(CapturedOutput output) {
		this.redis = TestRedis.start();
		FailoverRateLimitStore first = instance(FailurePolicy.LOCAL_FALLBACK);
		FailoverRateLimitStore second = instance(FailurePolicy.LOCAL_FALLBACK);
		admitInRedis(first, 3);
		admitInRedis(second, 3);
		StepVerifier.create(first.probe()).expectNext(true).verifyComplete();
		StepVerifier.create(second.probe()).expectNext(true).verifyComplete();
		assertThat(details(first)).containsEntry("countersLost", false).doesNotContainKey("countersLostAt");
		assertThat(output).doesNotContain(WARNING);
		this.redis.flush();
		this.clock.advance(Duration.ofMinutes(1));
		StepVerifier.create(first.probe()).expectNext(true).verifyComplete();
		StepVerifier.create(second.probe()).expectNext(true).verifyComplete();
		assertThat(health(first).getStatus()).as("Redis answers").isEqualTo(Status.UP);
		assertThat(details(first)).containsEntry("available", true)
			.containsEntry("countersLost", true)
			.containsEntry("countersLostAt", this.clock.instant().toString());
		assertThat(details(second)).containsEntry("countersLost", true);
		assertThat(output.getOut().split(java.util.regex.Pattern.quote(WARNING), -1)).as("one warning per instance")
			.hasSize(3);
		assertThat(output).contains("quotas started again from zero. Enable AOF persistence (appendonly yes)");
	}

	@Test
	void admissionsNoticeTheLossWithinTheRetryInterval() {
		this.redis = TestRedis.start();
		FailoverRateLimitStore store = instance(FailurePolicy.FAIL_CLOSED);
		StepVerifier.create(store.probe()).expectNext(true).verifyComplete();
		this.redis.flush();
		admitInRedis(store, 1);
		assertThat(store.availability().countersLostAt()).as("checked at most once per retry interval").isNull();
		this.clock.advance(Duration.ofSeconds(1));
		admitInRedis(store, 1);
		// the check runs beside the admission, which does not wait for it
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.until(() -> store.availability().countersLostAt() != null);
	}

	@Test
	void redisRestartedWithoutPersistenceIsNoticed(CapturedOutput output) {
		this.redis = TestRedis.start();
		FailoverRateLimitStore store = instance(FailurePolicy.FAIL_CLOSED);
		admitInRedis(store, 24);
		StepVerifier.create(store.probe()).expectNext(true).verifyComplete();
		this.redis.kill();
		this.redis.restart();
		Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> store.probe().block(Duration.ofSeconds(10)));
		assertThat(store.availability().countersLostAt()).isNotNull();
		assertThat(output).contains(WARNING);
		assertThat(this.redis.get("test:quota:key:" + day())).isNull();
	}

	@Test
	void redisWithAofPersistenceKeepsTheCountsAcrossARestart(CapturedOutput output) {
		this.redis = TestRedis.startPersistent();
		FailoverRateLimitStore store = instance(FailurePolicy.FAIL_CLOSED);
		admitInRedis(store, 24);
		StepVerifier.create(store.probe()).expectNext(true).verifyComplete();
		this.redis.kill();
		StepVerifier.create(store.admit(request())).expectError(StoreUnavailableException.class).verify();
		this.redis.restart();
		Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> store.probe().block(Duration.ofSeconds(10)));
		assertThat(this.redis.get("test:quota:key:" + day())).isEqualTo("24");
		admitInRedis(store, 1);
		assertThat(this.redis.get("test:quota:key:" + day())).isEqualTo("25");
		assertThat(store.availability().countersLostAt()).isNull();
		assertThat(output).doesNotContain(WARNING);
	}

	private FailoverRateLimitStore instance(FailurePolicy policy) {
		LettuceConnectionFactory connectionFactory = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration("127.0.0.1", this.redis.port()));
		connectionFactory.afterPropertiesSet();
		connectionFactory.start();
		this.connections.add(connectionFactory);
		ReactiveRedisConnection connection = connectionFactory.getReactiveConnection();
		connection.ping().block(Duration.ofSeconds(10));
		return new FailoverRateLimitStore(connectionFactory, "test:", policy, Duration.ofSeconds(1),
				Duration.ofSeconds(1), this.clock);
	}

	private void admitInRedis(FailoverRateLimitStore store, int count) {
		for (int i = 0; i < count; i++) {
			Admission admission = store.admit(request()).block(Duration.ofSeconds(10));
			assertThat(admission.admitted() && !admission.local()).as("admission %d of %d by Redis", i + 1, count)
				.isTrue();
		}
	}

	private AdmissionRequest request() {
		long day = day();
		long expires = day + Duration.ofDays(2).toMillis();
		return new AdmissionRequest(this.clock.millis(), List.of(new Bucket("account", 10_000, 5_000)),
				new Quota("quota:key:" + day, 100, 0, day, expires, "first:plan"),
				new Metering("usage:key:" + day, expires, "keys:plan", "key"));
	}

	private long day() {
		return this.clock.instant().truncatedTo(ChronoUnit.DAYS).toEpochMilli();
	}

	private static Health health(FailoverRateLimitStore store) {
		return new StoreHealthIndicator(List.of(store)).health().block(Duration.ofSeconds(10));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> details(FailoverRateLimitStore store) {
		return (Map<String, Object>) health(store).getDetails().get("redis");
	}

}
