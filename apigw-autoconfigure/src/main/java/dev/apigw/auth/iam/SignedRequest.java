package dev.apigw.auth.iam;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.apigw.response.GatewayResponseException;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.util.MultiValueMap;

/**
 * The Signature Version 4 parameters of a request, from its {@code Authorization} header
 * ({@code AWS4-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=...} with
 * {@code X-Amz-Date}) or from a presigned URL's {@code X-Amz-*} query parameters.
 *
 * @param accessKeyId the access key id
 * @param scopeDate the date of the credential scope ({@code yyyyMMdd})
 * @param region the region of the credential scope
 * @param service the service of the credential scope
 * @param signedHeaders the signed header names, lower case, as listed
 * @param signature the signature (hex)
 * @param amzDate the request time ({@code yyyyMMdd'T'HHmmss'Z'})
 * @param expires the validity of a presigned URL in seconds, {@code -1} for a header
 * signature
 * @param securityToken the session token sent, {@code null} when none
 */
record SignedRequest(String accessKeyId, String scopeDate, String region, String service, List<String> signedHeaders,
		String signature, String amzDate, long expires, @Nullable String securityToken) {

	static final String ALGORITHM = "AWS4-HMAC-SHA256";

	boolean presigned() {
		return this.expires >= 0;
	}

	String scope() {
		return this.scopeDate + "/" + this.region + "/" + this.service + "/aws4_request";
	}

	/**
	 * Reads the signature parameters of a request.
	 * @param request the request
	 * @return the parameters, or {@code null} when the request is not signed at all
	 * @throws GatewayResponseException when it is signed incompletely
	 */
	static @Nullable SignedRequest of(ServerHttpRequest request) {
		HttpHeaders headers = request.getHeaders();
		String authorization = headers.getFirst(HttpHeaders.AUTHORIZATION);
		MultiValueMap<String, String> query = request.getQueryParams();
		if (authorization == null && query.getFirst("X-Amz-Signature") == null
				&& query.getFirst("X-Amz-Algorithm") == null) {
			return null;
		}
		if (authorization != null) {
			return fromHeader(authorization, headers);
		}
		return fromQuery(query, headers);
	}

	private static SignedRequest fromHeader(String authorization, HttpHeaders headers) {
		Map<String, String> parameters = new LinkedHashMap<>();
		String rest = authorization.startsWith(ALGORITHM + " ") ? authorization.substring(ALGORITHM.length() + 1) : "";
		for (String part : rest.split(",")) {
			int equals = part.indexOf('=');
			if (equals > 0) {
				parameters.put(part.substring(0, equals).trim(), part.substring(equals + 1).trim());
			}
		}
		String date = headers.getFirst("X-Amz-Date");
		List<String> missing = new ArrayList<>();
		if (!authorization.startsWith(ALGORITHM + " ")) {
			throw incomplete("Authorization header requires 'Credential' parameter. Authorization header requires "
					+ "'Signature' parameter. Authorization header requires 'SignedHeaders' parameter. Authorization "
					+ "header requires existence of either a 'X-Amz-Date' or a 'Date' header. Authorization="
					+ authorization);
		}
		for (String name : List.of("Credential", "Signature", "SignedHeaders")) {
			if (!parameters.containsKey(name)) {
				missing.add("Authorization header requires '" + name + "' parameter.");
			}
		}
		if (date == null) {
			missing.add("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
		}
		if (!missing.isEmpty()) {
			throw incomplete(String.join(" ", missing) + " Authorization=" + authorization);
		}
		return create(parameters.get("Credential"), parameters.get("SignedHeaders"), parameters.get("Signature"), date,
				-1, headers.getFirst("X-Amz-Security-Token"));
	}

	private static SignedRequest fromQuery(MultiValueMap<String, String> query, HttpHeaders headers) {
		List<String> missing = new ArrayList<>();
		for (String name : List.of("X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Signature", "X-Amz-SignedHeaders",
				"X-Amz-Date", "X-Amz-Expires")) {
			if (query.getFirst(name) == null) {
				missing.add("AWS query-string parameters must include '" + name + "'.");
			}
		}
		if (!missing.isEmpty()) {
			throw incomplete(String.join(" ", missing) + " Re-examine the query-string parameters.");
		}
		if (!ALGORITHM.equals(query.getFirst("X-Amz-Algorithm"))) {
			throw incomplete("Unsupported AWS 'algorithm': '" + query.getFirst("X-Amz-Algorithm") + "'");
		}
		long expires;
		try {
			expires = Long.parseLong(query.getFirst("X-Amz-Expires"));
		}
		catch (NumberFormatException ex) {
			expires = -2;
		}
		if (expires < 0 || expires > 604_800) {
			throw incomplete("X-Amz-Expires must be a number of seconds from 0 to 604800");
		}
		return create(query.getFirst("X-Amz-Credential"), query.getFirst("X-Amz-SignedHeaders"),
				query.getFirst("X-Amz-Signature"), query.getFirst("X-Amz-Date"), expires,
				query.getFirst("X-Amz-Security-Token"));
	}

	private static SignedRequest create(String credential, String signedHeaders, String signature, String date,
			long expires, @Nullable String token) {
		String[] scope = credential.split("/");
		if (scope.length != 5 || !"aws4_request".equals(scope[4])) {
			throw incomplete("Credential should be scoped to a valid region. ");
		}
		List<String> names = Arrays.stream(signedHeaders.split(";")).map(String::trim).toList();
		return new SignedRequest(scope[0], scope[1], scope[2], scope[3], names, signature, date, expires, token);
	}

	static SigV4Exception incomplete(String message) {
		return SigV4Exception.incomplete(message);
	}

}
