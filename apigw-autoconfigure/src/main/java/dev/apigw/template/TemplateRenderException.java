package dev.apigw.template;

import org.jspecify.annotations.Nullable;

/**
 * Rendering a mapping template failed: the template broke a sandbox rule, exceeded one of its
 * {@link TemplateLimits}, or a method it called failed. The message names the template. The
 * pipeline answers such a failure as AWS does, with a 500 {@code Internal server error}.
 */
public class TemplateRenderException extends TemplateException {

	private static final long serialVersionUID = 1L;

	private final String summary;

	/**
	 * @param message what went wrong, naming the template
	 * @param cause the underlying failure, if any
	 */
	public TemplateRenderException(String message, @Nullable Throwable cause) {
		this(message, message, cause);
	}

	/** @param message what went wrong, naming the template */
	public TemplateRenderException(String message) {
		this(message, null);
	}

	/**
	 * @param message what went wrong, naming the template, with the details of the failure
	 * @param summary what went wrong, naming the template, without text that can come from the
	 * request (the message of an exception thrown while parsing it, for instance)
	 * @param cause the underlying failure, if any
	 */
	TemplateRenderException(String message, String summary, @Nullable Throwable cause) {
		super(message, cause);
		this.summary = summary;
	}

	/**
	 * What went wrong, naming the template, without text that can come from the request: what
	 * a warning may log where an attacker can make templates fail.
	 * @return the summary
	 */
	public String summary() {
		return this.summary;
	}

}
