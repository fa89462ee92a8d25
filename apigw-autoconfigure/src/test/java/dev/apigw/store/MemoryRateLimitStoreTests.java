package dev.apigw.store;

/**
 * The in-memory store against the store contract.
 */
class MemoryRateLimitStoreTests extends RateLimitStoreContractTests {

	private final MemoryRateLimitStore store = new MemoryRateLimitStore();

	@Override
	protected RateLimitStore store() {
		return this.store;
	}

}
