package dev.apigw.auth;

import dev.apigw.test.GatewayTestApplication;
import dev.apigw.test.TestBackend;

import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The one gateway the access control tests share (profile {@code security}): Lambda
 * authorizers, resource policies, CORS and IAM, with the functions and credentials of
 * {@link SecurityTestConfiguration} and a clock the tests move.
 */
@SpringBootTest(classes = { GatewayTestApplication.class, SecurityTestConfiguration.class },
		webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@ActiveProfiles("security")
abstract class SecurityGatewayTest {

	static final TestBackend backend = TestBackend.start();

	/** Serves the pages of the browser tests, from another origin than the gateway's. */
	static final DisposableServer pages = HttpServer.create()
		.host("127.0.0.1")
		.port(0)
		.handle((request, response) -> response.header("Content-Type", "text/html")
			.sendString(Mono.just("<!doctype html><html><body>another origin</body></html>")))
		.bindNow();

	@DynamicPropertySource
	static void backend(DynamicPropertyRegistry registry) {
		registry.add("apigw.apis.iam.stages.dev.variables.backend", backend::address);
		registry.add("apigw.apis.cors.cors.allow-origin", SecurityGatewayTest::pageOrigin);
	}

	static String pageOrigin() {
		return "http://localhost:" + pages.port();
	}

}
