package dev.apigw.integration;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import dev.apigw.test.GatewayTestApplication;
import dev.apigw.test.RawBackend;
import dev.apigw.test.RawHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Mono;
import reactor.util.function.Tuple2;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Framing, hop-by-hop and Host headers set by a request template override, and by
 * integration response mappings and response overrides, end to end through real Netty to a
 * backend that parses HTTP/1.1 framing itself: the gateway frames what it sends from the
 * bytes it sends, so a caller cannot smuggle a second request to the backend.
 */
@SpringBootTest(classes = GatewayTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("framing")
@ExtendWith(OutputCaptureExtension.class)
class HeaderFramingGatewayTests {

	private static final RawBackend backend = startBackend();

	/** A body of five bytes followed by a complete second request. */
	private static final String SMUGGLING_BODY = "hello" + "GET /smuggled HTTP/1.1\r\nHost: backend\r\n"
			+ "Content-Length: 0\r\n\r\n";

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void backend(DynamicPropertyRegistry registry) {
		registry.add("apigw.apis.raw.stages.test.variables.backend", backend::address);
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
	void aContentLengthOverrideCannotSmuggleARequestToTheBackend() {
		WebClient client = WebClient.create("http://127.0.0.1:" + this.port);
		for (int i = 0; i < 50; i++) {
			Mono<String> smuggler = client.post()
				.uri("/raw/test/smuggle?cl=5")
				.contentType(MediaType.TEXT_PLAIN)
				.bodyValue(SMUGGLING_BODY)
				.retrieve()
				.bodyToMono(String.class);
			Mono<String> bystander = client.get().uri("/raw/test/plain?n=" + i).retrieve().bodyToMono(String.class);
			Tuple2<String, String> answers = Mono.zip(smuggler, bystander).block(Duration.ofSeconds(30));
			assertThat(answers.getT1()).as("answer to the smuggler, round %d", i).isEqualTo("POST /smuggle");
			assertThat(answers.getT2()).as("answer to the bystander, round %d", i).isEqualTo("GET /plain?n=" + i);
		}
		List<RawBackend.Received> received = backend.received();
		assertThat(received).hasSize(100).noneMatch((request) -> request.target().startsWith("/smuggled"));
		assertThat(received).filteredOn((request) -> request.target().equals("/smuggle")).hasSize(50).allSatisfy((request) -> {
			assertThat(request.bodyText()).isEqualTo(SMUGGLING_BODY);
			assertThat(request.header("Content-Length")).isEqualTo(String.valueOf(SMUGGLING_BODY.length()));
		});
	}

	@Test
	void aZeroContentLengthOverrideIsDroppedAndTheWholeBodyIsSent() throws IOException {
		RawHttp.Response response = post("/raw/test/smuggle?cl=0", "hello");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("POST /smuggle");
		assertThat(backend.received()).singleElement().satisfies((request) -> {
			assertThat(request.bodyText()).isEqualTo("hello");
			assertThat(request.header("Content-Length")).isEqualTo("5");
		});
	}

	@Test
	void aContentLengthOverrideLargerThanTheBodyDoesNotHoldTheRequest() throws IOException {
		RawHttp.Response response = post("/raw/test/smuggle?cl=1000", "hello");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("POST /smuggle");
		assertThat(backend.received()).singleElement().satisfies((request) -> {
			assertThat(request.bodyText()).isEqualTo("hello");
			assertThat(request.header("Content-Length")).isEqualTo("5");
		});
	}

	@Test
	void framingHopByHopAndHostOverridesAreDroppedAndLoggedOnceWithoutTheirValues(CapturedOutput output)
			throws IOException {
		for (int i = 0; i < 2; i++) {
			RawHttp.Response response = post("/raw/test/overrides?suffix=Chosen-Name", "the body");
			assertThat(response.status()).isEqualTo(200);
			assertThat(response.body()).isEqualTo("POST /overrides");
		}
		assertThat(backend.received()).hasSize(2).allSatisfy((request) -> {
			assertThat(request.bodyText()).isEqualTo("the body\n");
			assertThat(request.header("Content-Length")).isEqualTo("9");
			assertThat(request.header("Host")).isEqualTo(backend.address());
			assertThat(request.header("X-Kept")).isEqualTo("yes");
			assertThat(request.headers()).doesNotContainKeys("transfer-encoding", "keep-alive", "upgrade", "te",
					"trailer", "proxy-authorization", "proxy-chosen-name");
			assertThat(request.header("Connection")).isNotEqualToIgnoringCase("Upgrade");
		});
		String said = "Route apigw/raw/test/overrides/POST: dropped $context.requestOverride.header "
				+ "[connection, host, keep-alive, proxy-*, te, trailer, transfer-encoding, upgrade]";
		assertThat(output.getOut().split(java.util.regex.Pattern.quote(said), -1)).hasSize(2);
		assertThat(output.getOut()).contains(" WARN ").doesNotContain("c2VjcmV0").doesNotContain("chosen-by-the-caller")
			.doesNotContain("Chosen-Name").doesNotContain("evil.example");
	}

	@Test
	void mappedResponseHeadersAreRenamedOrDroppedAndTheGatewayFramesTheResponse() throws IOException {
		RawHttp.Response response = get("/raw/test/mapped-response-headers");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("{\"ok\": true}");
		assertThat(response.headers()).containsEntry("content-length", "12")
			.containsEntry("x-amzn-remapped-content-length", "5")
			.containsEntry("x-amzn-remapped-connection", "close")
			.containsEntry("x-amzn-remapped-proxy-authenticate", "Basic")
			.containsEntry("x-amzn-remapped-upgrade", "h2c")
			.containsEntry("x-amzn-remapped-trailer", "X-Checksum")
			.containsEntry("te", "trailers")
			.containsEntry("content-encoding", "identity")
			.doesNotContainKeys("transfer-encoding", "keep-alive", "proxy-authorization", "upgrade", "trailer");
	}

	@Test
	void responseOverridesOfReservedHeadersAreRenamedOrDropped() throws IOException {
		RawHttp.Response response = get("/raw/test/overridden-response-headers");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("{\"ok\": true}");
		assertThat(response.headers()).containsEntry("content-length", "12")
			.containsEntry("x-amzn-remapped-content-length", "999")
			.containsEntry("x-amzn-remapped-server", "override")
			.containsEntry("x-kept", "yes")
			.doesNotContainKeys("transfer-encoding", "keep-alive", "proxy-connection");
	}

	@Test
	void aLineBreakInAMappedOrOverriddenHeaderIsRefusedWithA400(CapturedOutput output) throws IOException {
		for (String query : List.of("n=X-A&v=a%0d%0aX-Injected:%20yes", "n=X-A&v=a%00b", "n=X%20A&v=x",
				"n=X-A%0d%0aX-Injected&v=x", "m=a%0aX-Injected:%20yes")) {
			RawHttp.Response response = post("/raw/test/chosen-header?" + query, "hi");
			assertThat(response.status()).as(query).isEqualTo(400);
			assertThat(response.body()).as(query).isEqualTo("{\"message\":\"Invalid header value\"}");
		}
		assertThat(backend.received()).isEmpty();
		assertThat(output.getOut()).doesNotContain("X-Injected").doesNotContain(" ERROR ");
		RawHttp.Response fine = post("/raw/test/chosen-header?n=X-A&v=%20spaced%20&m=mapped", "hi");
		assertThat(fine.status()).isEqualTo(200);
		assertThat(backend.received()).singleElement().satisfies((request) -> {
			assertThat(request.header("X-A")).isEqualTo("spaced");
			assertThat(request.header("X-Mapped")).isEqualTo("mapped");
		});
	}

	@Test
	void aResponseOverrideThatIsNotAHeaderIsDropped() throws IOException {
		RawHttp.Response response = get("/raw/test/chosen-response-header?v=a%0d%0aX-Injected:%20yes&n=Bad%20Name");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.headers()).doesNotContainKeys("x-chosen", "x-injected", "bad name");
		RawHttp.Response fine = get("/raw/test/chosen-response-header?v=chosen&n=X-Named");
		assertThat(fine.headers()).containsEntry("x-chosen", "chosen").containsEntry("x-named", "named");
	}

	private RawHttp.Response post(String path, String body) throws IOException {
		return RawHttp.send(this.port, "POST " + path + " HTTP/1.1\r\nHost: gateway\r\nContent-Type: text/plain\r\n"
				+ "Content-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body);
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

}
