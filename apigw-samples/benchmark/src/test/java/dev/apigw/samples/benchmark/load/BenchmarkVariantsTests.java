package dev.apigw.samples.benchmark.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import reactor.netty.DisposableServer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * Every load benchmark variant starts and answers what bench.sh measures. This module has
 * no Micrometer, actuator or Lambda libraries on its class path, so it is also the proof
 * that the starter runs in the smallest reactive application.
 */
class BenchmarkVariantsTests {

	private static final String PET = new String(BenchmarkBackend.BODY, StandardCharsets.UTF_8);

	private static DisposableServer backend;

	private final HttpClient client = HttpClient.newHttpClient();

	@BeforeAll
	static void startBackend() {
		backend = BenchmarkBackend.start(0);
	}

	@AfterAll
	static void stopBackend() {
		backend.disposeNow();
	}

	@Test
	void micrometerIsNotOnTheClassPath() {
		assertThatCode(() -> Class.forName("io.micrometer.core.instrument.MeterRegistry"))
			.isInstanceOf(ClassNotFoundException.class);
	}

	@ParameterizedTest
	@CsvSource({ "scg, /pets", "apigw-proxy, /live/pets", "apigw-cache, /live/pets", "apigw-mock, /live/mock",
			"scg-3000, /r2999/pets", "apigw-3000, /live/r2999/pets" })
	void variantAnswersThePet(String profile, String path) throws Exception {
		try (ConfigurableApplicationContext gateway = start(profile)) {
			for (int i = 0; i < 2; i++) {
				HttpResponse<String> response = get(gateway, path, null);
				assertThat(response.statusCode()).isEqualTo(200);
				assertThat(response.body()).isEqualTo(PET);
			}
		}
	}

	@Test
	void fullPipelineNeedsTheKeyAndRendersBothTemplates() throws Exception {
		try (ConfigurableApplicationContext gateway = start("apigw-full")) {
			HttpResponse<String> denied = get(gateway, "/live/full/42", null);
			assertThat(denied.statusCode()).isEqualTo(403);
			assertThat(denied.body()).isEqualTo("{\"message\":\"Forbidden\"}");
			HttpResponse<String> response = get(gateway, "/live/full/42", "bench-key-0123456789abcdef");
			assertThat(response.statusCode()).isEqualTo(200);
			String requestId = response.headers().firstValue("x-amzn-RequestId").orElseThrow();
			assertThat(response.body())
				.isEqualTo("{\"pet\": " + PET + ", \"name\": \"Rex\", \"requestId\": \"" + requestId + "\"}");
		}
	}

	private static ConfigurableApplicationContext start(String profile) {
		return new SpringApplication(BenchmarkGatewayApplication.class).run("--spring.profiles.active=" + profile,
				"--server.port=0", "--bench.backend=127.0.0.1:" + backend.port());
	}

	private HttpResponse<String> get(ConfigurableApplicationContext gateway, String path, String apiKey)
			throws Exception {
		int port = ((WebServerApplicationContext) gateway).getWebServer().getPort();
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
		if (apiKey != null) {
			request.header("x-api-key", apiKey);
		}
		return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
