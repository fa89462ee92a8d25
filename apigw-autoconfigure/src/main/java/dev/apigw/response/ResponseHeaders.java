package dev.apigw.response;

import dev.apigw.model.ReservedHeaders;
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
	 * Sets a method response header that a mapping or an override gives, if it may be sent:
	 * under its {@linkplain ReservedHeaders#responseName(String) response name} (AWS's
	 * {@code x-amzn-Remapped-*} renames; framing and hop-by-hop names AWS does not rename are
	 * dropped), and only with a {@linkplain ReservedHeaders#wellFormedValue(String)
	 * well-formed} value and a token for a name.
	 * @param headers the response headers
	 * @param name the mapped name
	 * @param value the value
	 */
	public static void setMapped(HttpHeaders headers, String name, String value) {
		String sent = ReservedHeaders.isToken(name) ? ReservedHeaders.responseName(name) : null;
		String wellFormed = ReservedHeaders.wellFormedValue(value);
		if (sent != null && wellFormed != null) {
			headers.set(sent, wellFormed);
		}
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
