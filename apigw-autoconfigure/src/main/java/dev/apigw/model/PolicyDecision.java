package dev.apigw.model;

/**
 * The outcome of evaluating IAM-style policies (a resource policy, an identity policy, a
 * Lambda authorizer's policy) for one request. It lives in the model because the resource
 * policy phase hands it to the authorizers through the invocation.
 */
public enum PolicyDecision {

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
	public PolicyDecision and(PolicyDecision other) {
		if (this == EXPLICIT_DENY || other == EXPLICIT_DENY) {
			return EXPLICIT_DENY;
		}
		return (this == ALLOW || other == ALLOW) ? ALLOW : IMPLICIT_DENY;
	}

}
