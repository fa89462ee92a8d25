package dev.apigw.integration.lambda;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.apigw.model.ReservedHeaders;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;

/**
 * A LAMBDA_PROXY function result, validated as AWS validates it: a JSON object with only
 * {@code statusCode} (a number, or a string of digits; 200 when absent), {@code headers}
 * (scalar values), {@code multiValueHeaders} (lists of scalars), {@code body} (a string)
 * and {@code isBase64Encoded}. Anything else is malformed, which AWS answers with 502.
 * Headers and multiValueHeaders of the same name are merged, multiValueHeaders' values and
 * key casing first.
 *
 * @param status the status code
 * @param headers the response headers
 * @param body the body bytes
 */
record ProxyResponse(int status, HttpHeaders headers, byte[] body) {

	private static final Set<String> KEYS = Set.of("statusCode", "headers", "multiValueHeaders", "body",
			"isBase64Encoded");

	/**
	 * Validates a result.
	 * @param result the result as JSON
	 * @param binaryMediaTypes the API's binary media types
	 * @param accept the request's Accept header
	 * @return the response
	 * @throws MalformedException when AWS would refuse the result
	 */
	static ProxyResponse of(JsonNode result, List<String> binaryMediaTypes, String accept) {
		if (!result.isObject()) {
			throw new MalformedException("the result is not a JSON object");
		}
		for (String key : result.propertyNames()) {
			if (!KEYS.contains(key)) {
				throw new MalformedException("unknown key '" + key + "'");
			}
		}
		int status = status(result.get("statusCode"));
		HttpHeaders headers = new HttpHeaders();
		JsonNode multi = result.get("multiValueHeaders");
		if (multi != null && !multi.isNull()) {
			if (!multi.isObject()) {
				throw new MalformedException("multiValueHeaders is not an object");
			}
			for (Map.Entry<String, JsonNode> entry : multi.properties()) {
				if (entry.getValue().isNull()) {
					continue;
				}
				if (!entry.getValue().isArray()) {
					throw new MalformedException("multiValueHeaders." + entry.getKey() + " is not a list");
				}
				for (JsonNode value : entry.getValue()) {
					add(headers, entry.getKey(), value);
				}
			}
		}
		JsonNode single = result.get("headers");
		if (single != null && !single.isNull()) {
			if (!single.isObject()) {
				throw new MalformedException("headers is not an object");
			}
			for (Map.Entry<String, JsonNode> entry : single.properties()) {
				add(headers, entry.getKey(), entry.getValue());
			}
		}
		if (!headers.containsHeader(HttpHeaders.CONTENT_TYPE)) {
			headers.set(HttpHeaders.CONTENT_TYPE, "application/json");
		}
		return new ProxyResponse(status, headers, body(result, binaryMediaTypes, accept, headers));
	}

	private static int status(JsonNode node) {
		if (node == null || node.isNull()) {
			return 200;
		}
		int status;
		if (node.isIntegralNumber() && node.canConvertToInt()) {
			status = node.intValue();
		}
		else if (node.isString() && node.asString().matches("\\d{1,3}")) {
			status = Integer.parseInt(node.asString());
		}
		else {
			throw new MalformedException("statusCode " + node + " is not a status code");
		}
		if (status < 100 || status > 599) {
			throw new MalformedException("statusCode " + status + " is not a status code");
		}
		return status;
	}

	private static void add(HttpHeaders headers, String name, JsonNode value) {
		if (value.isNull()) {
			return;
		}
		if (!value.isValueNode()) {
			throw new MalformedException("header " + name + " has a value that is not a string, number or boolean");
		}
		String sent = ReservedHeaders.isToken(name) ? ReservedHeaders.responseName(name) : null;
		String wellFormed = ReservedHeaders.wellFormedValue(value.asString());
		if (sent == null || wellFormed == null) {
			// the gateway frames the response itself, and sends nothing that is not a header
			return;
		}
		headers.add(sent, wellFormed);
	}

	private static byte[] body(JsonNode result, List<String> binaryMediaTypes, String accept, HttpHeaders headers) {
		JsonNode body = result.get("body");
		if (body == null || body.isNull()) {
			return new byte[0];
		}
		if (!body.isString()) {
			throw new MalformedException("body is not a string");
		}
		String text = body.asString();
		JsonNode encoded = result.get("isBase64Encoded");
		boolean base64;
		if (encoded == null || encoded.isNull()) {
			base64 = false;
		}
		else if (encoded.isBoolean()) {
			base64 = encoded.booleanValue();
		}
		else if (encoded.isString() && (encoded.asString().equals("true") || encoded.asString().equals("false"))) {
			base64 = Boolean.parseBoolean(encoded.asString());
		}
		else {
			throw new MalformedException("isBase64Encoded is not a boolean");
		}
		boolean binary = base64 && (BinaryMediaTypes.matches(binaryMediaTypes, accept)
				|| BinaryMediaTypes.matches(binaryMediaTypes, headers.getFirst(HttpHeaders.CONTENT_TYPE)));
		if (!binary) {
			// without a binary media type AWS sends the base64 text as it is
			return text.getBytes(StandardCharsets.UTF_8);
		}
		try {
			return Base64.getMimeDecoder().decode(text);
		}
		catch (IllegalArgumentException ex) {
			throw new MalformedException("body is not base64");
		}
	}

	/**
	 * A result AWS refuses ("Malformed Lambda proxy response").
	 */
	static final class MalformedException extends RuntimeException {

		MalformedException(String message) {
			super(message, null, false, false);
		}

	}

}
