package dev.apigw.integration.lambda;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Converts between JSON and what handlers take and return, as AWS's Java runtime does:
 * events and payloads to the handler's declared input type (unknown properties ignored),
 * results to JSON, and exceptions to Lambda's error document
 * {@code {"errorMessage", "errorType", "stackTrace"}}. Uses its own mapper so the
 * application's Jackson settings never change the bytes a function sees.
 */
final class LambdaCodec {

	static final String REQUEST_EVENT = "com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent";

	static final String RESPONSE_EVENT = "com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent";

	private static final String ADAPTER = LambdaFunction.class.getName();

	private final JsonMapper json = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	JsonMapper json() {
		return this.json;
	}

	/**
	 * Converts a proxy event to a function's input type.
	 * @param event the event
	 * @param type the input type
	 * @return the input
	 */
	@Nullable Object proxyInput(Map<String, Object> event, Class<?> type) {
		if (type == byte[].class) {
			return this.json.writeValueAsBytes(event);
		}
		if (type.getName().equals(REQUEST_EVENT)) {
			return ProxyEventPojos.request(event);
		}
		if (type.isAssignableFrom(LinkedHashMap.class)) {
			return event;
		}
		return this.json.convertValue(event, type);
	}

	/**
	 * Converts a non-proxy payload to a function's input type.
	 * @param payload the payload, valid JSON
	 * @param bytes the payload bytes
	 * @param type the input type
	 * @return the input
	 */
	@Nullable Object payloadInput(JsonNode payload, byte[] bytes, Class<?> type) {
		if (type == byte[].class) {
			return bytes;
		}
		return this.json.treeToValue(payload, type);
	}

	/**
	 * Parses a payload, as Lambda does before invoking.
	 * @param bytes the payload
	 * @return the JSON
	 * @throws JacksonException when the payload is not JSON
	 */
	JsonNode parse(byte[] bytes) {
		return this.json.readTree(bytes);
	}

	/**
	 * A result as JSON, for proxy response validation.
	 * @param output the handler's output
	 * @return the JSON
	 * @throws JacksonException when stream output is not JSON
	 */
	JsonNode tree(@Nullable Object output) {
		if (output instanceof byte[] bytes) {
			return this.json.readTree(bytes);
		}
		if (output != null && output.getClass().getName().equals(RESPONSE_EVENT)) {
			return this.json.valueToTree(ProxyEventPojos.response(output));
		}
		return this.json.valueToTree(output);
	}

	/**
	 * A result as bytes, as Lambda returns it to a non-proxy integration.
	 * @param output the handler's output
	 * @return the bytes
	 */
	byte[] bytes(@Nullable Object output) {
		if (output instanceof byte[] bytes) {
			return bytes;
		}
		return this.json.writeValueAsBytes(output);
	}

	/**
	 * Lambda's error document for a failed invocation. The message is the exception's, or
	 * its class name when it has none; the stack trace stops where the gateway's adapter
	 * called the handler.
	 * @param error the error
	 * @return the document
	 */
	Map<String, Object> error(Throwable error) {
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("errorMessage", message(error));
		document.put("errorType", error.getClass().getName());
		List<String> trace = new ArrayList<>();
		for (StackTraceElement element : error.getStackTrace()) {
			if (element.getClassName().startsWith(ADAPTER)
					|| element.getClassName().startsWith("jdk.internal.reflect.")
					|| element.getClassName().equals("java.lang.reflect.Method")) {
				break;
			}
			trace.add(element.toString());
		}
		document.put("stackTrace", trace);
		return document;
	}

	static String message(Throwable error) {
		return (error.getMessage() != null) ? error.getMessage() : error.getClass().getName();
	}

}
