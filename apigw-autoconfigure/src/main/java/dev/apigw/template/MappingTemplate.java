package dev.apigw.template;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import org.apache.velocity.Template;
import org.apache.velocity.exception.MacroOverflowException;
import org.apache.velocity.util.introspection.IntrospectionCacheData;
import org.jspecify.annotations.Nullable;

/**
 * A compiled mapping template: immutable, thread-safe and reused across requests. Made by
 * {@link TemplateEngine#compile(String, String)}.
 */
public final class MappingTemplate {

	private final String name;

	private final Template template;

	private final TemplateLimits limits;

	private final LongSupplier nanoClock;

	private final @Nullable RenderHook hook;

	private final Map<Object, IntrospectionCacheData> introspectionCache = new ConcurrentHashMap<>();

	/**
	 * Set by {@link TemplateRenderer} when a render ran out of its event-loop slice, so that the
	 * next renders go straight to a render thread instead of wasting the slice again; cleared when
	 * one of those fits the slice.
	 */
	volatile boolean slow;

	/** Sizes the next render's buffer; a plain field, as a stale value only costs a resize. */
	private int lastOutputLength = 256;

	MappingTemplate(String name, Template template, TemplateLimits limits, LongSupplier nanoClock,
			@Nullable RenderHook hook) {
		this.name = name;
		this.template = template;
		this.limits = limits;
		this.nanoClock = nanoClock;
		this.hook = hook;
	}

	/** @return the name given when compiling */
	public String name() {
		return this.name;
	}

	/** @return now, on the clock this template's budgets are measured with */
	long nanoTime() {
		return this.nanoClock.getAsLong();
	}

	/**
	 * Renders the template for one input. Writes into {@code $context.requestOverride} and
	 * {@code $context.responseOverride} land in {@link TemplateInput#context()}.
	 * @param input the payload, parameters, context and stage variables
	 * @return the rendered text
	 * @throws TemplateRenderException when the template breaks a sandbox rule, exceeds a limit or a
	 * method it calls fails; the message names the template
	 */
	public String render(TemplateInput input) {
		String output = render(input, Long.MAX_VALUE);
		if (output == null) {
			throw new IllegalStateException("a render without a time slice was preempted");
		}
		return output;
	}

	/**
	 * Renders the template for one input within a time slice shorter than the render budget.
	 * @param input the payload, parameters, context and stage variables; a render that ran out
	 * of its slice may have written into its context, so render again with a new input
	 * @param sliceNanos how long the render may run
	 * @return the rendered text, or {@code null} when the render ran out of its slice
	 * @throws TemplateRenderException as {@link #render(TemplateInput)} does
	 */
	@Nullable String render(TemplateInput input, long sliceNanos) {
		RenderState state = new RenderState(this.limits, this.nanoClock, input, sliceNanos);
		RenderState previous = state.enter();
		BudgetWriter writer = new BudgetWriter(state, this.lastOutputLength);
		try {
			if (this.hook != null) {
				this.hook.beforeRender(this, input);
			}
			RenderContext context = new RenderContext(this.introspectionCache, state);
			context.put("input", new InputVariable(input));
			context.put("util", UtilVariable.INSTANCE);
			context.put("context", input.contextView());
			context.put("stageVariables", input.stageVariables());
			this.template.merge(context, writer);
		}
		catch (StackOverflowError ex) {
			throw failure(state, "nests too deeply", null);
		}
		catch (RuntimeException ex) {
			if (state.preempted()) {
				return null;
			}
			throw failure(state, null, ex);
		}
		finally {
			RenderState.exit(previous);
		}
		if (state.preempted()) {
			return null;
		}
		if (state.violation() != null) {
			throw failure(state, null, null);
		}
		String output = writer.toString();
		this.lastOutputLength = Math.min(output.length() + 16, 1 << 16);
		return output;
	}

	private TemplateRenderException failure(RenderState state, @Nullable String reason,
			@Nullable RuntimeException cause) {
		SandboxViolation violation = state.violation();
		for (Throwable t = cause; violation == null && t != null; t = t.getCause()) {
			if (t instanceof SandboxViolation found) {
				violation = found;
			}
		}
		if (violation != null) {
			return new TemplateRenderException(
					"Mapping template '" + this.name + "' was stopped: it " + violation.getMessage(), cause);
		}
		if (cause instanceof MacroOverflowException) {
			return new TemplateRenderException("Mapping template '" + this.name
					+ "' was stopped: it nested #macro calls deeper than " + this.limits.maxMacroDepth(), cause);
		}
		if (reason != null) {
			return new TemplateRenderException("Mapping template '" + this.name + "' was stopped: it " + reason);
		}
		String message = (cause != null) ? cause.getMessage() : "unknown failure";
		Throwable root = cause;
		while (root != null && root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String summary = (root != null) ? root.getClass().getSimpleName() + " in a method it called" : "unknown failure";
		return new TemplateRenderException("Mapping template '" + this.name + "' failed: " + message,
				"Mapping template '" + this.name + "' failed: " + summary, cause);
	}

	@Override
	public String toString() {
		return "MappingTemplate '" + this.name + "'";
	}

}
