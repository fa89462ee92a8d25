package dev.apigw.throttle;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import dev.apigw.model.UsagePlan;
import dev.apigw.store.MemoryUsagePlanStore;
import dev.apigw.store.UsagePlanStore;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * The usage plans in force: the plans from configuration (checked at start-up) and the
 * plans made at run time by the management API, in this instance's memory. The API key and
 * throttling phases read {@link #get()}; each change builds a new {@link UsagePlans} and
 * swaps it in atomically, so a request sees either the plans before a change or after it.
 * Plans from configuration cannot be changed here.
 */
public final class UsagePlanCatalog implements Supplier<UsagePlans> {

	private static final Log logger = LogFactory.getLog(UsagePlanCatalog.class);

	private final Supplier<UsagePlans> configured;

	private final UsagePlanStore store;

	private final Map<String, UsagePlan> created = new LinkedHashMap<>();

	private volatile @Nullable UsagePlans current;

	/**
	 * Creates the catalog.
	 * @param configured the plans from configuration, looked up on first use (they are
	 * checked against what the deployments serve)
	 */
	public UsagePlanCatalog(Supplier<UsagePlans> configured) {
		this(configured, new MemoryUsagePlanStore());
	}

	/**
	 * Creates the catalog over a store of the plans made at run time, and reads them: call
	 * from start-up, not from an event loop. Plans another instance changes are read again
	 * when the store says so.
	 * @param configured the plans from configuration, looked up on first use (they are
	 * checked against what the deployments serve)
	 * @param store where plans made at run time are kept
	 */
	public UsagePlanCatalog(Supplier<UsagePlans> configured, UsagePlanStore store) {
		this.configured = configured;
		this.store = store;
		readStore();
		store.subscribe(this::readStore);
	}

	private void readStore() {
		try {
			reload();
		}
		catch (RuntimeException ex) {
			// the change channel reads them again once the store answers
			logger.warn("Usage plans made at run time could not be read from the store; applying those read last: "
					+ ex);
		}
	}

	/**
	 * Reads the plans made at run time from the store again.
	 */
	public void reload() {
		List<UsagePlan> stored = this.store.findAll();
		synchronized (this) {
			this.created.clear();
			stored.forEach((plan) -> this.created.put(plan.id(), plan));
			this.current = null;
		}
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
		this.store.save(plan);
		this.created.put(plan.id(), plan);
		this.current = build();
	}

	/**
	 * Removes a plan made at run time.
	 * @param id the plan id
	 * @return whether there was one
	 */
	public synchronized boolean remove(String id) {
		boolean removed = this.store.delete(id) | this.created.remove(id) != null;
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
