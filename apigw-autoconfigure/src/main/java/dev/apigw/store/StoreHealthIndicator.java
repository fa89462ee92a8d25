package dev.apigw.store;

import reactor.core.publisher.Mono;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;

/**
 * Health of the shared store: {@code UP} while Redis answers, {@code DOWN} while limits are
 * enforced without it, with the failure policy in force, since when and why. Asking also
 * checks whether an unavailable Redis is back.
 */
public final class StoreHealthIndicator implements ReactiveHealthIndicator {

	private final FailoverRateLimitStore store;

	/**
	 * Creates the indicator.
	 * @param store the store
	 */
	public StoreHealthIndicator(FailoverRateLimitStore store) {
		this.store = store;
	}

	@Override
	public Mono<Health> health() {
		return this.store.probe().map((available) -> {
			StoreAvailability.State state = this.store.availability().state();
			Health.Builder health = state.available() ? Health.up() : Health.down();
			health.withDetail("store", this.store.availability().store())
				.withDetail("failurePolicy", this.store.availability().policy().name())
				.withDetail("since", state.since().toString());
			if (state.error() != null) {
				health.withDetail("error", state.error());
			}
			return health.build();
		});
	}

}
