package dev.apigw.auth;

import dev.apigw.test.GatewayTestApplication;
import dev.apigw.test.TestBackend;

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

	@DynamicPropertySource
	static void backend(DynamicPropertyRegistry registry) {
		registry.add("apigw.apis.iam.stages.dev.variables.backend", backend::address);
	}

}
