package dev.apigw.samples.lambda;

import java.util.Map;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;

/**
 * A LAMBDA_PROXY handler written only against AWS's Lambda libraries: the same class
 * deploys to AWS Lambda unchanged.
 */
public class GreetingHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

	@Override
	public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
		Map<String, String> path = event.getPathParameters();
		Map<String, String> query = event.getQueryStringParameters();
		String name = (path != null && path.get("name") != null) ? path.get("name")
				: (query != null && query.get("name") != null) ? query.get("name") : "world";
		String greeting = (event.getStageVariables() != null && event.getStageVariables().get("greeting") != null)
				? event.getStageVariables().get("greeting") : "Hello";
		context.getLogger().log("greeting " + name + " in stage " + event.getRequestContext().getStage());
		String body = "{\"message\": \"" + greeting + ", " + name + "!\", \"stage\": \""
				+ event.getRequestContext().getStage() + "\", \"requestId\": \"" + context.getAwsRequestId() + "\"}";
		return new APIGatewayProxyResponseEvent().withStatusCode(200)
			.withHeaders(Map.of("Content-Type", "application/json"))
			.withBody(body);
	}

}
