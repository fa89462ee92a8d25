package dev.apigw.template;

/**
 * Rendering a mapping template failed: the template broke a sandbox rule, exceeded one of its
 * {@link TemplateLimits}, or a method it called failed. The message names the template. The
 * pipeline answers such a failure as AWS does, with a 500 {@code Internal server error}.
 */
public class TemplateRenderException extends TemplateException {

	private static final long serialVersionUID = 1L;

	/**
	 * @param message what went wrong, naming the template
	 * @param cause the underlying failure, if any
	 */
	public TemplateRenderException(String message, Throwable cause) {
		super(message, cause);
	}

	/** @param message what went wrong, naming the template */
	public TemplateRenderException(String message) {
		super(message);
	}

}
