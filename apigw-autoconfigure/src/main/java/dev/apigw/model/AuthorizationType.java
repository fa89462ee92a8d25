package dev.apigw.model;

/**
 * How a method authorizes its callers.
 */
public enum AuthorizationType {

	/** Open to every caller. */
	NONE,

	/** AWS Signature Version 4 with IAM-style policies. */
	AWS_IAM,

	/** A Lambda (TOKEN or REQUEST) authorizer. */
	CUSTOM,

	/** A Cognito-style JWT authorizer. */
	COGNITO_USER_POOLS

}
