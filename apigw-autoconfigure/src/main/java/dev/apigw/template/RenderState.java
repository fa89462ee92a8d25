package dev.apigw.template;

import java.util.function.LongSupplier;

import org.jspecify.annotations.Nullable;

/**
 * The budgets of the render running on the current thread. Rendering is synchronous, so a thread
 * local is the cheapest way for Velocity callbacks (which get no context) to find them.
 */
final class RenderState {

	private static final ThreadLocal<@Nullable RenderState> CURRENT = new ThreadLocal<>();

	/** How many ticks pass between two reads of the clock. */
	private static final int CLOCK_MASK = 0xFF;

	private final TemplateLimits limits;

	private final LongSupplier nanoClock;

	private final long deadline;

	/** Whether {@link #deadline} is a time slice shorter than the render's budget. */
	private final boolean sliced;

	private boolean preempted;

	private final long maxAllocation;

	private final TemplateInput input;

	private long ticks;

	private long allocated;

	private long written;

	private int blockDepth;

	private @Nullable SandboxViolation violation;

	private @Nullable String nullSet;

	/**
	 * @param sliceNanos how long the render may run before it is preempted, when shorter than
	 * {@code limits.maxRenderTime()}
	 */
	RenderState(TemplateLimits limits, LongSupplier nanoClock, TemplateInput input, long sliceNanos) {
		this.limits = limits;
		this.nanoClock = nanoClock;
		long budget = limits.maxRenderTime().toNanos();
		this.sliced = sliceNanos < budget;
		this.deadline = nanoClock.getAsLong() + Math.min(budget, sliceNanos);
		this.maxAllocation = limits.maxAllocationUnits();
		this.input = input;
	}

	static @Nullable RenderState current() {
		return CURRENT.get();
	}

	@Nullable RenderState enter() {
		RenderState previous = CURRENT.get();
		CURRENT.set(this);
		return previous;
	}

	/** Restores the previous state; a {@code null} entry is kept rather than removed, as removing
	 * and re-creating it on every render costs more than the render's own bookkeeping. */
	static void exit(@Nullable RenderState previous) {
		CURRENT.set(previous);
	}

	TemplateLimits limits() {
		return this.limits;
	}

	TemplateInput input() {
		return this.input;
	}

	@Nullable SandboxViolation violation() {
		return this.violation;
	}

	/** Whether the render was stopped at the end of its time slice rather than for a fault. */
	boolean preempted() {
		return this.preempted;
	}

	/** Counts one unit of work; now and then checks the deadline. */
	void tick() {
		if ((++this.ticks & CLOCK_MASK) == 0) {
			checkDeadline();
		}
		else if (this.violation != null) {
			throw this.violation;
		}
	}

	void checkDeadline() {
		if (this.violation != null) {
			throw this.violation;
		}
		if (this.nanoClock.getAsLong() - this.deadline > 0) {
			if (this.sliced) {
				this.preempted = true;
				throw fail("ran out of its time slice");
			}
			throw fail("took longer than " + this.limits.maxRenderTime().toMillis() + " ms");
		}
	}

	/** Charges intermediate memory (one unit per character, eight per collection element). */
	void allocate(long units) {
		tick();
		this.allocated += units;
		if (this.allocated > this.maxAllocation || units < 0) {
			throw fail("built more than " + this.maxAllocation
					+ " characters of intermediate values (4 x maxOutputChars)");
		}
	}

	long remainingAllocation() {
		return Math.max(0, this.maxAllocation - this.allocated);
	}

	/** Whether {@code units} more could still be allocated. */
	boolean canAllocate(long units) {
		return units >= 0 && this.allocated + units <= this.maxAllocation;
	}

	void wrote(int chars) {
		tick();
		this.written += chars;
		if (this.written > this.limits.maxOutputChars()) {
			throw fail("wrote more than " + this.limits.maxOutputChars() + " characters");
		}
	}

	/** The next {@code null} assigned to {@code variable} comes from a {@code #set} and is dropped. */
	void skipNullSet(String variable) {
		this.nullSet = variable;
	}

	/** Whether a {@code null} being put into {@code variable} is that of a {@code #set}; forgets it. */
	boolean isSkippedNullSet(String variable) {
		boolean skipped = variable.equals(this.nullSet);
		this.nullSet = null;
		return skipped;
	}

	void clearNullSet() {
		this.nullSet = null;
	}

	void enterBlock() {
		if (++this.blockDepth > this.limits.maxMacroDepth()) {
			throw fail("nested #macro calls or #define blocks deeper than " + this.limits.maxMacroDepth());
		}
	}

	void exitBlock() {
		this.blockDepth--;
	}

	/** Records a violation (so that it survives code that swallows exceptions) and returns it. */
	SandboxViolation fail(String reason) {
		if (this.violation == null) {
			this.violation = new SandboxViolation(reason);
		}
		return this.violation;
	}

	/** A violation for the render on this thread, or a bare one outside any render. */
	static SandboxViolation violation(String reason) {
		RenderState state = current();
		return (state != null) ? state.fail(reason) : new SandboxViolation(reason);
	}

	static void tickCurrent() {
		RenderState state = current();
		if (state != null) {
			state.tick();
		}
	}

	static void allocateCurrent(long units) {
		RenderState state = current();
		if (state != null) {
			state.allocate(units);
		}
	}

}
