package dev.apigw.store;

import java.util.List;

import dev.apigw.model.UsagePlan;

/**
 * Usage plans made at run time (by the management API), shared by every gateway instance:
 * memory by default, Redis with {@code apigw.store.type=redis}. Plans from configuration are
 * not stored here. Calls may block: make them from start-up or management threads, never
 * from an event loop; requests read the plans from memory.
 */
public interface UsagePlanStore {

	/**
	 * Every stored plan.
	 * @return the plans
	 */
	List<UsagePlan> findAll();

	/**
	 * Creates or replaces a plan, and tells the other instances.
	 * @param plan the plan
	 */
	void save(UsagePlan plan);

	/**
	 * Deletes a plan, and tells the other instances.
	 * @param id the plan id
	 * @return whether there was one
	 */
	boolean delete(String id);

	/**
	 * Listens for plans changed by other instances (and for a reconnection after Redis was
	 * unreachable, when anything may have changed).
	 * @param changed called, off the event loops, after another instance changed plans
	 */
	default void subscribe(Runnable changed) {
	}

}
