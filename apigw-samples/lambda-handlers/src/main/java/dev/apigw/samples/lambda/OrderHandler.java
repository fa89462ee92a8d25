package dev.apigw.samples.lambda;

import java.util.LinkedHashMap;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/**
 * A LAMBDA (non-proxy) handler: it gets the integration request payload and returns a
 * result; a thrown exception's message selects the integration response, as on AWS.
 */
public class OrderHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

	@Override
	public Map<String, Object> handleRequest(Map<String, Object> order, Context context) {
		Object quantity = order.get("quantity");
		if (!(quantity instanceof Number number) || number.intValue() < 1) {
			throw new IllegalArgumentException("Invalid order: quantity must be a positive number");
		}
		Map<String, Object> confirmation = new LinkedHashMap<>();
		confirmation.put("item", order.get("item"));
		confirmation.put("quantity", number.intValue());
		confirmation.put("status", "accepted");
		return confirmation;
	}

}
