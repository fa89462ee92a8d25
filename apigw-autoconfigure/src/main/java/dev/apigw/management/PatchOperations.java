package dev.apigw.management;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.apigw.model.Stage;
import org.jspecify.annotations.Nullable;

/**
 * The {@code patchOperations} of an UpdateStage call that apigw applies: {@code replace}
 * {@code /deploymentId} (a rollback, or a move to any deployment of the API), {@code replace}
 * or {@code add} and {@code remove} of {@code /variables/{name}}, and {@code replace}
 * {@code /description}. Other paths are refused before anything changes.
 *
 * @param deploymentId the deployment the stage is to point at, {@code null} to keep it
 * @param variables stage variables to set ({@code null} value: to remove)
 * @param description the new description, {@code null} to keep it
 * @param describe whether the description changes
 */
record PatchOperations(@Nullable String deploymentId, Map<String, @Nullable String> variables,
		@Nullable String description, boolean describe) {

	private static final String VARIABLES = "/variables/";

	private static final List<String> PATHS = List.of("/deploymentId", "/variables/{name}", "/description");

	static PatchOperations parse(byte[] body) {
		String deploymentId = null;
		Map<String, @Nullable String> variables = new LinkedHashMap<>();
		String description = null;
		boolean describe = false;
		for (Map<String, Object> operation : JsonBodies.objects(JsonBodies.object(body), "patchOperations")) {
			String op = String.valueOf(JsonBodies.string(operation, "op"));
			String path = String.valueOf(JsonBodies.string(operation, "path"));
			String value = JsonBodies.string(operation, "value");
			boolean set = op.equals("replace") || op.equals("add");
			if (path.equals("/deploymentId") && op.equals("replace")) {
				deploymentId = required(value, op, path);
			}
			else if (path.startsWith(VARIABLES) && path.length() > VARIABLES.length() && (set || op.equals("remove"))) {
				variables.put(path.substring(VARIABLES.length()), set ? required(value, op, path) : null);
			}
			else if (path.equals("/description") && op.equals("replace")) {
				description = value;
				describe = true;
			}
			else {
				throw ManagementError.badRequest("Invalid patch path '" + path + "' specified for op '" + op
						+ "'. apigw applies: " + PATHS + " (see docs/management.md)");
			}
		}
		return new PatchOperations(deploymentId, variables, description, describe);
	}

	/**
	 * Whether the operations change the stage's own settings, which in apigw's model takes
	 * a new deployment.
	 * @return whether they do
	 */
	boolean changesStage() {
		return !this.variables.isEmpty() || this.describe;
	}

	Stage apply(Stage stage) {
		Map<String, String> variables = new LinkedHashMap<>(stage.variables());
		this.variables.forEach((name, value) -> {
			if (value != null) {
				variables.put(name, value);
			}
			else {
				variables.remove(name);
			}
		});
		return new Stage(stage.name(), this.describe ? this.description : stage.description(), variables,
				stage.methodSettings(), stage.cacheCluster(), stage.canarySettings(), stage.accessLogSettings(),
				stage.tracingEnabled(), stage.clientCertificate());
	}

	private static String required(@Nullable String value, String op, String path) {
		if (value == null) {
			throw ManagementError.badRequest("Invalid patch operation: '" + op + "' of '" + path + "' needs a value");
		}
		return value;
	}

}
