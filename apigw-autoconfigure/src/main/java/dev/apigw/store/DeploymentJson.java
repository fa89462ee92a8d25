package dev.apigw.store;

import dev.apigw.model.Deployment;
import dev.apigw.model.StagePointer;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Deployments and stage pointers as JSON, for stores shared between instances: the API
 * model's records written by Jackson as they are, read back tolerating properties a later
 * version no longer has.
 */
final class DeploymentJson {

	private static final JsonMapper JSON = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private DeploymentJson() {
	}

	static String write(Object value) {
		return JSON.writeValueAsString(value);
	}

	static Deployment deployment(String json) {
		return JSON.readValue(json, Deployment.class);
	}

	static StagePointer pointer(String json) {
		return JSON.readValue(json, StagePointer.class);
	}

}
