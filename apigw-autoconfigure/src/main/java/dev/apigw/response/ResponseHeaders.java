package dev.apigw.response;

import dev.apigw.routing.ApiInvocation;

import org.springframework.http.HttpHeaders;

/**
 * The headers every response of an API carries.
 */
public final class ResponseHeaders {

	/** AWS's request id header. */
	public static final String REQUEST_ID = "x-amzn-RequestId";

	/** AWS's extended request id header. */
	public static final String APIGW_ID = "x-amz-apigw-id";

	private ResponseHeaders() {
	}

	/**
	 * Sets the request id headers.
	 * @param headers the response headers
	 * @param invocation the invocation
	 */
	public static void addRequestIds(HttpHeaders headers, ApiInvocation invocation) {
		headers.set(REQUEST_ID, invocation.requestId());
		headers.set(APIGW_ID, invocation.extendedRequestId());
	}

}
