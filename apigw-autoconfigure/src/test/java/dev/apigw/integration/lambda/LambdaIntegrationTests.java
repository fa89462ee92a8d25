package dev.apigw.integration.lambda;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.apigw.test.GatewayTestApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * LAMBDA (non-proxy) integrations through integration responses, and handler isolation:
 * a function stuck past its timeout answers 504 while other methods keep answering.
 */
@SpringBootTest(classes = { GatewayTestApplication.class, LambdaTestHandlers.class },
		webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@ActiveProfiles("lambda")
class LambdaIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	private WebTestClient client;

	@LocalServerPort
	private int port;

	@AfterEach
	void releaseBlockedHandlers() {
		LambdaTestHandlers.release.countDown();
	}

	@Test
	void successGoesToTheDefaultResponseEvenWhenAPatternWouldMatch200() {
		String body = post("application/json", "{\"item\": \"book\"}").expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("Content-Type", "application/json")
			.expectHeader()
			.exists("X-Amzn-Trace-Id")
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(body).isEqualTo("{\"received\":{\"item\":\"book\"},"
				+ "\"function\":\"arn:aws:lambda:us-east-1:123456789012:function:orders:live\"}");
	}

	@Test
	void withoutADefaultResponseAPatternMatchingEverythingTakesSuccesses() {
		this.client.post()
			.uri("/orders/v1/any")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"item\": \"pen\"}")
			.exchange()
			.expectStatus()
			.isCreated();
	}

	@Test
	void requestTemplateRendersThePayload() {
		post("text/plain", "pencil").expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((body) -> assertThat(body).startsWith("{\"received\":{\"item\":\"pencil\",\"stage\":\"v1\"}"));
	}

	@Test
	void errorMessageSelectsTheResponseAndItsTemplateAndHeaderMapping() {
		post("application/json", "{\"fail\": \"four hundred: no such size\"}").expectStatus()
			.isBadRequest()
			.expectHeader()
			.valueEquals("X-Error-Type", "java.lang.IllegalArgumentException")
			.expectBody(String.class)
			.isEqualTo("{\"error\": \"four hundred: no such size\", \"type\": \"java.lang.IllegalArgumentException\"}");
	}

	@Test
	void errorWithoutTemplatePassesLambdasErrorDocumentThrough() {
		String body = post("application/json", "{\"fail\": \"Not found: order 7\"}").expectStatus()
			.isNotFound()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		@SuppressWarnings("unchecked")
		Map<String, Object> error = JSON.readValue(body, Map.class);
		assertThat(error.keySet()).containsExactly("errorMessage", "errorType", "stackTrace");
		assertThat(error.get("errorMessage")).isEqualTo("Not found: order 7");
		assertThat(error.get("errorType")).isEqualTo("java.lang.IllegalArgumentException");
		assertThat((List<?>) error.get("stackTrace")).first()
			.asString()
			.startsWith("dev.apigw.integration.lambda.LambdaTestHandlers.lambda$ordersHandler$");
	}

	@Test
	void errorMatchingNoPatternGetsTheDefaultResponse() {
		String body = post("application/json", "{\"fail\": \"something else\"}").expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(JSON.readValue(body, Map.class)).containsEntry("errorMessage", "something else");
	}

	@Test
	void exceptionWithoutMessageUsesItsClassName() {
		String body = post("application/json", "{\"nullMessage\": true}").expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(JSON.readValue(body, Map.class)).containsEntry("errorMessage",
				"java.lang.UnsupportedOperationException");
	}

	@Test
	void payloadThatIsNotJsonIsALambdaError() {
		post("text/csv", "a,b,c").expectStatus()
			.isEqualTo(415)
			.expectBody(String.class)
			.value((body) -> assertThat(JSON.readValue(body, Map.class).get("errorMessage").toString())
				.startsWith("Could not parse request body into json: "));
	}

	@Test
	void handlerStuckPastTheTimeoutIs504WhileOtherMethodsKeepAnswering() throws Exception {
		LambdaTestHandlers.entered = new CountDownLatch(1);
		LambdaTestHandlers.release = new CountDownLatch(1);
		WebClient web = WebClient.create("http://127.0.0.1:" + this.port);
		CompletableFuture<ResponseEntity<String>> slow = web.get()
			.uri("/lambda/dev/slow")
			.retrieve()
			.toEntity(String.class)
			.onErrorResume(org.springframework.web.reactive.function.client.WebClientResponseException.class,
					(ex) -> Mono.just(ResponseEntity.status(ex.getStatusCode()).body(ex.getResponseBodyAsString())))
			.toFuture();
		assertThat(LambdaTestHandlers.entered.await(10, TimeUnit.SECONDS)).as("the slow handler started").isTrue();
		long start = System.nanoTime();
		List<ResponseEntity<String>> fast = Flux.range(0, 20)
			.flatMap((i) -> web.get().uri("/lambda/dev/fast").retrieve().toEntity(String.class))
			.collectList()
			.block(Duration.ofSeconds(10));
		long fastMillis = (System.nanoTime() - start) / 1_000_000;
		assertThat(fast).hasSize(20).allSatisfy((response) -> {
			assertThat(response.getStatusCode().value()).isEqualTo(200);
			assertThat(response.getBody()).isEqualTo("fast");
		});
		// the 20 requests completed while the stuck handler still held its thread and its
		// request had not timed out (3 s): they did not wait for it
		assertThat(slow).isNotDone();
		assertThat(fastMillis).isLessThan(3000);
		ResponseEntity<String> timedOut = slow.get(10, TimeUnit.SECONDS);
		assertThat(timedOut.getStatusCode().value()).isEqualTo(504);
		assertThat(timedOut.getBody()).isEqualTo("{\"message\": \"Endpoint request timed out\"}");
	}

	private WebTestClient.ResponseSpec post(String contentType, String body) {
		return this.client.post()
			.uri("/orders/v1/orders")
			.contentType(MediaType.parseMediaType(contentType))
			.accept(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange();
	}

}
