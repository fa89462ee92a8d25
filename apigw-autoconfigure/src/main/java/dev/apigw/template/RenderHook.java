package dev.apigw.template;

/**
 * Called at the start of every render, on the rendering thread, inside the render's budget. A
 * seam for tests that need to hold renders where they run (for instance on a latch) without
 * timing; neither configuration nor templates can reach it.
 */
@FunctionalInterface
interface RenderHook {

	/**
	 * A render starts.
	 * @param template the template
	 * @param input its input
	 */
	void beforeRender(MappingTemplate template, TemplateInput input);

}
