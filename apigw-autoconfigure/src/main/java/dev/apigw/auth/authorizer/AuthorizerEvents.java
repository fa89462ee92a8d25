package dev.apigw.auth.authorizer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.apigw.routing.ApiInvocation;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.util.MultiValueMap;

/**
 * The events Lambda authorizers receive, field for field as AWS sends them.
 */
final class AuthorizerEvents {

	private static final List<String> REQUEST_CONTEXT = List.of("accountId", "apiId", "deploymentId", "domainName",
			"domainPrefix", "extendedRequestId", "httpMethod", "identity", "path", "protocol", "requestId", "requestTime",
			"requestTimeEpoch", "resourceId", "resourcePath", "stage");

	private AuthorizerEvents() {
	}

	/**
	 * A TOKEN event: {@code type}, {@code authorizationToken}, {@code methodArn}.
	 */
	static Map<String, Object> token(String token, String methodArn) {
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("type", "TOKEN");
		event.put("authorizationToken", token);
		event.put("methodArn", methodArn);
		return event;
	}

	/**
	 * A REQUEST event: the method ARN and the request as a Lambda proxy event shows it.
	 */
	static Map<String, Object> request(ServerHttpRequest request, ApiInvocation invocation, String methodArn) {
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("type", "REQUEST");
		event.put("methodArn", methodArn);
		event.put("resource", invocation.resourcePath());
		event.put("path", path(invocation.path()));
		event.put("httpMethod", invocation.httpMethod());
		Map<String, String> headers = new LinkedHashMap<>();
		Map<String, List<String>> multiHeaders = new LinkedHashMap<>();
		request.getHeaders().forEach((name, values) -> {
			String key = canonical(name);
			headers.put(key, values.get(values.size() - 1));
			multiHeaders.put(key, List.copyOf(values));
		});
		event.put("headers", headers);
		event.put("multiValueHeaders", multiHeaders);
		MultiValueMap<String, String> query = request.getQueryParams();
		Map<String, String> single = new LinkedHashMap<>();
		Map<String, List<String>> multi = new LinkedHashMap<>();
		query.forEach((name, values) -> {
			single.put(name, values.get(values.size() - 1));
			multi.put(name, new ArrayList<>(values));
		});
		event.put("queryStringParameters", query.isEmpty() ? null : single);
		event.put("multiValueQueryStringParameters", query.isEmpty() ? null : multi);
		event.put("pathParameters", new LinkedHashMap<>(invocation.pathParameters()));
		Map<String, String> variables = invocation.stage().stage().variables();
		event.put("stageVariables", variables.isEmpty() ? null : new LinkedHashMap<>(variables));
		Map<String, Object> context = invocation.context();
		Map<String, Object> requestContext = new LinkedHashMap<>();
		for (String key : REQUEST_CONTEXT) {
			requestContext.put(key, context.get(key));
		}
		event.put("requestContext", requestContext);
		return event;
	}

	/** The path without the stage, a leading {@code //} collapsed, as the proxy event has it. */
	private static String path(String path) {
		if (path.isEmpty()) {
			return "/";
		}
		String collapsed = path;
		while (collapsed.startsWith("//")) {
			collapsed = collapsed.substring(1);
		}
		return collapsed;
	}

	private static String canonical(String name) {
		if (name.equalsIgnoreCase(HttpHeaders.AUTHORIZATION)) {
			return HttpHeaders.AUTHORIZATION;
		}
		if (name.equalsIgnoreCase(HttpHeaders.USER_AGENT)) {
			return HttpHeaders.USER_AGENT;
		}
		return name;
	}

	static @Nullable String nullIfEmpty(@Nullable String value) {
		return (value == null || value.isEmpty()) ? null : value;
	}

}
