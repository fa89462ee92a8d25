package dev.apigw.integration.lambda;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent.ProxyRequestContext;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent.RequestIdentity;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;

/**
 * Fills {@code aws-lambda-java-events}' proxy POJOs from the event and reads results back.
 * Only loaded when a handler declares those types, so the events library stays optional.
 */
final class ProxyEventPojos {

	private ProxyEventPojos() {
	}

	@SuppressWarnings("unchecked")
	static APIGatewayProxyRequestEvent request(Map<String, Object> event) {
		APIGatewayProxyRequestEvent request = new APIGatewayProxyRequestEvent();
		request.setResource((String) event.get("resource"));
		request.setPath((String) event.get("path"));
		request.setHttpMethod((String) event.get("httpMethod"));
		request.setHeaders((Map<String, String>) event.get("headers"));
		request.setMultiValueHeaders((Map<String, List<String>>) event.get("multiValueHeaders"));
		request.setQueryStringParameters((Map<String, String>) event.get("queryStringParameters"));
		request.setMultiValueQueryStringParameters(
				(Map<String, List<String>>) event.get("multiValueQueryStringParameters"));
		request.setPathParameters((Map<String, String>) event.get("pathParameters"));
		request.setStageVariables((Map<String, String>) event.get("stageVariables"));
		request.setRequestContext(context((Map<String, Object>) event.get("requestContext")));
		request.setBody((String) event.get("body"));
		request.setIsBase64Encoded((Boolean) event.get("isBase64Encoded"));
		return request;
	}

	@SuppressWarnings("unchecked")
	private static ProxyRequestContext context(Map<String, Object> source) {
		ProxyRequestContext context = new ProxyRequestContext();
		context.setResourceId((String) source.get("resourceId"));
		context.setAuthorizer((Map<String, Object>) source.get("authorizer"));
		context.setResourcePath((String) source.get("resourcePath"));
		context.setOperationName((String) source.get("operationName"));
		context.setHttpMethod((String) source.get("httpMethod"));
		context.setExtendedRequestId((String) source.get("extendedRequestId"));
		context.setRequestTime((String) source.get("requestTime"));
		context.setPath((String) source.get("path"));
		context.setAccountId((String) source.get("accountId"));
		context.setProtocol((String) source.get("protocol"));
		context.setStage((String) source.get("stage"));
		context.setDomainPrefix((String) source.get("domainPrefix"));
		Object epoch = source.get("requestTimeEpoch");
		context.setRequestTimeEpoch((epoch instanceof Number number) ? number.longValue() : null);
		context.setRequestId((String) source.get("requestId"));
		context.setDomainName((String) source.get("domainName"));
		context.setApiId((String) source.get("apiId"));
		Map<String, Object> identity = (Map<String, Object>) source.get("identity");
		RequestIdentity requestIdentity = new RequestIdentity();
		requestIdentity.setAccessKey(text(identity.get("accessKey")));
		requestIdentity.setAccountId(text(identity.get("accountId")));
		requestIdentity.setApiKey(text(identity.get("apiKey")));
		requestIdentity.setCaller(text(identity.get("caller")));
		requestIdentity.setCognitoAuthenticationProvider(text(identity.get("cognitoAuthenticationProvider")));
		requestIdentity.setCognitoAuthenticationType(text(identity.get("cognitoAuthenticationType")));
		requestIdentity.setCognitoIdentityId(text(identity.get("cognitoIdentityId")));
		requestIdentity.setCognitoIdentityPoolId(text(identity.get("cognitoIdentityPoolId")));
		requestIdentity.setPrincipalOrgId(text(identity.get("principalOrgId")));
		requestIdentity.setSourceIp(text(identity.get("sourceIp")));
		requestIdentity.setUser(text(identity.get("user")));
		requestIdentity.setUserAgent(text(identity.get("userAgent")));
		requestIdentity.setUserArn(text(identity.get("userArn")));
		context.setIdentity(requestIdentity);
		return context;
	}

	private static @org.jspecify.annotations.Nullable String text(@org.jspecify.annotations.Nullable Object value) {
		return (value != null) ? String.valueOf(value) : null;
	}

	/**
	 * The result document of a response POJO, with the keys AWS's runtime writes.
	 * @param output an {@code APIGatewayProxyResponseEvent}
	 * @return the document
	 */
	static Map<String, Object> response(Object output) {
		APIGatewayProxyResponseEvent response = (APIGatewayProxyResponseEvent) output;
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("statusCode", response.getStatusCode());
		document.put("headers", response.getHeaders());
		document.put("multiValueHeaders", response.getMultiValueHeaders());
		document.put("body", response.getBody());
		document.put("isBase64Encoded", response.getIsBase64Encoded());
		return document;
	}

}
