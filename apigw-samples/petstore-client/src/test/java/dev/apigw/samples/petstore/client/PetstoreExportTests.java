package dev.apigw.samples.petstore.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.apigw.samples.petstore.PetstoreApplication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.netty.http.Http11SslContextSpec;
import reactor.netty.http.client.HttpClient;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SDKs are generated from {@code src/main/openapi/petstore.json}, the petstore sample's
 * export as its actuator endpoint gives it; this test keeps that file equal to the running
 * sample's export. After changing the sample's API, refresh it with
 * {@code mvn test -pl apigw-samples/petstore-client -Dpetstore.export.update=true}.
 */
@SpringBootTest(classes = PetstoreApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "management.endpoints.web.exposure.include=apigw")
class PetstoreExportTests {

	static final Path SPEC = Path.of("src/main/openapi/petstore.json");

	@LocalServerPort
	private int port;

	private WebTestClient client;

	@BeforeEach
	void client(@Autowired SslBundles bundles) {
		// the sample serves HTTPS with its sample-only certificate: trust it
		Http11SslContextSpec spec = Http11SslContextSpec.forClient()
			.configure((builder) -> builder
				.trustManager(bundles.getBundle("petstore").getManagers().getTrustManagerFactory()));
		HttpClient https = HttpClient.create().secure((ssl) -> ssl.sslContext(spec));
		this.client = WebTestClient.bindToServer(new ReactorClientHttpConnector(https))
			.baseUrl("https://localhost:" + this.port)
			.build();
	}

	@Test
	void committedSpecIsTheSamplesExport() throws IOException {
		String export = this.client.get()
			.uri("/actuator/apigw/export/petstore/prod?format=oas30&extensions=false")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody() + "\n";
		if (Boolean.getBoolean("petstore.export.update")) {
			Files.writeString(SPEC, export, StandardCharsets.UTF_8);
		}
		assertThat(Files.readString(SPEC, StandardCharsets.UTF_8))
			.as("%s is not the sample's export; refresh it with -Dpetstore.export.update=true", SPEC)
			.isEqualTo(export);
	}

}
