package dev.apigw.store;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import dev.apigw.store.AdmissionRequest.Bucket;
import dev.apigw.store.AdmissionRequest.Metering;
import dev.apigw.store.AdmissionRequest.Quota;
import dev.apigw.test.MutableClock;
import dev.apigw.test.TestRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.data.redis.connection.ReactiveRedisConnection;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Quotas across a Redis outage with local fallback: two store instances (two gateway
 * instances) share one real redis-server, which stops answering in the middle of a run of
 * admissions ({@code SIGSTOP}: connections stay open and what was sent meanwhile runs when
 * it resumes). Once Redis answers again, it holds every admitted request exactly once, and
 * no instance admitted more on its own than the quota had left when Redis last answered it.
 * Recovery is driven by the stores' own probe; the clock does not move by itself.
 */
class RedisOutageTests {

	private static final long LIMIT = 30;

	/** Long enough for a loopback Redis on a busy machine, short to keep the tests quick. */
	private static final Duration TIMEOUT = Duration.ofSeconds(1);

	private final TestRedis redis = TestRedis.start();

	private final MutableClock clock = new MutableClock(Instant.now());

	private final List<LettuceConnectionFactory> connections = new ArrayList<>();

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
	void anInstanceAdmitsLocallyAtMostWhatTheQuotaHadLeftWhenRedisLastAnsweredIt() {
		FailoverRateLimitStore first = instance();
		FailoverRateLimitStore second = instance();
		admitInRedis(first, 5);
		admitInRedis(second, 7);
		this.redis.pause();
		int firstAlone;
		int secondAlone;
		try {
			// the first call of each times out; Redis runs it once it resumes
			firstAlone = admitUntilRefused(first);
			secondAlone = admitUntilRefused(second);
		}
		finally {
			this.redis.resume();
		}
		// L - c(i): the quota less what Redis last reported to that instance (5 and 12)
		assertThat(firstAlone).isEqualTo(LIMIT - 5);
		assertThat(secondAlone).isEqualTo(LIMIT - 12);
		StepVerifier.create(first.probe()).expectNext(true).verifyComplete();
		StepVerifier.create(second.probe()).expectNext(true).verifyComplete();
		long admitted = 5 + 7 + firstAlone + secondAlone;
		assertThat(counted()).as("Redis's count of %d admitted requests", admitted).isEqualTo(admitted);
		assertThat(usage()).isEqualTo(admitted);
		assertThat(admit(first).outcome()).isEqualTo(Admission.Outcome.QUOTA_EXCEEDED);
		assertThat(admit(second).outcome()).isEqualTo(Admission.Outcome.QUOTA_EXCEEDED);
	}

	@Test
	void aRequestRedisRanAfterItTimedOutIsCountedOnce() {
		FailoverRateLimitStore first = instance();
		FailoverRateLimitStore second = instance();
		admitInRedis(first, 4);
		admitInRedis(second, 4);
		this.redis.pause();
		Admission timedOut;
		try {
			timedOut = admit(first);
		}
		finally {
			this.redis.resume();
		}
		assertThat(timedOut.admitted()).isTrue();
		assertThat(timedOut.local()).isTrue();
		StepVerifier.create(first.probe()).expectNext(true).verifyComplete();
		assertThat(counted()).isEqualTo(9);
		assertThat(usage()).isEqualTo(9);
		admitInRedis(second, 1);
		assertThat(counted()).isEqualTo(10);
	}

	@Test
	void anAdmissionDecidedLocallyJustBeforeRedisWasBackIsCountedOnce() {
		FailoverRateLimitStore first = instance();
		FailoverRateLimitStore second = instance();
		admitInRedis(first, 5);
		admitInRedis(second, 5);
		this.redis.pause();
		Mono<Admission> straddling;
		try {
			admitAll(first, 3);
			admitAll(second, 3);
			// decided while Redis was away (local counting), counted only after the instance
			// saw Redis again and merged its counts
			straddling = first.admit(request());
		}
		finally {
			this.redis.resume();
		}
		StepVerifier.create(first.probe()).expectNext(true).verifyComplete();
		StepVerifier.create(straddling)
			.assertNext((admission) -> assertThat(admission.admitted() && admission.local()).isTrue())
			.verifyComplete();
		StepVerifier.create(second.probe()).expectNext(true).verifyComplete();
		assertThat(counted()).isEqualTo(17);
		assertThat(usage()).isEqualTo(17);
		admitInRedis(second, 1);
		assertThat(counted()).isEqualTo(18);
	}

	private FailoverRateLimitStore instance() {
		LettuceConnectionFactory connectionFactory = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration("127.0.0.1", this.redis.port()));
		connectionFactory.afterPropertiesSet();
		connectionFactory.start();
		this.connections.add(connectionFactory);
		// connecting (and a cold JVM) may take longer than the timeout: not what is tested
		ReactiveRedisConnection connection = connectionFactory.getReactiveConnection();
		connection.ping().block(Duration.ofSeconds(10));
		return new FailoverRateLimitStore(connectionFactory, "test:", FailurePolicy.LOCAL_FALLBACK, TIMEOUT,
				Duration.ofSeconds(1), this.clock);
	}

	private int admitAll(FailoverRateLimitStore store, int count) {
		int admitted = 0;
		for (int i = 0; i < count; i++) {
			Admission admission = admit(store);
			assertThat(admission.admitted()).as("admission %d of %d", i + 1, count).isTrue();
			admitted++;
		}
		return admitted;
	}

	/** Admissions Redis decides. */
	private void admitInRedis(FailoverRateLimitStore store, int count) {
		for (int i = 0; i < count; i++) {
			Admission admission = admit(store);
			assertThat(admission.admitted() && !admission.local()).as("admission %d of %d by Redis", i + 1, count)
				.isTrue();
		}
	}

	private int admitUntilRefused(FailoverRateLimitStore store) {
		int admitted = 0;
		while (admit(store).admitted()) {
			admitted++;
			assertThat(admitted).isLessThanOrEqualTo((int) LIMIT);
		}
		return admitted;
	}

	private Admission admit(FailoverRateLimitStore store) {
		return store.admit(request()).block(Duration.ofSeconds(10));
	}

	private AdmissionRequest request() {
		long day = this.clock.instant().truncatedTo(ChronoUnit.DAYS).toEpochMilli();
		long expires = day + Duration.ofDays(2).toMillis();
		return new AdmissionRequest(this.clock.millis(), List.of(new Bucket("account", 10_000, 5_000)),
				new Quota("quota:key:" + day, LIMIT, 0, day, expires, "first:plan"),
				new Metering("usage:key:" + day, expires, "keys:plan", "key"));
	}

	private long counted() {
		return value("test:quota:key:" + day());
	}

	private long usage() {
		return value("test:usage:key:" + day());
	}

	private long day() {
		return this.clock.instant().atZone(ZoneOffset.UTC).toLocalDate().atStartOfDay(ZoneOffset.UTC).toInstant()
			.toEpochMilli();
	}

	private long value(String key) {
		String value = this.redis.get(key);
		return (value != null) ? Long.parseLong(value) : 0;
	}

}
