package dev.apigw.integration.lambda;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.apigw.test.GatewayTestApplication;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every row of AWS's LAMBDA_PROXY response validation: the function's result document is
 * the request body (the {@code respond} handler returns it verbatim).
 */
@SpringBootTest(classes = { GatewayTestApplication.class, LambdaTestHandlers.class },
		webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@ActiveProfiles("lambda")
class LambdaProxyResponseTests {

	private static final String INTERNAL_SERVER_ERROR = "{\"message\": \"Internal server error\"}";

	@Autowired
	private WebTestClient client;

	@LocalServerPort
	private int port;

	@Test
	void statusCodeOnlyIs200WithEmptyBodyAndJsonContentType() {
		respond("{\"statusCode\": 200}").expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("Content-Type", "application/json")
			.expectHeader()
			.valueEquals("Content-Length", "0")
			.expectHeader()
			.exists("x-amzn-RequestId")
			.expectHeader()
			.exists("X-Amzn-Trace-Id")
			.expectBody()
			.isEmpty();
	}

	@Test
	void booleanHeaderValueIsSentAsText() {
		respond("{\"statusCode\": 200, \"headers\": {\"header-bool\": true, \"header-number\": 7}}").expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("header-bool", "true")
			.expectHeader()
			.valueEquals("header-number", "7");
	}

	@Test
	void nullHeadersAreFine() {
		respond("{\"statusCode\": 200, \"headers\": null, \"body\": \"ok\"}").expectStatus()
			.isOk()
			.expectBody(String.class)
			.isEqualTo("ok");
	}

	@Test
	void unknownTopLevelKeyIs502() {
		badGateway("{\"statusCode\": 200, \"wrongValue\": \"value\"}");
	}

	@Test
	void unhandledExceptionIs502() {
		this.client.get()
			.uri("/lambdatext/bare/boom")
			.exchange()
			.expectStatus()
			.isEqualTo(502)
			.expectHeader()
			.valueEquals("x-amzn-ErrorType", "InternalServerErrorException")
			.expectHeader()
			.valueEquals("Content-Length", "36")
			.expectBody(String.class)
			.isEqualTo(INTERNAL_SERVER_ERROR);
	}

	@Test
	void base64BodyWithoutBinaryMediaTypesIsReturnedStillEncoded() {
		respond("{\"statusCode\": 200, \"body\": \"dGVzdC1kYXRh\", \"isBase64Encoded\": true}").expectStatus()
			.isOk()
			.expectBody(String.class)
			.isEqualTo("dGVzdC1kYXRh");
	}

	@Test
	void base64BodyOfABinaryMediaTypeIsDecoded() {
		this.client.post()
			.uri("/lambda/dev/respond")
			.accept(MediaType.IMAGE_PNG)
			.bodyValue("{\"statusCode\": 200, \"headers\": {\"Content-Type\": \"image/png\"}, "
					+ "\"body\": \"dGVzdC1kYXRh\", \"isBase64Encoded\": true}")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("Content-Type", "image/png")
			.expectBody(String.class)
			.isEqualTo("test-data");
	}

	@Test
	void multiValueHeadersSendEveryValue() {
		respond("{\"statusCode\": 200, \"multiValueHeaders\": {\"test-multi\": [\"value1\", \"value2\"]}}").expectStatus()
			.isOk()
			.expectHeader()
			.valuesMatch("test-multi", "value1", "value2");
	}

	@Test
	void headersAndMultiValueHeadersMergeWithTheMultiValueCasing() throws IOException {
		String document = "{\"statusCode\": 200, \"multiValueHeaders\": {\"Test-Multi\": [\"value-multi\"]}, "
				+ "\"headers\": {\"test-multi\": \"value-solo\"}}";
		byte[] body = document.getBytes(StandardCharsets.UTF_8);
		String response = raw("POST /lambdatext/bare/respond HTTP/1.1\r\nHost: localhost\r\nContent-Type: "
				+ "application/json\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n" + document);
		assertThat(response).startsWith("HTTP/1.1 200 ");
		List<String> lines = List.of(response.substring(0, response.indexOf("\r\n\r\n")).split("\r\n"));
		assertThat(lines.stream().filter((line) -> line.toLowerCase().startsWith("test-multi:")))
			.containsExactly("Test-Multi: value-multi", "Test-Multi: value-solo");
	}

	@Test
	void multiValueHeaderThatIsNotAListIs502() {
		badGateway("{\"statusCode\": 200, \"multiValueHeaders\": {\"test-multi\": \"value1\"}}");
	}

	@Test
	void statusCodeThatIsNotANumberIs502() {
		badGateway("{\"statusCode\": \"test\"}");
	}

	@Test
	void statusCodeAsAStringOfDigitsIsAccepted() {
		respond("{\"statusCode\": \"201\", \"body\": \"created\"}").expectStatus()
			.isCreated()
			.expectBody(String.class)
			.isEqualTo("created");
	}

	@Test
	void plainJsonStringIs502() {
		badGateway("\"justAString\"");
	}

	@Test
	void headersWithoutStatusCodeAre200() {
		respond("{\"headers\": {\"X-Only\": \"headers\"}}").expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("X-Only", "headers");
	}

	@Test
	void resultThatIsNotJsonIs502() {
		badGateway("not json at all");
	}

	@Test
	void bodyThatIsNotAStringIs502() {
		badGateway("{\"statusCode\": 200, \"body\": {\"an\": \"object\"}}");
	}

	@Test
	void reservedResponseHeadersAreRemapped() {
		respond("{\"statusCode\": 200, \"headers\": {\"Server\": \"lambda\", \"Content-Length\": \"99\"}, \"body\": \"x\"}")
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("x-amzn-Remapped-Server", "lambda")
			.expectHeader()
			.valueEquals("x-amzn-Remapped-Content-Length", "99")
			.expectHeader()
			.valueEquals("Content-Length", "1");
	}

	private WebTestClient.ResponseSpec respond(String document) {
		return this.client.post()
			.uri("/lambdatext/bare/respond")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(document)
			.exchange();
	}

	private void badGateway(String document) {
		respond(document).expectStatus()
			.isEqualTo(502)
			.expectHeader()
			.valueEquals("Content-Type", "application/json")
			.expectHeader()
			.valueEquals("x-amzn-ErrorType", "InternalServerErrorException")
			.expectHeader()
			.exists("x-amzn-RequestId")
			.expectBody(String.class)
			.isEqualTo(INTERNAL_SERVER_ERROR);
	}

	private String raw(String request) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(20_000);
			socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream buffer = new ByteArrayOutputStream();
			in.transferTo(buffer);
			return buffer.toString(StandardCharsets.ISO_8859_1);
		}
	}

}
