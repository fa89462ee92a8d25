package dev.apigw.documentation;

import java.nio.charset.StandardCharsets;

import dev.apigw.test.GatewayTestApplication;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Swagger UI pages ({@code apigw.swagger-ui.enabled}): an index of the deployed stages, a
 * page per stage, its document (the export without extensions, served from the stage's mount)
 * and Swagger UI's files.
 */
@SpringBootTest(classes = GatewayTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "apigw.swagger-ui.path=/docs/")
@AutoConfigureWebTestClient
@ActiveProfiles("openapi")
class SwaggerUiGatewayTests {

	@Autowired
	private WebTestClient client;

	@Test
	void indexListsEveryStage() {
		this.client.get()
			.uri("/docs")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith("text/html")
			.expectBody(String.class)
			.value((html) -> assertThat(html).contains("<a href=\"/docs/shop/prod\">shop / prod: Shop</a>")
				.contains("<a href=\"/docs/petstore/test\">petstore / test: PetStore</a>")
				.contains("<a href=\"/docs/mockcors/dev\">"));
	}

	@Test
	void pageLoadsSwaggerUiWithTheStageDocument() {
		this.client.get()
			.uri("/docs/shop/prod")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((html) -> assertThat(html).contains("<title>Shop (prod)</title>")
				.contains("<script src=\"/docs/assets/swagger-ui-bundle.js\"")
				.contains("url: \"/docs/shop/prod/openapi.json\""));
		this.client.get().uri("/docs/shop/nostage").exchange().expectStatus().isNotFound();
	}

	@Test
	void documentIsTheExportWithoutExtensionsServedFromTheMount() {
		this.client.get()
			.uri("/docs/shop/prod/openapi.json")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.openapi")
			.isEqualTo("3.0.1")
			.jsonPath("$.servers.length()")
			.isEqualTo(1)
			.jsonPath("$.servers[0].url")
			.isEqualTo("/shop/prod")
			.jsonPath("$.paths['/orders'].post.operationId")
			.isEqualTo("CreateOrder")
			.jsonPath("$.paths['/orders'].post.x-amazon-apigateway-integration")
			.doesNotExist();
	}

	@Test
	void swaggerUiFilesComeFromTheWebjarAndNothingElse() {
		Flux<DataBuffer> bundle = this.client.get()
			.uri("/docs/assets/swagger-ui-bundle.js")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith("text/javascript")
			.returnResult(DataBuffer.class)
			.getResponseBody();
		String text = bundle.map((buffer) -> {
			String chunk = buffer.toString(StandardCharsets.UTF_8);
			DataBufferUtils.release(buffer);
			return chunk;
		}).reduce(new StringBuilder(), StringBuilder::append).map(StringBuilder::toString).block();
		assertThat(text).hasSizeGreaterThan(1_000_000).contains("SwaggerUIBundle");
		this.client.get().uri("/docs/assets/pom.properties").exchange().expectStatus().isNotFound();
		this.client.get().uri("/docs/assets/..%2F..%2Fpom.properties").exchange().expectStatus().isNotFound();
	}

}
