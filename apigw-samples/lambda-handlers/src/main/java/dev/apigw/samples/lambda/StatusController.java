package dev.apigw.samples.lambda;

import java.util.Map;

import dev.apigw.annotation.ApiMethod;
import dev.apigw.annotation.ApiResource;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A WebFlux controller whose handler is also the method {@code GET /status} of the API
 * {@code hello} (defined in {@code application.yml}): the gateway forwards to it in-process.
 */
@RestController
@ApiResource(api = "hello", path = "/status")
class StatusController {

	@GetMapping("/internal/status")
	@ApiMethod
	Mono<Map<String, Object>> status() {
		return Mono.just(Map.of("status", "up"));
	}

}
