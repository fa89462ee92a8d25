package dev.apigw.template;

import java.util.function.BiConsumer;
import java.util.function.LongSupplier;

/**
 * Template engines for tests in other packages whose renders call a hook first, on the thread
 * that renders: a test can hold renders on a latch, or move the engine's clock, without
 * timing.
 */
public final class TestTemplateEngines {

	private TestTemplateEngines() {
	}

	/**
	 * An engine whose renders call a hook first.
	 * @param limits the render budgets
	 * @param nanoClock the clock budgets are measured with
	 * @param beforeRender called with the template's name and the input at the start of every
	 * render
	 * @return the engine
	 */
	public static TemplateEngine withHook(TemplateLimits limits, LongSupplier nanoClock,
			BiConsumer<String, TemplateInput> beforeRender) {
		return new TemplateEngine(limits, nanoClock,
				(template, input) -> beforeRender.accept(template.name(), input));
	}

}
