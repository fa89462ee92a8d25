package dev.apigw.store;

import reactor.core.publisher.Mono;

/**
 * A store shared by gateway instances through an external service (Redis), which can be
 * unavailable: the health indicator and the {@code apigw.store.available} gauge report every
 * bean of this type. Stores of later features (response cache, authorizer cache) implement
 * it too, each with a name of its own.
 */
public interface SharedStore {

	/**
	 * Whether the service answers, since when and why not.
	 * @return the availability
	 */
	StoreAvailability availability();

	/**
	 * Checks whether an unavailable service answers again and, if it does, makes the store
	 * use it again.
	 * @return whether the service is available afterwards
	 */
	Mono<Boolean> probe();

}
