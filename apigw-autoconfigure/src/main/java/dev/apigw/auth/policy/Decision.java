package dev.apigw.auth.policy;

/**
 * The outcome of evaluating policies for one request.
 */
public enum Decision {

	/** A statement allows the request and none denies it. */
	ALLOW,

	/** A statement denies the request; explicit denies win over every allow. */
	EXPLICIT_DENY,

	/** No statement applies: denied by default. */
	IMPLICIT_DENY;

	/**
	 * Combines two decisions as IAM does: an explicit deny anywhere wins, then an allow.
	 * @param other the other decision
	 * @return the combined decision
	 */
	public Decision and(Decision other) {
		if (this == EXPLICIT_DENY || other == EXPLICIT_DENY) {
			return EXPLICIT_DENY;
		}
		return (this == ALLOW || other == ALLOW) ? ALLOW : IMPLICIT_DENY;
	}

}
