package dev.apigw.deploy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import dev.apigw.definition.InvalidApiDefinitionException;
import dev.apigw.model.Api;
import dev.apigw.model.AuthorizationType;
import dev.apigw.model.Deployment;
import dev.apigw.model.Integration;
import dev.apigw.model.IntegrationResponse;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.Method;
import dev.apigw.model.Resource;
import dev.apigw.model.Stage;
import dev.apigw.model.WebSocketApi;
import dev.apigw.model.WebSocketRoute;
import dev.apigw.observe.AuditLog;
import dev.apigw.routing.GatewayEnvironment;
import dev.apigw.store.MemoryDeploymentStore;
import dev.apigw.template.TemplateEngine;
import dev.apigw.websocket.WebSocketStage;
import dev.apigw.websocket.WebSocketStageCompiler;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * One registry for REST and WebSocket APIs: one id space, one mount space, one history per
 * API with rollback, and WebSocket stages compiled into the same routing snapshot.
 */
class DeploymentRegistryTests {

	private static final GatewayEnvironment ENVIRONMENT = new GatewayEnvironment("us-east-1", "123456789012");

	private final DeploymentRegistry registry = new DeploymentRegistry(
			new StageCompiler(List.of(), List.of(), ENVIRONMENT, null),
			new WebSocketStageCompiler(new TemplateEngine(), ENVIRONMENT), List.of(),
			Clock.fixed(Instant.parse("2026-12-03T00:00:00Z"), ZoneOffset.UTC), new MemoryDeploymentStore(),
			(AuditLog) null);

	@Test
	void restAndWebSocketApisShareOneIdSpace() {
		assertThatExceptionOfType(InvalidApiDefinitionException.class)
			.isThrownBy(() -> this.registry.deployAll(List.of(rest("chat", null), webSocket("chat", "blue"))))
			.withMessageContaining("API 'chat', field 'id' (websocket test): API id 'chat' is also the id of a REST API "
					+ "(rest test); API ids are unique");
	}

	@Test
	void aWebSocketApiMountedWhereARestApiIsIsRefused() {
		assertThatExceptionOfType(InvalidApiDefinitionException.class)
			.isThrownBy(() -> this.registry.deployAll(List.of(rest("pets", "/chat"), webSocket("chat", "blue"))))
			.withMessageContaining("API 'chat', field 'base-path' (websocket test): A REST API is mounted at "
					+ "'/chat/dev' too; give one of them another base-path");
	}

	@Test
	void webSocketStagesAreServedFromTheSameSnapshotWithHistoryAndRollback() {
		this.registry.deployAll(List.of(rest("pets", null), webSocket("chat", "blue")));
		RoutingSnapshot snapshot = this.registry.snapshot();
		assertThat(snapshot.stages()).hasSize(1);
		assertThat(snapshot.webSockets().stages()).singleElement()
			.satisfies((stage) -> assertThat(stage.stage().variables()).containsEntry("color", "blue"));
		String first = this.registry.stages("chat").get("dev").deploymentId();
		Deployment green = this.registry.deploy(webSocket("chat", "green"), "dev", "green", null, "test");
		WebSocketStage served = this.registry.snapshot().webSockets().stages().get(0);
		assertThat(served.deploymentId()).isEqualTo(green.id());
		assertThat(served.stage().variables()).containsEntry("color", "green");
		assertThat(this.registry.deployments("chat")).extracting(Deployment::id).containsExactly(first, green.id());
		this.registry.rollback("chat", "dev", first, "test");
		assertThat(this.registry.snapshot().webSockets().stages().get(0).deploymentId()).isEqualTo(first);
		assertThat(this.registry.snapshot().stages()).singleElement()
			.satisfies((stage) -> assertThat(stage.api().id()).isEqualTo("pets"));
	}

	@Test
	void aWebSocketApiCannotBeDeployedOverARestApi() {
		this.registry.deployAll(List.of(rest("pets", null)));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.registry.deploy(webSocket("pets", "blue"), null, null, null, "test"))
			.withMessage("API 'pets' is a REST API; it cannot be deployed as a WebSocket API");
	}

	@Test
	void aDefinitionWithoutStagesIsListedAndServedOnceDeployedToANewStage() {
		this.registry.deployAll(List.of(rest("pets", null)));
		Api imported = withoutStages("imported").build();
		this.registry.define(imported, "test");
		assertThat(this.registry.definitions()).containsKeys("pets", "imported");
		assertThat(this.registry.stages("imported")).isEmpty();
		assertThat(this.registry.snapshot().stages()).hasSize(1);
		this.registry.deploy(imported.toBuilder().stage(Stage.of("dev", Map.of())).build(), "dev", null, null, "test");
		assertThat(this.registry.snapshot().stages()).extracting((stage) -> stage.api().id())
			.containsExactlyInAnyOrder("pets", "imported");
	}

	@Test
	void aDefinitionThatDoesNotCompileIsNotDefined() {
		Api broken = withoutStages("broken")
			.resource(Resource.of("/bad", Method.builder("GET")
				.integration(Integration.builder(IntegrationType.MOCK)
					.requestTemplates(Map.of("application/json", "#if("))
					.build())
				.build()))
			.build();
		assertThatExceptionOfType(InvalidApiDefinitionException.class)
			.isThrownBy(() -> this.registry.define(broken, "test"))
			.withMessageContaining("API 'broken', resource '/bad', method GET");
		assertThat(this.registry.definitions()).doesNotContainKey("broken");
	}

	@Test
	void removedApisAreNoLongerServed() {
		this.registry.deployAll(List.of(rest("pets", null), rest("toys", "/toys")));
		this.registry.remove("pets", "test");
		assertThat(this.registry.definitions()).containsOnlyKeys("toys");
		assertThat(this.registry.snapshot().stages()).singleElement()
			.satisfies((stage) -> assertThat(stage.api().id()).isEqualTo("toys"));
		assertThatIllegalArgumentException().isThrownBy(() -> this.registry.remove("pets", "test"))
			.withMessage("Invalid API identifier specified: no API 'pets'");
	}

	@Test
	void redeployingAStageChangesOnlyThatStageOfWhatItServes() {
		Api v1 = rest("pets", null).toBuilder().stage(Stage.of("dev", Map.of("color", "blue"))).build();
		this.registry.deployAll(List.of(v1));
		String first = this.registry.stages("pets").get("dev").deploymentId();
		Deployment changed = this.registry.redeploy("pets", "dev",
				(stage) -> stage.toBuilder().variable("color", "green").build(), "variables", "test");
		assertThat(this.registry.stages("pets").get("dev").deploymentId()).isEqualTo(changed.id());
		assertThat(this.registry.snapshot().stages()).singleElement()
			.satisfies((stage) -> assertThat(stage.stage().variables()).containsEntry("color", "green"));
		assertThat(this.registry.definitions().get("pets").stages().get("dev").variables())
			.containsEntry("color", "green");
		this.registry.rollback("pets", "dev", first, "test");
		assertThat(this.registry.snapshot().stages()).singleElement()
			.satisfies((stage) -> assertThat(stage.stage().variables()).containsEntry("color", "blue"));
	}

	private static Api rest(String id, String basePath) {
		return withoutStages(id).basePath(basePath).stage(Stage.of("dev", Map.of())).build();
	}

	private static Api.Builder withoutStages(String id) {
		return Api.builder(id)
			.resource(Resource.of("/things", Method.builder("GET")
				.integration(Integration.builder(IntegrationType.MOCK).build())
				.build()))
			.source("rest test");
	}

	private static WebSocketApi webSocket(String id, String color) {
		Integration mock = Integration.builder(IntegrationType.MOCK)
			.responses(List.of(new IntegrationResponse(null, "200", Map.of(), Map.of("default", "$stageVariables.color"),
					null)))
			.build();
		WebSocketRoute route = new WebSocketRoute("$default", AuthorizationType.NONE, null, false, mock, null,
				"$default");
		return new WebSocketApi(id, null, null, null, WebSocketApi.DEFAULT_ROUTE_SELECTION,
				WebSocketApi.DEFAULT_API_KEY_SELECTION, Map.of("$default", route),
				Map.of("dev", Stage.of("dev", Map.of("color", color))), "websocket test");
	}

}
