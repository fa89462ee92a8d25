package dev.apigw.store;

/**
 * Signals that a shared store cannot be reached and its failure policy refuses to decide
 * without it.
 */
public class StoreUnavailableException extends RuntimeException {

	/**
	 * Creates the exception.
	 * @param message what is unavailable
	 */
	public StoreUnavailableException(String message) {
		super(message, null, false, false);
	}

}
