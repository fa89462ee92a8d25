package dev.apigw.store;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Notices a Redis that lost its data (restarted without persistence, flushed, or evicting
 * keys): a marker key without expiry, written once by whichever instance first finds it
 * missing (when and a random id, the same for every instance), whose value each instance
 * remembers. When it is gone or holds another value, Redis lost every counter with it:
 * quotas started again from zero. That is logged at WARN and shown in the health details.
 */
final class CounterMarker {

	/** The marker's name, under the store's key prefix. */
	static final String NAME = "store:marker";

	// the store's logger: one category to configure for everything about the Redis store
	private static final Log logger = LogFactory.getLog(FailoverRateLimitStore.class);

	private final RedisRateLimitStore redis;

	private final StoreAvailability availability;

	private final Clock clock;

	private final String key;

	private final AtomicReference<@Nullable String> seen = new AtomicReference<>();

	CounterMarker(RedisRateLimitStore redis, String prefix, StoreAvailability availability, Clock clock) {
		this.redis = redis;
		this.availability = availability;
		this.clock = clock;
		this.key = prefix + NAME;
	}

	/**
	 * Reads the marker (writing it when missing) and compares it with what this instance saw
	 * last time.
	 * @return completion, an error when Redis did not answer
	 */
	Mono<Void> check() {
		String candidate = this.clock.instant() + "/" + UUID.randomUUID();
		return this.redis.marker(NAME, candidate).doOnNext((held) -> {
			String before = this.seen.getAndSet(held);
			if (before != null && !before.equals(held)) {
				Instant at = this.availability.countersLost();
				logger.warn("apigw Redis store: Redis lost its data (the marker key " + this.key
						+ " this instance saw is gone; noticed at " + at + "): quota counters, usage records and "
						+ "plan first uses were reset, so quotas started again from zero. Enable AOF persistence "
						+ "(appendonly yes) so that they survive a Redis restart");
			}
		}).then();
	}

}
