package dev.apigw.pipeline;

import dev.apigw.routing.ApiInvocation;

/**
 * Told about every completed request inside an API mount: metrics, access logs, usage.
 * Called once per request, on the thread that completed it; must not block.
 */
@FunctionalInterface
public interface InvocationListener {

	/**
	 * A request completed.
	 * @param invocation the invocation
	 * @param status the status sent to the client
	 * @param durationNanos the time from mount match to completion
	 */
	void completed(ApiInvocation invocation, int status, long durationNanos);

}
