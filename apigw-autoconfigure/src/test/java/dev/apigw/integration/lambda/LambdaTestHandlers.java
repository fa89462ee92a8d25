package dev.apigw.integration.lambda;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Handlers the Lambda tests invoke, written against AWS's interfaces only.
 */
@Configuration(proxyBeanMethods = false)
class LambdaTestHandlers {

	static final JsonMapper JSON = JsonMapper.builder().build();

	/** The raw event bytes the capture handler received last. */
	static final AtomicReference<byte[]> captured = new AtomicReference<>();

	/** Counted down when the blocking handler has started. */
	static volatile CountDownLatch entered = new CountDownLatch(1);

	/** The blocking handler waits for this. */
	static volatile CountDownLatch release = new CountDownLatch(1);

	@Bean
	Clock apigwClock() {
		return Clock.fixed(Instant.parse("2026-03-04T19:15:17Z"), ZoneOffset.UTC);
	}

	/** Records the event it gets, answers 200 "captured". */
	@Bean
	RequestStreamHandler capture() {
		return (input, output, context) -> {
			captured.set(input.readAllBytes());
			output.write("{\"statusCode\": 200, \"body\": \"captured\"}".getBytes(StandardCharsets.UTF_8));
		};
	}

	/** Answers with the request body as its result document, verbatim. */
	@Bean
	RequestStreamHandler respond() {
		return new Respond();
	}

	@Bean
	RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> boom() {
		return (event, context) -> {
			throw new IllegalStateException("boom");
		};
	}

	/** Reads the event through the POJO and answers through the POJO. */
	@Bean
	PojoHandler pojo() {
		return new PojoHandler();
	}

	@Bean
	Function<Map<String, Object>, Map<String, Object>> mapFunction() {
		return (event) -> {
			Map<String, Object> response = new LinkedHashMap<>();
			response.put("statusCode", 200);
			response.put("headers", Map.of("Content-Type", "text/plain"));
			response.put("body", "function " + event.get("httpMethod") + " " + event.get("path"));
			return response;
		};
	}

	@Bean
	RequestHandler<Map<String, Object>, Map<String, Object>> context() {
		return (event, context) -> {
			context.getLogger().log("context handler called");
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("awsRequestId", context.getAwsRequestId());
			body.put("functionName", context.getFunctionName());
			body.put("functionVersion", context.getFunctionVersion());
			body.put("invokedFunctionArn", context.getInvokedFunctionArn());
			body.put("remainingTimeInMillis", context.getRemainingTimeInMillis());
			body.put("logGroupName", context.getLogGroupName());
			body.put("thread", Thread.currentThread().getName());
			return Map.of("statusCode", 200, "body", JSON.writeValueAsString(body));
		};
	}

	@Bean
	RequestHandler<Map<String, Object>, Map<String, Object>> blocking() {
		return (event, context) -> {
			entered.countDown();
			try {
				release.await(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return Map.of("statusCode", 200, "body", "late");
		};
	}

	@Bean
	RequestHandler<Map<String, Object>, Map<String, Object>> fast() {
		return (event, context) -> Map.of("statusCode", 200, "body", "fast");
	}

	/** A non-proxy function: answers or fails as the payload says. */
	@Bean
	RequestHandler<Map<String, Object>, Object> ordersHandler() {
		return (payload, context) -> {
			Object fail = payload.get("fail");
			if (fail != null) {
				throw new IllegalArgumentException(String.valueOf(fail));
			}
			if (Boolean.TRUE.equals(payload.get("nullMessage"))) {
				throw new UnsupportedOperationException();
			}
			Map<String, Object> result = new LinkedHashMap<>();
			result.put("received", payload);
			result.put("function", context.getInvokedFunctionArn());
			return result;
		};
	}

	static final class Respond implements RequestStreamHandler {

		@Override
		public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
			JsonNode event = JSON.readTree(input.readAllBytes());
			output.write(event.get("body").asString().getBytes(StandardCharsets.UTF_8));
		}

	}

	static final class PojoHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

		@Override
		public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
			String body = event.getHttpMethod() + " " + event.getPath() + " " + event.getResource() + " stage="
					+ event.getRequestContext().getStage() + " ip=" + event.getRequestContext().getIdentity().getSourceIp()
					+ " q=" + event.getQueryStringParameters() + " id=" + event.getRequestContext().getRequestId();
			return new APIGatewayProxyResponseEvent().withStatusCode(201)
				.withHeaders(Map.of("Content-Type", "text/plain", "X-Pojo", "yes"))
				.withBody(body);
		}

	}

	/** Not a bean: created from its class name, as Lambda creates handlers. */
	public static final class PlainClassHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

		@Override
		public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
			return Map.of("statusCode", 200, "body", "plain class " + context.getFunctionName());
		}

	}

}
