package dev.apigw.store;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;

/**
 * Health of the shared stores: {@code UP} while every one answers, {@code DOWN} while one
 * enforces its limits without its service, with each store's failure policy, since when
 * and why, and whether (and when last) the service was found to have lost its data.
 * Asking also checks whether an unavailable service is back, and whether it lost its data.
 */
public final class StoreHealthIndicator implements ReactiveHealthIndicator {

	private final List<SharedStore> stores;

	/**
	 * Creates the indicator.
	 * @param stores the shared stores
	 */
	public StoreHealthIndicator(List<SharedStore> stores) {
		this.stores = List.copyOf(stores);
	}

	@Override
	public Mono<Health> health() {
		return Flux.fromIterable(this.stores).concatMap(SharedStore::probe).then(Mono.fromSupplier(() -> {
			boolean up = true;
			Map<String, Object> details = new LinkedHashMap<>();
			for (SharedStore store : this.stores) {
				StoreAvailability availability = store.availability();
				StoreAvailability.State state = availability.state();
				up &= state.available();
				Map<String, Object> detail = new LinkedHashMap<>();
				detail.put("available", state.available());
				detail.put("failurePolicy", availability.policy().name());
				detail.put("since", state.since().toString());
				if (state.error() != null) {
					detail.put("error", state.error());
				}
				Instant lost = availability.countersLostAt();
				detail.put("countersLost", lost != null);
				if (lost != null) {
					detail.put("countersLostAt", lost.toString());
				}
				details.put(availability.store(), detail);
			}
			return (up ? Health.up() : Health.down()).withDetails(details).build();
		}));
	}

}
