package dev.apigw.store;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.apigw.model.UsagePlan;

/**
 * Usage plans made at run time in this instance's memory: the default store.
 */
public final class MemoryUsagePlanStore implements UsagePlanStore {

	private final Map<String, UsagePlan> plans = new ConcurrentHashMap<>();

	@Override
	public List<UsagePlan> findAll() {
		return List.copyOf(this.plans.values());
	}

	@Override
	public void save(UsagePlan plan) {
		this.plans.put(plan.id(), plan);
	}

	@Override
	public boolean delete(String id) {
		return this.plans.remove(id) != null;
	}

}
