package dev.apigw.management;

import org.jspecify.annotations.Nullable;

/**
 * What a management operation answers: a status and a JSON body (none for 202).
 *
 * @param status the HTTP status
 * @param body the body to serialise, {@code null} for none
 */
record ManagementResult(int status, @Nullable Object body) {

	static ManagementResult ok(Object body) {
		return new ManagementResult(200, body);
	}

	static ManagementResult created(Object body) {
		return new ManagementResult(201, body);
	}

	static ManagementResult accepted() {
		return new ManagementResult(202, null);
	}

	/**
	 * The answer to an operation of AWS's API that apigw does not serve yet.
	 * @param request the call
	 * @return the error to throw
	 */
	static ManagementError unsupported(ManagementRequest request) {
		return new ManagementError(501, "NotImplementedException", "apigw does not serve " + request.describe()
				+ " yet; see docs/management.md for the operations it serves");
	}

}
