package dev.apigw.annotation;

import java.util.LinkedHashMap;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A controller whose methods are also methods of the "shop" API: one WebFlux handler, one
 * Lambda-style method, one non-proxy Lambda-style method.
 */
@RestController
@ApiResource(api = "shop", path = "/orders", stages = "dev")
class OrderController {

	@GetMapping("/internal/orders/{id:[0-9a-z]+}")
	@ApiMethod(path = "/{id}")
	Mono<Map<String, Object>> order(@PathVariable String id, @RequestParam(required = false) String verbose,
			@RequestHeader(name = "X-Apigw", required = false) String header) {
		Map<String, Object> order = new LinkedHashMap<>();
		order.put("id", id);
		order.put("verbose", verbose);
		order.put("header", header);
		order.put("nonBlockingThread", Schedulers.isInNonBlockingThread());
		return Mono.just(order);
	}

	@GetMapping("/internal/orders/{id}/status")
	@ApiMethod(path = "/{id}/status", integrationType = "HTTP", responses = @ApiMethod.Response(statusCode = "200",
			parameters = "method.response.header.X-Status=integration.response.body.status",
			templates = @ApiMethod.Template("{\"wrapped\": true}")))
	Mono<Map<String, Object>> status(@PathVariable String id) {
		return Mono.just(Map.of("id", id, "status", "shipped"));
	}

	@ApiMethod(method = "POST", operationName = "createOrder")
	APIGatewayProxyResponseEvent create(APIGatewayProxyRequestEvent event, Context context) {
		return new APIGatewayProxyResponseEvent().withStatusCode(201)
			.withHeaders(Map.of("Content-Type", "text/plain"))
			.withBody("created " + event.getBody() + " by " + context.getFunctionName() + " for "
					+ event.getRequestContext().getOperationName());
	}

	@ApiMethod(method = "PUT", path = "/{id}", integrationType = "AWS",
			requestTemplates = @ApiMethod.Template("{\"replace\": true}"),
			responses = { @ApiMethod.Response(selectionPattern = "Conflict.*", statusCode = "409"),
					@ApiMethod.Response(statusCode = "200") })
	Map<String, Object> replace(Map<String, Object> payload) {
		if (!Boolean.TRUE.equals(payload.get("replace"))) {
			throw new IllegalStateException("Conflict: not a replacement");
		}
		return Map.of("replaced", true);
	}

}
