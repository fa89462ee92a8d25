package dev.apigw.annotation;

import java.util.Map;

import dev.apigw.test.GatewayTestApplication;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An API defined partly in application properties and partly by an annotated controller,
 * served end to end.
 */
@SpringBootTest(classes = { GatewayTestApplication.class, OrderController.class },
		webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@ActiveProfiles("annotations")
class AnnotationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	private WebTestClient client;

	@Test
	void controllerMethodIsReachedInProcessOnTheEventLoop() {
		String body = this.client.get()
			.uri("/shop/dev/orders/42?verbose=yes")
			.header("X-Apigw", "passed")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.exists("x-amzn-RequestId")
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(JSON.readValue(body, Map.class)).containsEntry("id", "42")
			.containsEntry("verbose", "yes")
			.containsEntry("header", "passed")
			.containsEntry("nonBlockingThread", true);
	}

	@Test
	void controllerMethodAsNonProxyHttpIntegrationGoesThroughIntegrationResponses() {
		this.client.get()
			.uri("/shop/dev/orders/42/status")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("X-Status", "shipped")
			.expectBody(String.class)
			.isEqualTo("{\"wrapped\": true}");
	}

	@Test
	void lambdaStyleMethodIsAProxyIntegration() {
		this.client.post()
			.uri("/shop/dev/orders")
			.contentType(MediaType.TEXT_PLAIN)
			.bodyValue("book")
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(String.class)
			.isEqualTo("created book by orderController.create for createOrder");
	}

	@Test
	void lambdaStyleMethodAsNonProxyIntegrationGoesThroughTemplatesAndResponses() {
		this.client.put()
			.uri("/shop/dev/orders/7")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.isEqualTo("{\"replaced\":true}");
		this.client.put()
			.uri("/shop/dev/orders/7")
			.contentType(MediaType.TEXT_PLAIN)
			.bodyValue("{\"replace\": false}")
			.exchange()
			.expectStatus()
			.isEqualTo(409);
	}

	@Test
	void methodsOfPropertiesAndAnnotationsAreOneApi() {
		this.client.get()
			.uri("/shop/dev/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.isEqualTo("{\"healthy\": true}");
		this.client.delete().uri("/shop/dev/orders/42").exchange().expectStatus().isForbidden();
	}

}
