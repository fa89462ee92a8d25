package dev.apigw.template;

/**
 * A mapping template could not be compiled, for example because of a syntax error; the message
 * names the template and, where known, the line and column.
 */
public class TemplateException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/**
	 * @param message what went wrong, naming the template
	 * @param cause the underlying failure, if any
	 */
	public TemplateException(String message, Throwable cause) {
		super(message, cause);
	}

	/** @param message what went wrong, naming the template */
	public TemplateException(String message) {
		super(message);
	}

}
