package dev.apigw.template;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import org.apache.velocity.Template;
import org.apache.velocity.exception.MacroOverflowException;
import org.apache.velocity.util.introspection.IntrospectionCacheData;

/**
 * A compiled mapping template: immutable, thread-safe and reused across requests. Made by
 * {@link TemplateEngine#compile(String, String)}.
 */
public final class MappingTemplate {

	private final String name;

	private final Template template;

	private final TemplateLimits limits;

	private final LongSupplier nanoClock;

	private final Map<Object, IntrospectionCacheData> introspectionCache = new ConcurrentHashMap<>();

	/** Sizes the next render's buffer; a plain field, as a stale value only costs a resize. */
	private int lastOutputLength = 256;

	MappingTemplate(String name, Template template, TemplateLimits limits, LongSupplier nanoClock) {
		this.name = name;
		this.template = template;
		this.limits = limits;
		this.nanoClock = nanoClock;
	}

	/** @return the name given when compiling */
	public String name() {
		return this.name;
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
		RenderState state = new RenderState(this.name, this.limits, this.nanoClock, input);
		RenderState previous = state.enter();
		BudgetWriter writer = new BudgetWriter(state, this.lastOutputLength);
		try {
			RenderContext context = new RenderContext(this.introspectionCache);
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
			throw failure(state, null, ex);
		}
		finally {
			RenderState.exit(previous);
		}
		if (state.violation() != null) {
			throw failure(state, null, null);
		}
		String output = writer.toString();
		this.lastOutputLength = Math.min(output.length() + 16, 1 << 16);
		return output;
	}

	private TemplateRenderException failure(RenderState state, String reason, RuntimeException cause) {
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
		return new TemplateRenderException(
				"Mapping template '" + this.name + "' failed: " + cause.getMessage(), cause);
	}

	@Override
	public String toString() {
		return "MappingTemplate '" + this.name + "'";
	}

}
