package dev.apigw.integration;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.apigw.test.GatewayTestApplication;
import dev.apigw.test.RawBackend;
import dev.apigw.test.RawHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Values put into the path variables of integration URIs, end to end through real Netty:
 * the exact request target the backend reads. A value is one segment, so a mapped query
 * parameter or an override cannot walk up the backend's path; a greedy value keeps its
 * slashes and is refused when one of its segments, decoded, is a dot segment.
 */
@SpringBootTest(classes = { GatewayTestApplication.class, PathParameterGatewayTests.LocalHandler.class },
		webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("framing")
class PathParameterGatewayTests {

	private static final RawBackend backend = startBackend();

	private static final String DOT_SEGMENTS = "{\"message\":\"Invalid path: dot segments are not allowed\"}";

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void backend(DynamicPropertyRegistry registry) {
		registry.add("apigw.apis.raw.stages.test.variables.backend", backend::address);
		registry.add("spring.cloud.discovery.client.simple.instances.raw[0].uri", () -> "http://" + backend.address());
	}

	@AfterAll
	static void stop() throws IOException {
		backend.close();
	}

	@BeforeEach
	void forget() {
		backend.clear();
	}

	@Test
	void aMappedQueryParameterIsOneSegmentOfTheBackendPath() throws IOException {
		Map<String, String> sent = new LinkedHashMap<>();
		sent.put("id=../../admin/secret", "/items/..%2F..%2Fadmin%2Fsecret");
		sent.put("id=..", "/items/%2E%2E");
		sent.put("id=.", "/items/%2E");
		sent.put("id=%2e%2e", "/items/%2E%2E");
		sent.put("id=a%2Fb", "/items/a%2Fb");
		sent.put("id=100%25", "/items/100%25");
		sent.put("id=caf%C3%A9", "/items/caf%C3%A9");
		sent.put("id=a%20b", "/items/a%20b");
		sent.put("id=42", "/items/42");
		sent.forEach((query, target) -> assertReaches("/raw/test/by-query?" + query, target));
	}

	@Test
	void aPathOverrideIsOneSegmentOfTheBackendPath() {
		assertReaches("/raw/test/by-override?p=%2e%2e%2f%2e%2e%2fadmin", "/items/..%2F..%2Fadmin");
		assertReaches("/raw/test/by-override?p=..", "/items/%2E%2E");
		assertReaches("/raw/test/by-override?p=7", "/items/7");
	}

	@Test
	void aPathParameterIsPassedOnAsTheClientSentIt() {
		assertReaches("/raw/test/items/42", "/items/42");
		assertReaches("/raw/test/items/a%2Fb", "/items/a%2Fb");
		assertReaches("/raw/test/items/..%2F..%2Fadmin", "/items/..%2F..%2Fadmin");
	}

	@Test
	void aGreedyValueKeepsItsSlashesAndIsPassedOnAsTheClientSentIt() {
		assertReaches("/raw/test/files/a/b/c.txt", "/files/a/b/c.txt");
		assertReaches("/raw/test/files/a%2Fb/c%20d", "/files/a%2Fb/c%20d");
		assertReaches("/raw/test/files/..a/b../.c", "/files/..a/b../.c");
	}

	@Test
	void aGreedyValueWithAnEncodedDotSegmentIsRefused() throws IOException {
		for (String path : List.of("/raw/test/files/a/..%2f..%2fadmin", "/raw/test/files/%2e%2e%2fadmin",
				"/raw/test/files/a/.%2E%2Fadmin", "/raw/test/files/..%252f..%252fadmin",
				"/raw/test/files/%252e%252e%252fadmin", "/raw/test/files/a/..%5cadmin", "/raw/test/files/a/..%2f")) {
			RawHttp.Response response = get(path);
			assertThat(response.status()).as(path).isEqualTo(400);
			assertThat(response.body()).as(path).isEqualTo(DOT_SEGMENTS);
		}
		assertThat(backend.received()).isEmpty();
	}

	@Test
	void loadBalancedAndForwardedIntegrationsGetTheSameSegment() throws IOException {
		assertReaches("/raw/test/balanced?id=../../admin", "/items/..%2F..%2Fadmin");
		RawHttp.Response forwarded = get("/raw/test/forwarded?id=../../admin");
		assertThat(forwarded.status()).isEqualTo(200);
		assertThat(forwarded.body()).isEqualTo("handler saw /local/items/..%2F..%2Fadmin");
		RawHttp.Response dots = get("/raw/test/forwarded?id=..");
		assertThat(dots.body()).isEqualTo("handler saw /local/items/%2E%2E");
	}

	private void assertReaches(String path, String target) {
		backend.clear();
		RawHttp.Response response;
		try {
			response = get(path);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		assertThat(response.status()).as(path).isEqualTo(200);
		assertThat(response.body()).as(path).isEqualTo("GET " + target);
		assertThat(backend.received()).as(path).singleElement().satisfies((request) ->
			assertThat(request.target()).isEqualTo(target));
	}

	private RawHttp.Response get(String path) throws IOException {
		return RawHttp.send(this.port, "GET " + path + " HTTP/1.1\r\nHost: gateway\r\nConnection: close\r\n\r\n");
	}

	private static RawBackend startBackend() {
		try {
			return RawBackend.start();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A handler of the application that {@code forward:} integrations reach, answering the
	 * raw path it was dispatched with.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class LocalHandler {

		@Bean
		RouterFunction<ServerResponse> localItems() {
			return RouterFunctions.route()
				.GET("/local/**", (request) -> ServerResponse.ok().bodyValue("handler saw " + request.uri().getRawPath()))
				.build();
		}

	}

}
