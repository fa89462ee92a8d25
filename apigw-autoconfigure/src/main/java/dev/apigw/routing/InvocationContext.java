package dev.apigw.routing;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code $context} as mapping templates, gateway responses and access logs see it: a new
 * map over an invocation's current state, with AWS's keys.
 */
final class InvocationContext {

	private static final String[] IDENTITY_KEYS = { "accountId", "apiKey", "apiKeyId", "caller",
			"cognitoAuthenticationProvider", "cognitoAuthenticationType", "cognitoIdentityId", "cognitoIdentityPoolId",
			"principalOrgId", "user", "userArn", "accessKey", "clientCert" };

	private InvocationContext() {
	}

	/**
	 * Builds the context of an invocation. The override maps are the invocation's own, so
	 * values a request template writes are seen by the response template.
	 * @param invocation the invocation
	 * @return a new map
	 */
	static Map<String, Object> of(ApiInvocation invocation) {
		StageRuntime stage = invocation.stage();
		String host = invocation.host();
		MethodRuntime method = invocation.method();
		Map<String, Object> context = new LinkedHashMap<>(64);
		context.put("accountId", stage.environment().accountId());
		context.put("apiId", stage.api().id());
		context.put("authorizer", (invocation.authorizer() != null) ? invocation.authorizer() : new HashMap<>());
		context.put("awsEndpointRequestId", invocation.requestId());
		context.put("deploymentId", stage.deploymentId());
		context.put("domainName", host);
		context.put("domainPrefix", (host != null) ? host.split("\\.", 2)[0] : null);
		context.put("error", error(invocation));
		context.put("extendedRequestId", invocation.extendedRequestId());
		context.put("httpMethod", invocation.httpMethod());
		context.put("identity", identity(invocation));
		context.put("isCanaryRequest", invocation.isCanaryRequest() ? "true" : "false");
		context.put("path", invocation.contextPath());
		context.put("protocol", "HTTP/1.1");
		context.put("requestId", invocation.requestId());
		context.put("requestOverride", invocation.requestOverride());
		context.put("responseOverride", invocation.responseOverride());
		context.put("requestTime", invocation.requestTime());
		context.put("requestTimeEpoch", invocation.requestTimeEpoch());
		context.put("resourceId", (method != null) ? method.resource().id() : null);
		context.put("resourcePath", invocation.resourcePath());
		context.put("stage", stage.stageName());
		context.put("wafResponseCode", null);
		context.put("webaclArn", null);
		if (invocation.integrationLatency() >= 0) {
			context.put("integrationLatency", invocation.integrationLatency());
		}
		if (invocation.integrationStatus() >= 0) {
			context.put("integrationStatus", invocation.integrationStatus());
		}
		return context;
	}

	private static Map<String, Object> error(ApiInvocation invocation) {
		String message = invocation.errorMessage();
		Map<String, Object> error = new HashMap<>();
		error.put("message", message);
		error.put("messageString", (message != null) ? JsonStrings.quote(message) : "null");
		error.put("responseType", (invocation.errorType() != null) ? invocation.errorType().name() : null);
		error.put("validationErrorString", invocation.validationErrorString());
		return error;
	}

	private static Map<String, Object> identity(ApiInvocation invocation) {
		Map<String, Object> identity = new HashMap<>();
		for (String key : IDENTITY_KEYS) {
			identity.put(key, null);
		}
		identity.put("sourceIp", invocation.sourceIp());
		identity.put("userAgent", invocation.userAgent());
		identity.putAll(invocation.identity());
		return identity;
	}

}
