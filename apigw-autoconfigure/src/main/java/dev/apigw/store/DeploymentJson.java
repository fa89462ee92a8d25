package dev.apigw.store;

import java.time.Instant;

import dev.apigw.model.Api;
import dev.apigw.model.Deployment;
import dev.apigw.model.StagePointer;
import dev.apigw.model.WebSocketApi;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Deployments and stage pointers as JSON, for stores shared between instances: the API
 * model's records written by Jackson as they are, read back tolerating properties a later
 * version no longer has. A deployment names its API's protocol ({@code REST} or
 * {@code WEBSOCKET}, as AWS's {@code protocolType}) and holds the definition under
 * {@code api} or {@code webSocketApi}; one written before WebSocket APIs were deployed
 * (no protocol) is a REST API's.
 */
final class DeploymentJson {

	private static final String WEBSOCKET = "WEBSOCKET";

	private static final JsonMapper JSON = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private DeploymentJson() {
	}

	static String write(Deployment deployment) {
		Stored stored = (deployment.definition() instanceof WebSocketApi webSocket)
				? new Stored(deployment.id(), deployment.createdDate(), deployment.description(), WEBSOCKET, null,
						webSocket)
				: new Stored(deployment.id(), deployment.createdDate(), deployment.description(), "REST",
						deployment.api(), null);
		return JSON.writeValueAsString(stored);
	}

	static String write(StagePointer pointer) {
		return JSON.writeValueAsString(pointer);
	}

	static Deployment deployment(String json) {
		Stored stored = JSON.readValue(json, Stored.class);
		if (WEBSOCKET.equals(stored.protocolType()) && stored.webSocketApi() != null) {
			return new Deployment(stored.id(), stored.createdDate(), stored.description(), stored.webSocketApi());
		}
		if (stored.api() == null) {
			throw new IllegalArgumentException("Deployment " + stored.id() + " holds no API definition");
		}
		return new Deployment(stored.id(), stored.createdDate(), stored.description(), stored.api());
	}

	static StagePointer pointer(String json) {
		return JSON.readValue(json, StagePointer.class);
	}

	/** A deployment as stored. */
	private record Stored(String id, Instant createdDate, @Nullable String description, @Nullable String protocolType,
			@Nullable Api api, @Nullable WebSocketApi webSocketApi) {

	}

}
