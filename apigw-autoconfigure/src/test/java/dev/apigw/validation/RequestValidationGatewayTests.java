package dev.apigw.validation;

import java.util.Map;

import dev.apigw.test.GatewayTestApplication;
import dev.apigw.test.RawHttp;
import dev.apigw.test.TestBackend;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Request validation end to end, one test per row of the facts' sections 12 and 13: what a
 * client sees (status, headers, exact body bytes) and what reaches the backend.
 */
@SpringBootTest(classes = GatewayTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@ActiveProfiles("validation")
class RequestValidationGatewayTests {

	private static final TestBackend backend = TestBackend.start();

	private static final String INVALID_BODY = "{\"message\": \"Invalid request body\"}";

	private static final String VALID_PET = "{\"name\": \"Rex\", \"type\": \"dog\", \"price\": 30}";

	@Autowired
	private WebTestClient client;

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void backend(DynamicPropertyRegistry registry) {
		registry.add("apigw.apis.shop.stages.test.variables.backend", backend::address);
	}

	@AfterAll
	static void stopBackend() {
		backend.close();
	}

	@Test
	void missingParametersAreListedInTheOrderOfTheirSortedKeysWithAwsBodyAndHeaders() {
		RawHttp.Response response = raw("POST /shop/test/anything HTTP/1.1\r\nContent-Type: application/json\r\n"
				+ "Content-Length: 2\r\n\r\n{}");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.body())
			.isEqualTo("{\"message\": \"Missing required request parameters: [x-header-param, issuer, qs1]\"}");
		assertThat(response.headers()).containsEntry("x-amzn-errortype", "BadRequestException")
			.containsEntry("content-type", "application/json")
			.containsEntry("content-length", String.valueOf(response.body().length()))
			.containsKey("x-amzn-requestid");
	}

	@Test
	void requiredPathParameterThatIsNotAVariableOfTheResourceIsAlwaysMissing() {
		this.client.post()
			.uri("/shop/test/anything?qs1=a")
			.header("x-header-param", "h")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(VALID_PET)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody(String.class)
			.isEqualTo("{\"message\": \"Missing required request parameters: [issuer]\"}");
	}

	@Test
	void blankParametersCountAsMissing() {
		this.client.get()
			.uri("/shop/test/pets/7?fields=&tag=a")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody(String.class)
			.isEqualTo("{\"message\": \"Missing required request parameters: [fields]\"}");
		RawHttp.Response response = raw("POST /shop/test/pets HTTP/1.1\r\nx-tenant:  \r\n"
				+ "Content-Type: application/json\r\nContent-Length: " + VALID_PET.length() + "\r\n\r\n" + VALID_PET);
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.body()).isEqualTo("{\"message\": \"Missing required request parameters: [x-tenant]\"}");
	}

	@Test
	void parametersAreCheckedBeforeTheBody() {
		this.client.post()
			.uri("/shop/test/pets")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("not json at all")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody(String.class)
			.isEqualTo("{\"message\": \"Missing required request parameters: [x-tenant]\"}");
	}

	@Test
	void invalidBodyIsRejectedWithAwsBodyAndNeverReachesTheBackend() {
		for (String body : new String[] { "{\"name\": \"Rex\", \"type\": \"dog\"}", "{\"name\": \"Rex\", \"type\": \"dog\", \"price\": 1}",
				"{\"name\": \"Rex\", \"type\": \"cow\", \"price\": 30}", "[1, 2]", "{\"name\":", "{} {}" }) {
			RawHttp.Response response = raw("POST /shop/test/pets HTTP/1.1\r\nx-tenant: t1\r\n"
					+ "Content-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n" + body);
			assertThat(response.status()).as(body).isEqualTo(400);
			assertThat(response.body()).as(body).isEqualTo(INVALID_BODY);
			assertThat(response.headers()).containsEntry("x-amzn-errortype", "BadRequestException")
				.containsEntry("content-length", "35");
		}
	}

	@Test
	void validBodyReachesTheBackendByteForByte() {
		String body = "{\"name\": \"Rex\",\n \"type\": \"dog\", \"price\": 30.50, \"extra\": [1, {}]}";
		Map<String, Object> echo = TestBackend.echo(this.client.post()
			.uri("/shop/test/pets")
			.header("x-tenant", "t1")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody());
		assertThat(echo).containsEntry("method", "POST").containsEntry("body", body);
	}

	@Test
	void modelsReferToOtherModelsByTheirAwsUrl() {
		// PetType is a model of its own, referenced from Pet
		postPet("{\"name\": \"Rex\", \"type\": \"fish\", \"price\": 25}").expectStatus().isOk();
		postPet("{\"name\": \"Rex\", \"type\": \"bird\", \"price\": 25}").expectStatus().isBadRequest();
	}

	@Test
	void oneOfAcceptsExactlyOneAlternative() {
		post("/shop/test/payments", MediaType.APPLICATION_JSON, "{\"card\": \"1234567812345678\"}").expectStatus()
			.isOk();
		post("/shop/test/payments", MediaType.APPLICATION_JSON, "{\"iban\": \"DE00\"}").expectStatus().isOk();
		post("/shop/test/payments", MediaType.APPLICATION_JSON, "{\"card\": \"12\"}").expectStatus().isBadRequest();
		post("/shop/test/payments", MediaType.APPLICATION_JSON, "{\"card\": \"1234567812345678\", \"iban\": \"DE00\"}")
			.expectStatus()
			.isBadRequest();
	}

	@Test
	void theModelIsChosenByContentTypeWithDefaultFallback() {
		// text/plain has its own model: a JSON string of at most 5 characters
		post("/shop/test/payments", MediaType.TEXT_PLAIN, "\"abc\"").expectStatus().isOk();
		post("/shop/test/payments", MediaType.TEXT_PLAIN, "\"abcdef\"").expectStatus().isBadRequest();
		// application/xml has none: $default, here AWS's default Error model
		post("/shop/test/payments", MediaType.APPLICATION_XML, "{\"message\": \"x\"}").expectStatus().isOk();
		post("/shop/test/payments", MediaType.APPLICATION_XML, "{\"message\": 5}").expectStatus().isBadRequest();
		// media type parameters and case do not matter
		post("/shop/test/payments", MediaType.parseMediaType("Application/JSON; charset=UTF-8"), "{\"iban\": \"x\"}")
			.expectStatus()
			.isOk();
	}

	@Test
	void aRequestWithoutContentTypeIsValidatedAgainstTheApplicationJsonModel() {
		RawHttp.Response valid = raw(withBody("POST /shop/test/payments HTTP/1.1", "{\"iban\": \"x\"}"));
		assertThat(valid.status()).isEqualTo(200);
		RawHttp.Response invalid = raw(withBody("POST /shop/test/payments HTTP/1.1", "{\"message\": \"x\"}"));
		assertThat(invalid.status()).isEqualTo(400);
		assertThat(invalid.body()).isEqualTo(INVALID_BODY);
	}

	@Test
	void getWithoutBodyIsValidatedAsAnEmptyObjectAgainstTheApplicationJsonModel() {
		RawHttp.Response response = raw("GET /shop/test/pets HTTP/1.1");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.body()).isEqualTo(INVALID_BODY);
		this.client.get().uri("/shop/test/pets").exchange().expectStatus().isBadRequest();
	}

	@Test
	void withoutAModelTheBodyMustMatchTheEmptyModel() {
		put("/shop/test/notes", "{\"any\": [\"thing\"]}").expectStatus().isOk();
		RawHttp.Response empty = raw("PUT /shop/test/notes HTTP/1.1\r\nContent-Length: 0\r\n\r\n");
		assertThat(empty.status()).isEqualTo(200);
		put("/shop/test/notes", "[1]").expectStatus().isBadRequest();
		put("/shop/test/notes", "42").expectStatus().isBadRequest();
		put("/shop/test/notes", "<xml/>").expectStatus().isBadRequest();
	}

	@Test
	void aParametersOnlyValidatorLeavesTheBodyAloneAndABodyOnlyValidatorTheParameters() {
		this.client.get()
			.uri("/shop/test/pets/7?fields=name&tag=a")
			.header("Content-Type", "application/json")
			.exchange()
			.expectStatus()
			.isOk();
		// body-only: no required parameter is checked, the declared payment model is
		post("/shop/test/payments", MediaType.APPLICATION_JSON, "{\"iban\": \"x\"}").expectStatus().isOk();
	}

	@Test
	void multiValueQueryParametersAreChecked() {
		this.client.get()
			.uri("/shop/test/pets/7?fields=a")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody(String.class)
			.isEqualTo("{\"message\": \"Missing required request parameters: [tag]\"}");
	}

	@Test
	void customisedBadRequestBodySeesTheValidationErrorString() {
		this.client.post()
			.uri("/custom/v1/items")
			.header("x-id", "1")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"message\": 5}")
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectHeader()
			.exists("x-request-id")
			.expectHeader()
			.valueEquals("x-amzn-ErrorType", "BadRequestException")
			.expectBody(String.class)
			.isEqualTo("{\"error\": \"Invalid request body\", \"details\": \"[/message: integer found, string expected]\", "
					+ "\"type\": \"BAD_REQUEST_BODY\"}");
	}

	@Test
	void customisedBadRequestParametersKeepsTheMessage() {
		this.client.post()
			.uri("/custom/v1/items")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody(String.class)
			.isEqualTo("{\"error\": \"Missing required request parameters: [x-id]\"}");
	}

	private WebTestClient.ResponseSpec post(String uri, MediaType type, String body) {
		return this.client.post().uri(uri).contentType(type).bodyValue(body).exchange();
	}

	private WebTestClient.ResponseSpec postPet(String body) {
		return this.client.post()
			.uri("/shop/test/pets")
			.header("x-tenant", "t1")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange();
	}

	private static String withBody(String head, String body) {
		return head + "\r\nContent-Length: " + body.length() + "\r\n\r\n" + body;
	}

	private WebTestClient.ResponseSpec put(String uri, String body) {
		return this.client.put().uri(uri).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
	}

	private RawHttp.Response raw(String head) {
		try {
			String request = head.contains("\r\n\r\n") ? head.replaceFirst("\r\n", "\r\nHost: localhost\r\nConnection: close\r\n")
					: head + "\r\nHost: localhost\r\nConnection: close\r\n\r\n";
			return RawHttp.send(this.port, request);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
