package dev.apigw.samples.petstore;

import java.io.IOException;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;
import reactor.netty.http.Http11SslContextSpec;
import reactor.netty.http.client.HttpClient;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample as a user runs it, over HTTPS with its sample-only certificate: the API calls
 * back into the same application, so the stage variables point at the port the test starts
 * it on.
 */
@SpringBootTest(webEnvironment = WebEnvironment.DEFINED_PORT)
class PetstoreApplicationTests {

	private static final int PORT = freePort();

	private WebTestClient client;

	@Autowired
	void client(SslBundles bundles) throws Exception {
		SslBundle bundle = bundles.getBundle("petstore");
		Http11SslContextSpec spec = Http11SslContextSpec.forClient()
			.configure((builder) -> builder.trustManager(bundle.getManagers().getTrustManagerFactory()));
		HttpClient https = HttpClient.create().secure((ssl) -> ssl.sslContext(spec));
		this.client = WebTestClient.bindToServer(new ReactorClientHttpConnector(https))
			.baseUrl("https://localhost:" + PORT)
			.build();
	}

	@Test
	void servesHttpsOnly() {
		assertThatThrownBy(() -> WebTestClient.bindToServer()
			.baseUrl("https://localhost:" + PORT)
			.build()
			.get()
			.uri("/petstore/dev")
			.exchange()).hasStackTraceContaining("PKIX");
	}

	@DynamicPropertySource
	static void port(DynamicPropertyRegistry registry) {
		registry.add("server.port", () -> PORT);
		registry.add("apigw.apis.petstore.stages.dev.variables.backend", () -> "localhost:" + PORT);
		registry.add("apigw.apis.petstore.stages.prod.variables.backend", () -> "localhost:" + PORT);
	}

	@Test
	void mockRootAnswersWithoutBackend() {
		this.client.get()
			.uri("/petstore/dev")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.exists("x-amzn-RequestId")
			.expectBody(String.class)
			.isEqualTo("{\"message\": \"Welcome to the PetStore API\"}");
	}

	@Test
	void stagesReachTheirOwnEnvironment() {
		this.client.post()
			.uri("/petstore/dev/pets")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"type\": \"hamster\", \"price\": 9.5}")
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("hamster");
		this.client.get().uri("/petstore/dev/pets").exchange().expectBody().jsonPath("$.length()").isEqualTo(4);
		this.client.get().uri("/petstore/prod/pets").exchange().expectBody().jsonPath("$.length()").isEqualTo(3);
		this.client.get().uri("/petstore/prod/pets/2").exchange().expectBody().jsonPath("$.type").isEqualTo("cat");
	}

	@Test
	void bodiesAreValidatedAgainstTheModel() {
		this.client.post()
			.uri("/petstore/dev/pets")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"type\": \"dragon\", \"price\": 9.5}")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody(String.class)
			.isEqualTo("{\"message\": \"Invalid request body\"}");
	}

	@Test
	void swaggerUiShowsEachStage() {
		this.client.get()
			.uri("/apigw/swagger-ui/petstore/prod")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((html) -> assertThat(html).contains("<title>PetStore (prod)</title>"));
		this.client.get()
			.uri("/apigw/swagger-ui/petstore/prod/openapi.json")
			.exchange()
			.expectBody()
			.jsonPath("$.servers[0].url")
			.isEqualTo("/petstore/prod");
	}

	@Test
	void unknownResourceIsAnAwsStyle403() {
		this.client.get()
			.uri("/petstore/dev/owners")
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectBody(String.class)
			.isEqualTo("{\"message\":\"Missing Authentication Token\"}");
	}

	@Test
	void applicationEndpointsStayUntouched() {
		this.client.get().uri("/backend/dev/pets/1").exchange().expectStatus().isOk().expectHeader()
			.doesNotExist("x-amzn-RequestId");
		this.client.get().uri("/actuator/health").exchange().expectStatus().isOk();
		this.client.get().uri("/actuator/apigw").exchange().expectStatus().isNotFound();
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void cloudWatchMetricsAreDerivableFromPrometheus() {
		this.client.get().uri("/petstore/prod/pets/3").exchange().expectStatus().isOk();
		this.client.get().uri("/petstore/prod/pets/3").exchange().expectStatus().isOk();
		this.client.get().uri("/petstore/prod/owners").exchange().expectStatus().isForbidden();
		String metrics = this.client.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		// Count, 4XXError, 5XXError and Latency from apigw.requests; IntegrationLatency; CacheHit/MissCount
		org.assertj.core.api.Assertions.assertThat(metrics)
			.containsPattern("apigw_requests_seconds_count\\{api=\"petstore\",deployment=\"[a-z0-9]+\",method=\"GET\","
					+ "resource=\"/pets/\\{petId}\",stage=\"prod\",status=\"200\"} [1-9]")
			.containsPattern("apigw_requests_seconds_count\\{.*resource=\"NONE\",stage=\"prod\",status=\"403\"} [1-9]")
			.containsPattern("apigw_integration_latency_seconds_count\\{api=\"petstore\",.*stage=\"prod\"} [1-9]")
			.containsPattern("apigw_cache_requests_total\\{.*result=\"hit\",stage=\"prod\"} [1-9]")
			.containsPattern("apigw_cache_requests_total\\{.*result=\"miss\",stage=\"prod\"} [1-9]");
	}

}
