package dev.apigw.store;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;

/**
 * Whether a shared store answers, since when, and why not, and when it was last found to
 * have lost its data: read by the health indicator and the {@code apigw.store.available}
 * gauge.
 */
public final class StoreAvailability {

	private final String store;

	private final FailurePolicy policy;

	private final Clock clock;

	private final AtomicReference<State> state;

	private volatile @Nullable Instant countersLostAt;

	/**
	 * Creates the availability of a store, initially available.
	 * @param store the store's name (e.g. {@code redis})
	 * @param policy the failure policy in force
	 * @param clock the clock
	 */
	public StoreAvailability(String store, FailurePolicy policy, Clock clock) {
		this.store = store;
		this.policy = policy;
		this.clock = clock;
		this.state = new AtomicReference<>(new State(true, clock.instant(), null));
	}

	public String store() {
		return this.store;
	}

	public FailurePolicy policy() {
		return this.policy;
	}

	/**
	 * Whether the store answered last time it was asked.
	 * @return {@code true} when available
	 */
	public boolean isAvailable() {
		return this.state.get().available();
	}

	/**
	 * The current state.
	 * @return the state
	 */
	public State state() {
		return this.state.get();
	}

	/**
	 * Records that the store failed.
	 * @param error what failed
	 * @return {@code true} when this call made the store unavailable
	 */
	boolean failed(String error) {
		State current = this.state.get();
		if (!current.available()) {
			return false;
		}
		return this.state.compareAndSet(current, new State(false, this.clock.instant(), error));
	}

	/**
	 * Records that the store answers again.
	 * @return {@code true} when this call made the store available
	 */
	boolean recovered() {
		State current = this.state.get();
		if (current.available()) {
			return false;
		}
		return this.state.compareAndSet(current, new State(true, this.clock.instant(), null));
	}

	/**
	 * When the store last found that its service had lost the data it held (a Redis
	 * restarted without persistence, or flushed), so that counters started again from zero.
	 * @return the moment, {@code null} when never
	 */
	public @Nullable Instant countersLostAt() {
		return this.countersLostAt;
	}

	/**
	 * Records that the service lost its data.
	 * @return the moment recorded
	 */
	Instant countersLost() {
		Instant now = this.clock.instant();
		this.countersLostAt = now;
		return now;
	}

	/**
	 * A store's availability at one moment.
	 *
	 * @param available whether the store answers
	 * @param since when it started (or stopped) answering
	 * @param error why it does not answer, {@code null} when it does
	 */
	public record State(boolean available, Instant since, @Nullable String error) {

	}

}
