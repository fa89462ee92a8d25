package dev.apigw.websocket;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.apigw.deploy.DeploymentRegistry;
import dev.apigw.model.Deployment;
import dev.apigw.model.Integration;
import dev.apigw.model.IntegrationResponse;
import dev.apigw.model.Stage;
import dev.apigw.model.WebSocketApi;
import dev.apigw.model.WebSocketRoute;
import dev.apigw.test.GatewayTestApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * WebSocket API stages deploy through the same deployment registry as REST API stages: a
 * new deployment serves the next connection while open connections keep theirs, the stage
 * keeps a history it can be rolled back through, a deployment that does not compile is
 * refused with the start-up message while the stage keeps serving, and canaries (REST only
 * on AWS) are refused.
 */
@SpringBootTest(classes = GatewayTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "test.backend=127.0.0.1:1")
@ActiveProfiles("websocket")
@Import(WebSocketTestHandlers.class)
class WebSocketDeploymentTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	DeploymentRegistry registry;

	private String startUp;

	@AfterEach
	void rollBack() {
		if (this.startUp != null) {
			this.registry.rollback("chat", "dev", this.startUp, "test");
		}
	}

	@Test
	void aNewDeploymentServesTheNextConnectionAndTheStageRollsBackThroughItsHistory() {
		List<Deployment> before = this.registry.deployments("chat");
		this.startUp = before.get(before.size() - 1).id();
		try (WsClient open = WsClient.connect(url("/chat/dev"))) {
			assertThat(color(open)).isEqualTo("blue");
			Deployment green = this.registry.deploy(withColor(chat(), "green"), "dev", "green", null, "test");
			try (WsClient next = WsClient.connect(url("/chat/dev"))) {
				assertThat(color(next)).isEqualTo("green");
			}
			assertThat(color(open)).isEqualTo("blue");
			assertThat(this.registry.deployments("chat")).extracting(Deployment::id)
				.endsWith(this.startUp, green.id());
			assertThat(this.registry.stages("chat").get("dev").deploymentId()).isEqualTo(green.id());
			this.registry.rollback("chat", "dev", this.startUp, "test");
			try (WsClient rolledBack = WsClient.connect(url("/chat/dev"))) {
				assertThat(color(rolledBack)).isEqualTo("blue");
			}
			assertThat(this.registry.stages("chat").get("dev").deploymentId()).isEqualTo(this.startUp);
		}
	}

	@Test
	void aDeploymentThatDoesNotCompileIsRefusedWithTheStartUpMessageAndTheStageKeepsServing() {
		WebSocketApi chat = chat();
		Map<String, WebSocketRoute> routes = new LinkedHashMap<>(chat.routes());
		WebSocketRoute whoami = routes.get("whoami");
		Integration broken = whoami.integration()
			.toBuilder()
			.responses(List.of(new IntegrationResponse(null, "200", Map.of(), Map.of("default", "#if("), null)))
			.build();
		routes.put("whoami", new WebSocketRoute("whoami", whoami.authorizationType(), whoami.authorizerId(),
				whoami.apiKeyRequired(), broken, whoami.templateSelectionExpression(),
				whoami.routeResponseSelectionExpression()));
		WebSocketApi withBrokenTemplate = new WebSocketApi(chat.id(), chat.description(), chat.basePath(), chat.host(),
				chat.routeSelectionExpression(), chat.apiKeySelectionExpression(), routes, chat.stages(), chat.source());
		int deployments = this.registry.deployments("chat").size();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.registry.deploy(withBrokenTemplate, "dev", "broken", null, "test"))
			.withMessageStartingWith("API 'chat', resource 'route whoami', field "
					+ "'integration.responses[1].response-templates[default]' (application properties): Mapping template "
					+ "'chat route whoami integration.responses[1].response-templates[default] (status 200)' has a "
					+ "syntax error at line 1, column 5");
		assertThat(this.registry.deployments("chat")).hasSize(deployments);
		try (WsClient client = WsClient.connect(url("/chat/dev"))) {
			assertThat(color(client)).isEqualTo("blue");
		}
	}

	@Test
	void aWebSocketStageHasNoCanary() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.registry.canary("chat", "dev", null, 10.0, null, null, "test"))
			.withMessage("Canary settings are supported for REST APIs only; API 'chat' is a WebSocket API");
	}

	private WebSocketApi chat() {
		return (WebSocketApi) this.registry.definitions().get("chat");
	}

	private static WebSocketApi withColor(WebSocketApi api, String color) {
		Stage dev = api.stages().get("dev").withVariableOverrides(Map.of("color", color));
		return new WebSocketApi(api.id(), api.description(), api.basePath(), api.host(), api.routeSelectionExpression(),
				api.apiKeySelectionExpression(), api.routes(), Map.of("dev", dev), api.source());
	}

	@SuppressWarnings("unchecked")
	private static String color(WsClient client) {
		Map<String, Object> whoami = JSON.readValue(client.send("{\"action\":\"whoami\"}").next(), Map.class);
		return String.valueOf(whoami.get("stage"));
	}

	private String url(String path) {
		return "ws://127.0.0.1:" + this.port + path;
	}

}
