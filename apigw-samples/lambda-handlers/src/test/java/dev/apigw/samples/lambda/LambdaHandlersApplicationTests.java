package dev.apigw.samples.lambda;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The sample as a user calls it (the README's curl lines).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class LambdaHandlersApplicationTests {

	@Autowired
	private WebTestClient client;

	@Test
	void proxyHandlerGreetsPerStage() {
		this.client.get()
			.uri("/hello/dev/greetings?name=Ada")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.exists("x-amzn-RequestId")
			.expectBody()
			.jsonPath("$.message")
			.isEqualTo("Hello, Ada!")
			.jsonPath("$.stage")
			.isEqualTo("dev");
		this.client.get()
			.uri("/hello/prod/greetings/Grace")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.message")
			.isEqualTo("Welcome, Grace!");
	}

	@Test
	void annotatedControllerIsAMethodOfTheSameApi() {
		this.client.get()
			.uri("/hello/prod/status")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.exists("x-amzn-RequestId")
			.expectBody(String.class)
			.isEqualTo("{\"status\":\"up\"}");
	}

	@Test
	void nonProxyHandlerResultAndErrorGoThroughIntegrationResponses() {
		this.client.post()
			.uri("/hello/dev/orders")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"item\": \"tea\", \"quantity\": 2}")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.isEqualTo("{\"item\":\"tea\",\"quantity\":2,\"status\":\"accepted\"}");
		this.client.post()
			.uri("/hello/dev/orders")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"item\": \"tea\", \"quantity\": 0}")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody(String.class)
			.isEqualTo("{\"message\": \"That order is not valid\"}");
	}

}
