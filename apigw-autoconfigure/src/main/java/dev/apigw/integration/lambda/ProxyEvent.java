package dev.apigw.integration.lambda;

import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.apigw.routing.ApiInvocation;
import dev.apigw.routing.MethodRuntime;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * Builds the LAMBDA_PROXY event, payload format 1.0, as AWS sends it: resource, path
 * (below the stage, not decoded, a leading {@code //} collapsed), headers and
 * multiValueHeaders (client casing, {@code Authorization} and {@code User-Agent}
 * canonicalised, no {@code Content-Length} or {@code Connection}, forwarding headers
 * added), query parameters (decoded; the last of repeated keys in
 * {@code queryStringParameters}), raw path parameters, stage variables, the request
 * context and the body (base64 for the API's binary media types). Absent parts are
 * {@code null}, as on AWS. The event is an ordered map, so it serialises with AWS's key
 * order.
 */
final class ProxyEvent {

	private static final Set<String> DROPPED_HEADERS = Set.of("content-length", "connection", "keep-alive",
			"transfer-encoding");

	private static final List<String> IDENTITY_KEYS = List.of("accessKey", "accountId", "caller",
			"cognitoAuthenticationProvider", "cognitoAuthenticationType", "cognitoIdentityId", "cognitoIdentityPoolId",
			"principalOrgId", "sourceIp", "user", "userAgent", "userArn");

	private ProxyEvent() {
	}

	/**
	 * Builds the event of a request.
	 * @param request the request
	 * @param invocation the invocation (matched)
	 * @param body the request body, empty when there is none
	 * @return the event
	 */
	static Map<String, Object> create(ServerHttpRequest request, ApiInvocation invocation, byte[] body) {
		MethodRuntime method = invocation.requiredMethod();
		Map<String, Object> context = invocation.context();
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("resource", method.resource().path());
		event.put("path", path(invocation));
		event.put("httpMethod", invocation.httpMethod());
		Headers headers = headers(request, invocation);
		event.put("headers", headers.single());
		event.put("multiValueHeaders", headers.multi());
		Map<String, List<String>> query = query(request.getURI().getRawQuery());
		event.put("queryStringParameters", (query != null) ? last(query) : null);
		event.put("multiValueQueryStringParameters", query);
		event.put("pathParameters",
				invocation.pathParameters().isEmpty() ? null : new LinkedHashMap<>(invocation.pathParameters()));
		Map<String, String> stageVariables = invocation.stage().stage().variables();
		event.put("stageVariables", stageVariables.isEmpty() ? null : new LinkedHashMap<>(stageVariables));
		event.put("requestContext", requestContext(invocation, method, context));
		boolean binary = body.length > 0 && BinaryMediaTypes.matches(invocation.stage().api().binaryMediaTypes(),
				request.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE));
		if (body.length == 0) {
			event.put("body", null);
		}
		else {
			event.put("body", binary ? Base64.getEncoder().encodeToString(body) : new String(body, StandardCharsets.UTF_8));
		}
		event.put("isBase64Encoded", binary);
		return event;
	}

	/**
	 * The request path as the event carries it: below the stage on the default mount, the
	 * requested path through a base-path mapping; a leading {@code //} collapses to one
	 * slash, inner and trailing slashes stay.
	 */
	static String path(ApiInvocation invocation) {
		String path = invocation.mount().stageInPath() ? invocation.path() : invocation.contextPath();
		int start = 0;
		while (start + 1 < path.length() && path.charAt(start) == '/' && path.charAt(start + 1) == '/') {
			start++;
		}
		path = path.substring(start);
		return path.isEmpty() ? "/" : path;
	}

	private static Headers headers(ServerHttpRequest request, ApiInvocation invocation) {
		Map<String, String> single = new LinkedHashMap<>();
		Map<String, List<String>> multi = new LinkedHashMap<>();
		request.getHeaders().forEach((name, values) -> {
			String lower = name.toLowerCase(Locale.ROOT);
			if (DROPPED_HEADERS.contains(lower) || values.isEmpty()) {
				return;
			}
			String key = switch (lower) {
				case "authorization" -> HttpHeaders.AUTHORIZATION;
				case "user-agent" -> HttpHeaders.USER_AGENT;
				case "x-forwarded-for", "x-forwarded-port", "x-forwarded-proto", "x-amzn-trace-id" -> null;
				default -> name;
			};
			if (key != null) {
				multi.computeIfAbsent(key, (k) -> new ArrayList<>()).addAll(values);
				single.put(key, values.get(values.size() - 1));
			}
		});
		String forwardedFor = request.getHeaders().getFirst("X-Forwarded-For");
		String sourceIp = invocation.sourceIp();
		if (sourceIp != null) {
			add(single, multi, "X-Forwarded-For", (forwardedFor != null) ? forwardedFor + ", " + sourceIp : sourceIp);
		}
		InetSocketAddress local = request.getLocalAddress();
		if (local != null) {
			add(single, multi, "X-Forwarded-Port", String.valueOf(local.getPort()));
		}
		String scheme = request.getURI().getScheme();
		add(single, multi, "X-Forwarded-Proto", (scheme != null) ? scheme : "http");
		add(single, multi, "X-Amzn-Trace-Id", invocation.traceId());
		invocation.traceHeaders().forEach((name, value) -> add(single, multi, name, value));
		return new Headers(single, multi);
	}

	private static void add(Map<String, String> single, Map<String, List<String>> multi, String name, String value) {
		single.put(name, value);
		multi.put(name, new ArrayList<>(List.of(value)));
	}

	/**
	 * Parses a raw query: every key with its decoded values in order ({@code +} and
	 * {@code %20} are spaces); {@code null} when there is no query.
	 */
	static @Nullable Map<String, List<String>> query(@Nullable String rawQuery) {
		if (rawQuery == null || rawQuery.isEmpty()) {
			return null;
		}
		Map<String, List<String>> query = new LinkedHashMap<>();
		for (String pair : rawQuery.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int equals = pair.indexOf('=');
			String name = decode((equals >= 0) ? pair.substring(0, equals) : pair);
			String value = (equals >= 0) ? decode(pair.substring(equals + 1)) : "";
			query.computeIfAbsent(name, (k) -> new ArrayList<>()).add(value);
		}
		return query.isEmpty() ? null : query;
	}

	private static String decode(String text) {
		try {
			return URLDecoder.decode(text, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return text;
		}
	}

	private static Map<String, String> last(Map<String, List<String>> multi) {
		Map<String, String> single = new LinkedHashMap<>();
		multi.forEach((name, values) -> single.put(name, values.get(values.size() - 1)));
		return single;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> requestContext(ApiInvocation invocation, MethodRuntime method,
			Map<String, Object> context) {
		Map<String, Object> requestContext = new LinkedHashMap<>();
		requestContext.put("resourceId", context.get("resourceId"));
		if (invocation.authorizer() != null) {
			requestContext.put("authorizer", new LinkedHashMap<>(invocation.authorizer()));
		}
		requestContext.put("resourcePath", context.get("resourcePath"));
		if (method.method().operationName() != null) {
			requestContext.put("operationName", method.method().operationName());
		}
		requestContext.put("httpMethod", context.get("httpMethod"));
		requestContext.put("extendedRequestId", context.get("extendedRequestId"));
		requestContext.put("requestTime", context.get("requestTime"));
		requestContext.put("path", context.get("path"));
		requestContext.put("accountId", context.get("accountId"));
		requestContext.put("protocol", context.get("protocol"));
		requestContext.put("stage", context.get("stage"));
		requestContext.put("domainPrefix", context.get("domainPrefix"));
		requestContext.put("requestTimeEpoch", context.get("requestTimeEpoch"));
		requestContext.put("requestId", context.get("requestId"));
		Map<String, Object> source = (Map<String, Object>) context.get("identity");
		Map<String, Object> identity = new LinkedHashMap<>();
		for (String key : IDENTITY_KEYS) {
			identity.put(key, source.get(key));
		}
		for (String key : List.of("apiKey", "apiKeyId")) {
			if (source.get(key) != null) {
				identity.put(key, source.get(key));
			}
		}
		requestContext.put("identity", identity);
		requestContext.put("domainName", context.get("domainName"));
		requestContext.put("deploymentId", context.get("deploymentId"));
		requestContext.put("apiId", context.get("apiId"));
		return requestContext;
	}

	private record Headers(Map<String, String> single, Map<String, List<String>> multi) {

	}

}
