package dev.apigw.management;

import java.util.List;

import dev.apigw.auth.iam.IamCredentials;

import org.springframework.util.MultiValueMap;

/**
 * One authenticated call of the management API.
 *
 * @param method the HTTP method
 * @param segments the decoded path segments below the base path ({@code restapis},
 * {@code {id}}, ...)
 * @param query the query parameters
 * @param body the body as received
 * @param caller the caller's credentials
 */
record ManagementRequest(String method, List<String> segments, MultiValueMap<String, String> query, byte[] body,
		IamCredentials caller) {

	/**
	 * Who asked, for the audit log.
	 * @return the caller's ARN
	 */
	String principal() {
		return this.caller.userArn();
	}

	String describe() {
		return this.method + " /" + String.join("/", this.segments);
	}

}
