package dev.apigw.store;

import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import dev.apigw.store.AdmissionRequest.Bucket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The failure policies against a Redis that is not there at all.
 */
class FailoverRateLimitStoreTests {

	private final LettuceConnectionFactory connectionFactory = new LettuceConnectionFactory(
			new RedisStandaloneConfiguration("127.0.0.1", closedPort()));

	private final AdmissionRequest request = new AdmissionRequest(System.currentTimeMillis(),
			List.of(new Bucket("b", 1, 1)), null, null);

	FailoverRateLimitStoreTests() {
		this.connectionFactory.afterPropertiesSet();
		this.connectionFactory.start();
	}

	@AfterEach
	void close() {
		this.connectionFactory.destroy();
	}

	@Test
	void localFallbackKeepsEnforcingTheLimits() {
		FailoverRateLimitStore store = store(FailurePolicy.LOCAL_FALLBACK);
		StepVerifier.create(store.admit(this.request))
			.assertNext((admission) -> assertThat(admission.admitted()).isTrue())
			.verifyComplete();
		assertThat(store.availability().isAvailable()).isFalse();
		assertThat(store.availability().state().error()).isNotNull();
		StepVerifier.create(store.admit(this.request))
			.assertNext((admission) -> {
				assertThat(admission.outcome()).isEqualTo(Admission.Outcome.THROTTLED);
				assertThat(admission.local()).isTrue();
			})
			.verifyComplete();
		StepVerifier.create(store.probe()).expectNext(false).verifyComplete();
	}

	@Test
	void failClosedRefusesWithoutRedis() {
		FailoverRateLimitStore store = store(FailurePolicy.FAIL_CLOSED);
		StepVerifier.create(store.admit(this.request)).expectError(StoreUnavailableException.class).verify();
		StepVerifier.create(store.admit(this.request)).expectError(StoreUnavailableException.class).verify();
		assertThat(store.availability().policy()).isEqualTo(FailurePolicy.FAIL_CLOSED);
	}

	private FailoverRateLimitStore store(FailurePolicy policy) {
		return new FailoverRateLimitStore(this.connectionFactory, "test:", policy, Duration.ofSeconds(2),
				Duration.ofMillis(10), Clock.systemUTC());
	}

	private static int closedPort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
