package dev.apigw.auth.policy;

/**
 * Thrown when a policy document is not valid JSON or not a policy AWS would accept.
 */
public class InvalidPolicyException extends RuntimeException {

	/**
	 * Creates the exception.
	 * @param message what is wrong, naming the offending field
	 */
	public InvalidPolicyException(String message) {
		super(message);
	}

}
