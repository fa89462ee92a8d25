package dev.apigw.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.apigw.model.AccessLogSettings;
import dev.apigw.model.Api;
import dev.apigw.model.ApiKeySource;
import dev.apigw.model.AuthorizationType;
import dev.apigw.model.Authorizer;
import dev.apigw.model.CacheClusterSettings;
import dev.apigw.model.CanarySettings;
import dev.apigw.model.ContentHandling;
import dev.apigw.model.Deployment;
import dev.apigw.model.GatewayResponse;
import dev.apigw.model.GatewayResponseType;
import dev.apigw.model.Integration;
import dev.apigw.model.IntegrationResponse;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.Method;
import dev.apigw.model.MethodResponse;
import dev.apigw.model.MethodSettings;
import dev.apigw.model.PassthroughBehavior;
import dev.apigw.model.RequestValidator;
import dev.apigw.model.Resource;
import dev.apigw.model.Stage;
import dev.apigw.model.StagePointer;
import dev.apigw.model.UnauthorizedCacheControlHeaderStrategy;
import dev.apigw.model.WebSocketApi;
import dev.apigw.model.WebSocketRoute;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deployments written to a shared store read back equal, so an instance recognises a
 * definition another instance deployed.
 */
class DeploymentJsonTests {

	@Test
	void deploymentRoundTripsWithEveryPartOfTheModel() {
		Integration integration = Integration.builder(IntegrationType.HTTP)
			.uri("http://${stageVariables.host}/pets/{id}")
			.httpMethod("GET")
			.timeout(Duration.ofMillis(1500))
			.requestParameters(Map.of("integration.request.path.id", "method.request.path.petId"))
			.requestTemplates(Map.of("application/json", "{\"id\": \"$input.params('petId')\"}"))
			.passthroughBehavior(PassthroughBehavior.WHEN_NO_TEMPLATES)
			.contentHandling(ContentHandling.CONVERT_TO_TEXT)
			.cacheKeyParameters(List.of("method.request.path.petId"))
			.cacheNamespace("pets")
			.response(new IntegrationResponse(null, "200", Map.of("method.response.header.X-Id", "'1'"),
					Map.of("application/json", "$input.body"), null))
			.response(IntegrationResponse.of("4\\d{2}", "404"))
			.build();
		Method method = Method.builder("GET")
			.operationName("getPet")
			.authorizationType(AuthorizationType.CUSTOM)
			.authorizerId("tokens")
			.apiKeyRequired(true)
			.requestParameters(Map.of("method.request.path.petId", true))
			.methodResponse(new MethodResponse("200", Map.of("method.response.header.X-Id", false),
					Map.of("application/json", "Pet")))
			.integration(integration)
			.build();
		Stage stage = Stage.builder("prod")
			.description("production")
			.variable("host", "example.com")
			.methodSettings(Stage.ALL_METHODS, new MethodSettings(100.0, 50, true, Duration.ofSeconds(60), false, true,
					UnauthorizedCacheControlHeaderStrategy.FAIL_WITH_403))
			.cacheCluster(new CacheClusterSettings(true, 1024))
			.canarySettings(new CanarySettings(12.5, Map.of("host", "canary.example.com"), true))
			.accessLogSettings(new AccessLogSettings("JSON", "access"))
			.tracingEnabled(false)
			.build();
		Api api = Api.builder("pets")
			.title("Pets")
			.basePath("/v1")
			.apiKeySource(ApiKeySource.AUTHORIZER)
			.binaryMediaTypes(List.of("image/png"))
			.resource(Resource.of("/pets/{petId}", method))
			.stage(stage)
			.gatewayResponse(new GatewayResponse(GatewayResponseType.DEFAULT_4XX, 418, Map.of(), Map.of()))
			.model("Pet", "{\"type\":\"object\"}")
			.requestValidator(new RequestValidator("all", true, true))
			.defaultRequestValidator("all")
			.authorizer(new Authorizer("tokens", "TOKEN", "auth", "method.request.header.Authorization", null,
					Duration.ofSeconds(300), List.of()))
			.source("test")
			.build();
		Deployment deployment = new Deployment("abc123", Instant.parse("2026-01-01T00:00:00Z"), "first", api);
		assertThat(DeploymentJson.deployment(DeploymentJson.write(deployment))).isEqualTo(deployment);
		StagePointer pointer = new StagePointer("abc123",
				new StagePointer.Canary("def456", 10, Map.of("host", "b"), false));
		assertThat(DeploymentJson.pointer(DeploymentJson.write(pointer))).isEqualTo(pointer);
	}


	@Test
	void aWebSocketApisDeploymentRoundTripsAsOne() {
		Integration echo = Integration.builder(IntegrationType.HTTP)
			.uri("http://${stageVariables.backend}/echo")
			.httpMethod("POST")
			.requestTemplates(Map.of("echo", "{\"said\":$input.json('$.text')}"))
			.response(new IntegrationResponse(null, "200", Map.of(), Map.of("default", "$input.body"), null))
			.build();
		WebSocketRoute route = new WebSocketRoute("echo", AuthorizationType.NONE, null, true, echo,
				"$request.body.action", "$default");
		WebSocketApi api = new WebSocketApi("chat", "chat rooms", "/ws", "chat.example.com", "$request.body.action",
				WebSocketApi.DEFAULT_API_KEY_SELECTION, Map.of("echo", route),
				Map.of("dev", Stage.of("dev", Map.of("backend", "127.0.0.1:9"))), "test");
		Deployment deployment = new Deployment("ws1", Instant.parse("2026-01-01T00:00:00Z"), null, api);
		String json = DeploymentJson.write(deployment);
		assertThat(json).contains("\"protocolType\":\"WEBSOCKET\"");
		assertThat(DeploymentJson.deployment(json)).isEqualTo(deployment);
	}

	@Test
	void aDeploymentWrittenBeforeWebSocketApisWereDeployedReadsAsARestApis() {
		Api api = Api.builder("pets").stage(Stage.of("dev", Map.of())).source("test").build();
		Deployment deployment = new Deployment("old1", Instant.parse("2026-01-01T00:00:00Z"), "old", api);
		String withoutProtocol = DeploymentJson.write(deployment).replace("\"protocolType\":\"REST\",", "");
		assertThat(withoutProtocol).doesNotContain("protocolType");
		assertThat(DeploymentJson.deployment(withoutProtocol)).isEqualTo(deployment);
	}

}
