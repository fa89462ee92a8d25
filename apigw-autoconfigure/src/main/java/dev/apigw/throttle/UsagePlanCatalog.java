package dev.apigw.throttle;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import dev.apigw.model.UsagePlan;
import org.jspecify.annotations.Nullable;

/**
 * The usage plans in force: the plans from configuration (checked at start-up) and the
 * plans made at run time by the management API, in this instance's memory. The API key and
 * throttling phases read {@link #get()}; each change builds a new {@link UsagePlans} and
 * swaps it in atomically, so a request sees either the plans before a change or after it.
 * Plans from configuration cannot be changed here.
 */
public final class UsagePlanCatalog implements Supplier<UsagePlans> {

	private final Supplier<UsagePlans> configured;

	private final Map<String, UsagePlan> created = new LinkedHashMap<>();

	private volatile @Nullable UsagePlans current;

	/**
	 * Creates the catalog.
	 * @param configured the plans from configuration, looked up on first use (they are
	 * checked against what the deployments serve)
	 */
	public UsagePlanCatalog(Supplier<UsagePlans> configured) {
		this.configured = configured;
	}

	/**
	 * The plans in force.
	 * @return the configured plans followed by the plans made at run time
	 */
	@Override
	public UsagePlans get() {
		UsagePlans plans = this.current;
		if (plans != null) {
			return plans;
		}
		synchronized (this) {
			if (this.current == null) {
				this.current = build();
			}
			return this.current;
		}
	}

	/**
	 * Whether a plan comes from configuration.
	 * @param id the plan id
	 * @return whether it does
	 */
	public boolean configured(String id) {
		return this.configured.get().plan(id) != null;
	}

	/**
	 * Adds or replaces a plan made at run time.
	 * @param plan the plan, already checked
	 * @throws IllegalArgumentException when a configured plan has its id
	 */
	public synchronized void save(UsagePlan plan) {
		if (configured(plan.id())) {
			throw new IllegalArgumentException("Usage plan '" + plan.id() + "' comes from configuration");
		}
		this.created.put(plan.id(), plan);
		this.current = build();
	}

	/**
	 * Removes a plan made at run time.
	 * @param id the plan id
	 * @return whether there was one
	 */
	public synchronized boolean remove(String id) {
		boolean removed = this.created.remove(id) != null;
		this.current = build();
		return removed;
	}

	private UsagePlans build() {
		UsagePlans configured = this.configured.get();
		List<UsagePlan> plans = new ArrayList<>(configured.plans());
		plans.addAll(this.created.values());
		return new UsagePlans(plans, configured.account());
	}

}
