package dev.apigw.deploy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import dev.apigw.auth.authorizer.AuthorizerFunction;
import dev.apigw.definition.ApiDefinitionSource;
import dev.apigw.definition.ApiDefinitions;
import dev.apigw.definition.InvalidApiDefinitionException;
import dev.apigw.model.Api;
import dev.apigw.model.AuthorizationType;
import dev.apigw.model.Authorizer;
import dev.apigw.model.Integration;
import dev.apigw.model.IntegrationResponse;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.Method;
import dev.apigw.model.Resource;
import dev.apigw.model.Stage;
import dev.apigw.model.StagePointer;
import dev.apigw.test.GatewayTestApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A definition that start-up refuses is refused the same way when it is deployed at run
 * time, through the registry and through the actuator: the same message, word for word,
 * and the stage keeps serving its current deployment.
 */
@SpringBootTest(classes = { GatewayTestApplication.class, RefusedDeploymentGatewayTests.Definitions.class },
		webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "apigw.endpoint.write-operations-enabled=true",
				"management.endpoints.web.exposure.include=apigw" })
@AutoConfigureWebTestClient
class RefusedDeploymentGatewayTests {

	private static final String SERVED = "{\"version\": \"good\", \"principal\": \"user-secret\"}";

	@Autowired
	private WebTestClient client;

	@Autowired
	private DeploymentRegistry registry;

	@Autowired
	private ApiDefinitions definitions;

	@Autowired
	private SwitchableApiSource source;

	@AfterEach
	void restore() {
		this.source.version("good");
	}

	@ParameterizedTest
	@ValueSource(strings = { "missing-function", "unknown-stage-variable", "unparsable-policy" })
	void aRunTimeDeploymentStartUpWouldRefuseIsRefusedWithTheSameMessageWhileTheStageKeepsServing(String version) {
		String startUp = startUpFailure(version);
		assertThat(startUp).startsWith("API 'guarded', ");
		assertServed();
		RoutingSnapshot snapshot = this.registry.snapshot();
		StagePointer pointer = this.registry.stages("guarded").get("live");
		int deployments = this.registry.deployments("guarded").size();
		this.source.version(version);
		Api refused = this.definitions.load().get(0);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.registry.deploy(refused, "live", "refused", null, "test"))
			.withMessage(startUp);
		this.client.post()
			.uri("/actuator/apigw/deployments")
			.bodyValue(Map.of("apiId", "guarded", "stage", "live", "description", "refused"))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.message")
			.isEqualTo(startUp);
		assertThat(this.registry.snapshot()).isSameAs(snapshot);
		assertThat(this.registry.stages("guarded")).containsExactly(Map.entry("live", pointer));
		assertThat(this.registry.deployments("guarded")).hasSize(deployments);
		assertServed();
	}

	private void assertServed() {
		this.client.get()
			.uri("/guarded/live/pets")
			.header("Authorization", "secret")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.isEqualTo(SERVED);
		this.client.get().uri("/guarded/live/pets").exchange().expectStatus().isUnauthorized();
	}

	/**
	 * Starts the application these tests run with, its definition at the given version
	 * from the start, and returns the message its start-up fails with.
	 */
	private static String startUpFailure(String version) {
		SpringApplication application = new SpringApplication(GatewayTestApplication.class, Definitions.class);
		application.setWebApplicationType(WebApplicationType.REACTIVE);
		Throwable failure = catchThrowable(() -> application.run("--server.port=0",
				"--apigw.endpoint.write-operations-enabled=true", "--refused.version=" + version));
		assertThat(failure).hasRootCauseInstanceOf(InvalidApiDefinitionException.class);
		return NestedExceptionUtils.getRootCause(failure).getMessage();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Definitions {

		@Bean
		SwitchableApiSource refusedApiSource(@Value("${refused.version:good}") String version) {
			SwitchableApiSource source = new SwitchableApiSource();
			source.version(version);
			return source;
		}

		/** Allows every caller, as principal {@code user-<token>}. */
		@Bean
		AuthorizerFunction checkToken() {
			return (event) -> Map.of("principalId", "user-" + event.get("authorizationToken"), "policyDocument",
					Map.of("Version", "2012-10-17", "Statement", List.of(Map.of("Action", "execute-api:Invoke",
							"Effect", "Allow", "Resource", event.get("methodArn")))));
		}

	}

	/**
	 * The API {@code guarded}, whose {@code GET /pets} a Lambda authorizer guards, at a
	 * version the test switches: {@code good}, or one with a problem only the compile step
	 * finds (an authorizer function that does not exist, one named by a stage variable the
	 * stage does not define, a resource policy that does not parse).
	 */
	static final class SwitchableApiSource implements ApiDefinitionSource {

		private final AtomicReference<String> version = new AtomicReference<>("good");

		void version(String version) {
			this.version.set(version);
		}

		@Override
		public List<Api> apis() {
			String version = this.version.get();
			String function = switch (version) {
				case "missing-function" -> "noSuchFunction";
				case "unknown-stage-variable" -> "${stageVariables.authorizerFunction}";
				default -> "checkToken";
			};
			String policy = "unparsable-policy".equals(version) ? "{\"Statement\": {\"Effect\": \"Allow\"}}" : null;
			Integration mock = Integration.builder(IntegrationType.MOCK)
				.requestTemplate("application/json", "{\"statusCode\": 200}")
				.response(new IntegrationResponse(null, "200", Map.of(), Map.of("application/json",
						"{\"version\": \"" + version + "\", \"principal\": \"$context.authorizer.principalId\"}"), null))
				.build();
			return List.of(Api.builder("guarded")
				.resource(Resource.of("/pets",
						Method.builder("GET")
							.authorizationType(AuthorizationType.CUSTOM)
							.authorizerId("tokens")
							.integration(mock)
							.build()))
				.authorizer(new Authorizer("tokens", "TOKEN", function, "method.request.header.Authorization", null,
						Duration.ZERO, List.of()))
				.policy(policy)
				.stage(Stage.of("live", Map.of()))
				.source("test")
				.build());
		}

	}

}
