package dev.apigw.samples.petstore.client;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.apigw.samples.petstore.PetstoreApplication;
import dev.apigw.samples.petstore.client.api.DefaultApi;
import dev.apigw.samples.petstore.client.model.NewPet;
import dev.apigw.samples.petstore.client.model.Pet;
import dev.apigw.samples.petstore.client.model.PetType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The Java SDK generated at build time from the petstore sample's export calls the running
 * sample: typed requests and responses through the gateway, and the gateway's own answers
 * (request validation) as the SDK's exceptions.
 */
@SpringBootTest(classes = PetstoreApplication.class, webEnvironment = WebEnvironment.DEFINED_PORT)
class PetstoreClientTests {

	private static final int PORT = freePort();

	private DefaultApi pets;

	@DynamicPropertySource
	static void port(DynamicPropertyRegistry registry) {
		registry.add("server.port", () -> PORT);
		registry.add("apigw.apis.petstore.stages.dev.variables.backend", () -> "localhost:" + PORT);
		registry.add("apigw.apis.petstore.stages.prod.variables.backend", () -> "localhost:" + PORT);
	}

	@BeforeEach
	void client(@Autowired SslBundles bundles) {
		ApiClient client = new ApiClient();
		// the sample serves HTTPS with its sample-only certificate: trust it
		client.setHttpClientBuilder(
				HttpClient.newBuilder().sslContext(bundles.getBundle("petstore").createSslContext()));
		// the export's server is AWS's /{stage}; apigw serves the stage at /{api}/{stage}
		client.updateBaseUri("https://localhost:" + PORT + "/petstore/prod");
		this.pets = new DefaultApi(client);
	}

	@Test
	void generatedJavaClientCallsTheSample() throws ApiException {
		assertThat(this.pets.welcome().getMessage()).isEqualTo("Welcome to the PetStore API");
		List<Pet> listed = this.pets.listPets();
		assertThat(listed).extracting(Pet::getType).contains("dog", "cat", "fish");
		Pet created = this.pets.createPet(new NewPet().type(PetType.PARROT).price(new BigDecimal("42.5")));
		assertThat(created.getType()).isEqualTo("parrot");
		assertThat(created.getPrice()).isEqualByComparingTo("42.5");
		Pet found = this.pets.getPet(String.valueOf(created.getId()));
		assertThat(found.getType()).isEqualTo("parrot");
	}

	@Test
	void gatewayValidationReachesTheClientAsAnApiException() {
		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> this.pets.createPet(new NewPet().type(PetType.DOG).price(new BigDecimal("-1"))))
			.satisfies((ex) -> {
				assertThat(ex.getCode()).isEqualTo(400);
				assertThat(ex.getResponseBody()).isEqualTo("{\"message\": \"Invalid request body\"}");
				assertThat(ex.getResponseHeaders().firstValue("x-amzn-ErrorType")).hasValue("BadRequestException");
			});
	}

	@Test
	void typeScriptClientIsGeneratedByTheSameBuild() throws IOException {
		Path api = Path.of("target/generated-sources/openapi-typescript/src/apis/DefaultApi.ts");
		assertThat(Files.readString(api, StandardCharsets.UTF_8)).contains("async listPets(")
			.contains("async createPet(")
			.contains("async getPet(");
		assertThat(Path.of("target/generated-sources/openapi-typescript/src/models/NewPet.ts")).exists();
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
