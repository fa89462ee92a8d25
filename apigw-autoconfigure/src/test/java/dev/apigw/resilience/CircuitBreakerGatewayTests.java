package dev.apigw.resilience;

import dev.apigw.test.GatewayTestApplication;
import dev.apigw.test.TestBackend;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A circuit breaker per integration: a backend answering 500 opens its method's breaker,
 * after which the gateway answers a 503 gateway response without calling it; other
 * methods are not affected.
 */
@SpringBootTest(classes = GatewayTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@ActiveProfiles("breaker")
class CircuitBreakerGatewayTests {

	private static final TestBackend backend = TestBackend.start();

	@Autowired
	private WebTestClient client;

	@DynamicPropertySource
	static void backend(DynamicPropertyRegistry registry) {
		registry.add("apigw.apis.fragile.stages.live.variables.backend", backend::address);
	}

	@AfterAll
	static void stop() {
		backend.close();
	}

	@Test
	void failingIntegrationOpensItsBreakerAndGetsAGatewayResponse() {
		for (int i = 0; i < 4; i++) {
			this.client.get().uri("/fragile/live/failing").exchange().expectStatus().isEqualTo(500)
				.expectHeader().valueEquals("X-Backend", "echo");
		}
		this.client.get()
			.uri("/fragile/live/failing")
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.valueEquals("x-amzn-ErrorType", "InternalServerErrorException")
			.expectHeader()
			.doesNotExist("X-Backend")
			.expectBody(String.class)
			.isEqualTo("{\"message\": \"Internal server error\"}");
		this.client.get().uri("/fragile/live/healthy").exchange().expectStatus().isOk();
	}

}
