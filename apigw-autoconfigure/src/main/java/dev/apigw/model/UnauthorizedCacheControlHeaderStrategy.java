package dev.apigw.model;

/**
 * What happens to a {@code Cache-Control: max-age=0} request from a caller that is not
 * allowed to invalidate cache entries.
 */
public enum UnauthorizedCacheControlHeaderStrategy {

	/** The request fails with 403. */
	FAIL_WITH_403,

	/** The header is ignored and the response carries a warning header. AWS's default. */
	SUCCEED_WITH_RESPONSE_HEADER,

	/** The header is ignored silently. */
	SUCCEED_WITHOUT_RESPONSE_HEADER

}
