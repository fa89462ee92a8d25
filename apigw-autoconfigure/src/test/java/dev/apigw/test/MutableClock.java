package dev.apigw.test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock tests move by hand; declare it as the {@code apigwClock} bean to control the
 * gateway's time.
 */
public final class MutableClock extends Clock {

	private final AtomicReference<Instant> now;

	/**
	 * Creates a clock.
	 * @param start the initial time
	 */
	public MutableClock(Instant start) {
		this.now = new AtomicReference<>(start);
	}

	/**
	 * Moves the clock forward.
	 * @param duration how far
	 */
	public void advance(Duration duration) {
		this.now.updateAndGet((instant) -> instant.plus(duration));
	}

	/**
	 * Sets the time.
	 * @param instant the new time
	 */
	public void set(Instant instant) {
		this.now.set(instant);
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return this;
	}

	@Override
	public Instant instant() {
		return this.now.get();
	}

}
