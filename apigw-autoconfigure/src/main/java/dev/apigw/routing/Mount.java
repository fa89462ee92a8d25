package dev.apigw.routing;

import java.util.concurrent.ThreadLocalRandom;

import org.jspecify.annotations.Nullable;

/**
 * What a mount serves: one stage of an API, addressed either with the stage segment in the
 * path ({@code /petstore/dev/pets}) or through a base-path mapping without it
 * ({@code /v1/pets}), and the stage's canary, if it has one.
 *
 * @param deployed the stage (its main deployment)
 * @param stageInPath whether the stage name is the last segment of the mount path
 * @param canary the stage's canary, {@code null} for none
 */
public record Mount(DeployedStage deployed, boolean stageInPath, @Nullable Canary canary) {

	/**
	 * A mount without canary.
	 * @param deployed the stage
	 * @param stageInPath whether the stage name is the last segment of the mount path
	 */
	public Mount(DeployedStage deployed, boolean stageInPath) {
		this(deployed, stageInPath, null);
	}

	/**
	 * The stage's main deployment.
	 * @return its runtime
	 */
	public StageRuntime stage() {
		return this.deployed.stage();
	}

	/**
	 * Chooses the deployment a new request runs on: the canary for its share of requests,
	 * else the stage's main deployment.
	 * @return the deployed stage the request keeps to its end
	 */
	public DeployedStage select() {
		Canary canary = this.canary;
		if (canary == null || canary.percentTraffic() <= 0) {
			return this.deployed;
		}
		if (canary.percentTraffic() >= 100) {
			return canary.deployed();
		}
		return (ThreadLocalRandom.current().nextDouble() * 100 < canary.percentTraffic()) ? canary.deployed()
				: this.deployed;
	}

	/**
	 * A stage's canary: the deployment (with its stage variable overrides) that serves a
	 * share of the stage's requests.
	 *
	 * @param deployed the canary's compiled stage
	 * @param percentTraffic the percentage of requests it serves, 0 to 100
	 * @param useStageCache whether its requests share the stage's cache entries
	 */
	public record Canary(DeployedStage deployed, double percentTraffic, boolean useStageCache) {

		/**
		 * The canary's runtime.
		 * @return the runtime
		 */
		public StageRuntime stage() {
			return this.deployed.stage();
		}

	}

}
