package dev.apigw.integration.lambda;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent.RequestContext;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent.RequestIdentity;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import org.jspecify.annotations.Nullable;

/**
 * Fills {@code aws-lambda-java-events}' WebSocket POJOs from the event and reads results
 * back. Only loaded when a handler declares those types.
 */
final class WebSocketEventPojos {

	static final String EVENT = "com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent";

	static final String RESPONSE = "com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse";

	private WebSocketEventPojos() {
	}

	@SuppressWarnings("unchecked")
	static APIGatewayV2WebSocketEvent event(Map<String, Object> event) {
		APIGatewayV2WebSocketEvent pojo = new APIGatewayV2WebSocketEvent();
		pojo.setHeaders((Map<String, String>) event.get("headers"));
		pojo.setMultiValueHeaders((Map<String, List<String>>) event.get("multiValueHeaders"));
		pojo.setQueryStringParameters((Map<String, String>) event.get("queryStringParameters"));
		pojo.setMultiValueQueryStringParameters(
				(Map<String, List<String>>) event.get("multiValueQueryStringParameters"));
		pojo.setStageVariables((Map<String, String>) event.get("stageVariables"));
		pojo.setBody((String) event.get("body"));
		pojo.setIsBase64Encoded(Boolean.TRUE.equals(event.get("isBase64Encoded")));
		Map<String, Object> source = (Map<String, Object>) event.get("requestContext");
		RequestContext context = new RequestContext();
		context.setRouteKey(text(source.get("routeKey")));
		context.setMessageId(text(source.get("messageId")));
		context.setEventType(text(source.get("eventType")));
		context.setExtendedRequestId(text(source.get("extendedRequestId")));
		context.setRequestTime(text(source.get("requestTime")));
		context.setMessageDirection(text(source.get("messageDirection")));
		context.setStage(text(source.get("stage")));
		context.setConnectedAt(number(source.get("connectedAt")));
		context.setRequestTimeEpoch(number(source.get("requestTimeEpoch")));
		context.setRequestId(text(source.get("requestId")));
		context.setDomainName(text(source.get("domainName")));
		context.setConnectionId(text(source.get("connectionId")));
		context.setApiId(text(source.get("apiId")));
		context.setAccountId(text(source.get("accountId")));
		context.setAuthorizer((Map<String, Object>) source.get("authorizer"));
		Map<String, Object> identity = (Map<String, Object>) source.get("identity");
		RequestIdentity requestIdentity = new RequestIdentity();
		if (identity != null) {
			requestIdentity.setSourceIp(text(identity.get("sourceIp")));
			requestIdentity.setUserAgent(text(identity.get("userAgent")));
		}
		context.setIdentity(requestIdentity);
		pojo.setRequestContext(context);
		return pojo;
	}

	static Map<String, Object> response(Object output) {
		APIGatewayV2WebSocketResponse response = (APIGatewayV2WebSocketResponse) output;
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("statusCode", response.getStatusCode());
		document.put("headers", response.getHeaders());
		document.put("body", response.getBody());
		document.put("isBase64Encoded", response.isIsBase64Encoded());
		return document;
	}

	private static @Nullable String text(@Nullable Object value) {
		return (value != null) ? String.valueOf(value) : null;
	}

	private static long number(@Nullable Object value) {
		return (value instanceof Number number) ? number.longValue() : 0;
	}

}
