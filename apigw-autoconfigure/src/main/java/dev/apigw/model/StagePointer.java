package dev.apigw.model;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Where a stage points: the deployment it serves and, optionally, a canary deployment that
 * serves a share of its requests. Rolling back, deploying and promoting a canary all move
 * these pointers; the deployments themselves never change.
 *
 * @param deploymentId the deployment the stage serves
 * @param canary the stage's canary, {@code null} for none
 */
public record StagePointer(String deploymentId, @Nullable Canary canary) {

	/**
	 * The same pointer with another deployment.
	 * @param deploymentId the deployment
	 * @return the pointer
	 */
	public StagePointer withDeployment(String deploymentId) {
		return new StagePointer(deploymentId, this.canary);
	}

	/**
	 * The same pointer with another canary.
	 * @param canary the canary, {@code null} for none
	 * @return the pointer
	 */
	public StagePointer withCanary(@Nullable Canary canary) {
		return new StagePointer(this.deploymentId, canary);
	}

	/**
	 * A stage's canary.
	 *
	 * @param deploymentId the canary deployment
	 * @param percentTraffic the percentage of the stage's requests it serves, 0 to 100
	 * @param stageVariableOverrides stage variables replaced or added for canary requests
	 * @param useStageCache whether canary requests share the stage's cache entries
	 */
	public record Canary(String deploymentId, double percentTraffic, Map<String, String> stageVariableOverrides,
			boolean useStageCache) {

		public Canary {
			stageVariableOverrides = Map.copyOf(stageVariableOverrides);
		}

	}

}
