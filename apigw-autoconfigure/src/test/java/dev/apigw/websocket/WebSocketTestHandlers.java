package dev.apigw.websocket;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Lambda-style handlers of the WebSocket tests: they record every event they get.
 */
@Configuration(proxyBeanMethods = false)
public class WebSocketTestHandlers {

	/** Every event a handler got, in order. */
	public static final BlockingQueue<Map<String, Object>> EVENTS = new LinkedBlockingQueue<>();

	@Bean
	@SuppressWarnings("unchecked")
	Function<Map<String, Object>, Map<String, Object>> wsConnect() {
		return (event) -> {
			EVENTS.add(event);
			Map<String, Object> query = (Map<String, Object>) event.get("queryStringParameters");
			Map<String, Object> response = new LinkedHashMap<>();
			if (query != null && query.get("reject") != null) {
				response.put("statusCode", Integer.parseInt(String.valueOf(query.get("reject"))));
				response.put("body", "rejected");
			}
			else if (query != null && query.get("explode") != null) {
				throw new IllegalStateException("connect failed");
			}
			else {
				response.put("statusCode", 200);
			}
			return response;
		};
	}

	@Bean
	Function<Map<String, Object>, Map<String, Object>> wsRecord() {
		return (event) -> {
			EVENTS.add(event);
			return Map.of("statusCode", 200);
		};
	}

	@Bean
	RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> wsEcho() {
		return (event, context) -> {
			APIGatewayV2WebSocketResponse response = new APIGatewayV2WebSocketResponse();
			response.setStatusCode(200);
			response.setBody("echo " + event.getRequestContext().getRouteKey() + ": " + event.getBody());
			return response;
		};
	}

	@Bean
	Function<Map<String, Object>, Map<String, Object>> wsFail() {
		return (event) -> {
			throw new IllegalStateException("boom");
		};
	}

}
