package dev.apigw.template;

/**
 * A render could not start: every render thread of the {@link TemplateRenderer} is busy and its
 * queue of waiting renders is full. The pipeline answers it as a throttled request.
 */
public final class RenderRejectedException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/** @param templateName the template that was not rendered */
	public RenderRejectedException(String templateName) {
		super("Mapping template '" + templateName + "' was not rendered: every render thread is busy and "
				+ "the queue of waiting renders is full", null, false, false);
	}

}
