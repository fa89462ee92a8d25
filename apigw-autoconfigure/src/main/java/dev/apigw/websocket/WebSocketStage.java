package dev.apigw.websocket;

import java.time.Instant;
import java.util.Map;

import dev.apigw.model.Stage;
import dev.apigw.model.WebSocketApi;
import dev.apigw.routing.GatewayEnvironment;
import org.jspecify.annotations.Nullable;

/**
 * A stage of a WebSocket API serving one deployment: everything a connection and its
 * messages need, compiled once (the route selection expression, the routes with their
 * integrations and templates).
 *
 * @param api the API
 * @param stage the stage
 * @param deploymentId the deployment id
 * @param deployedAt when the deployment was made
 * @param routeSelection the compiled route selection expression
 * @param apiKeySelection the compiled API key selection expression
 * @param routes route key to compiled route
 * @param environment region and account
 */
public record WebSocketStage(WebSocketApi api, Stage stage, String deploymentId, Instant deployedAt,
		SelectionExpression routeSelection, SelectionExpression apiKeySelection, Map<String, CompiledRoute> routes,
		GatewayEnvironment environment) {

	String apiId() {
		return this.api.id();
	}

	String stageName() {
		return this.stage.name();
	}

	@Nullable CompiledRoute route(String key) {
		return this.routes.get(key);
	}

	@Override
	public String toString() {
		return "WebSocketStage[" + this.api.id() + "/" + this.stage.name() + " @" + this.deploymentId + "]";
	}

}
