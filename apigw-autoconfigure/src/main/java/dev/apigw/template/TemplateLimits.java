package dev.apigw.template;

import java.time.Duration;

/**
 * Per-render budgets a {@link MappingTemplate} must stay within; breaking one makes
 * {@link MappingTemplate#render(TemplateInput)} throw {@link TemplateRenderException}.
 *
 * <p>Intermediate values a template builds (strings, lists, maps) are charged against a further
 * budget of four times {@code maxOutputChars} (a character counts one, a collection element eight),
 * so that no template can exhaust the heap before it writes anything.
 *
 * @param maxRenderTime wall-clock time one render may take
 * @param maxOutputChars characters one render may write
 * @param maxForeachIterations iterations one execution of a {@code #foreach} may make (AWS: 1,000)
 * @param maxMacroDepth how deeply {@code #macro} calls and {@code #define} blocks may nest
 */
public record TemplateLimits(Duration maxRenderTime, int maxOutputChars, int maxForeachIterations,
		int maxMacroDepth) {

	/** AWS's limit on the iterations of one {@code #foreach}. */
	public static final int AWS_FOREACH_LIMIT = 1000;

	public TemplateLimits {
		if (maxRenderTime == null || maxRenderTime.isNegative() || maxRenderTime.isZero()) {
			throw new IllegalArgumentException("maxRenderTime must be positive, was " + maxRenderTime);
		}
		if (maxOutputChars < 1) {
			throw new IllegalArgumentException("maxOutputChars must be at least 1, was " + maxOutputChars);
		}
		if (maxForeachIterations < 1) {
			throw new IllegalArgumentException(
					"maxForeachIterations must be at least 1, was " + maxForeachIterations);
		}
		if (maxMacroDepth < 1) {
			throw new IllegalArgumentException("maxMacroDepth must be at least 1, was " + maxMacroDepth);
		}
	}

	/**
	 * One second, 10 MiB of output (AWS's payload limit), AWS's 1,000 iterations per
	 * {@code #foreach} and a nesting depth of 20 (Velocity's default).
	 * @return the default limits
	 */
	public static TemplateLimits defaults() {
		return new TemplateLimits(Duration.ofSeconds(1), 10 * 1024 * 1024, AWS_FOREACH_LIMIT, 20);
	}

	/** @return the budget for intermediate values, in characters */
	long maxAllocationUnits() {
		return Math.max(4L * this.maxOutputChars, 1L << 20);
	}

}
