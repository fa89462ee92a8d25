package dev.apigw.routing;

import java.util.concurrent.ThreadLocalRandom;

import org.jspecify.annotations.Nullable;

/**
 * What a mount serves: one stage of an API, addressed either with the stage segment in the
 * path ({@code /petstore/dev/pets}) or through a base-path mapping without it
 * ({@code /v1/pets}), and the stage's canary, if it has one.
 *
 * @param stage the stage (its main deployment)
 * @param stageInPath whether the stage name is the last segment of the mount path
 * @param canary the stage's canary, {@code null} for none
 */
public record Mount(StageRuntime stage, boolean stageInPath, @Nullable Canary canary) {

	/**
	 * A mount without canary.
	 * @param stage the stage
	 * @param stageInPath whether the stage name is the last segment of the mount path
	 */
	public Mount(StageRuntime stage, boolean stageInPath) {
		this(stage, stageInPath, null);
	}

	/**
	 * Chooses the deployment a new request runs on: the canary for its share of requests,
	 * else the stage's main deployment.
	 * @return the stage runtime the request keeps to its end
	 */
	public StageRuntime select() {
		Canary canary = this.canary;
		if (canary == null || canary.percentTraffic() <= 0) {
			return this.stage;
		}
		if (canary.percentTraffic() >= 100) {
			return canary.stage();
		}
		return (ThreadLocalRandom.current().nextDouble() * 100 < canary.percentTraffic()) ? canary.stage() : this.stage;
	}

	/**
	 * A stage's canary: the deployment (with its stage variable overrides) that serves a
	 * share of the stage's requests.
	 *
	 * @param stage the canary's runtime
	 * @param percentTraffic the percentage of requests it serves, 0 to 100
	 * @param useStageCache whether its requests share the stage's cache entries
	 */
	public record Canary(StageRuntime stage, double percentTraffic, boolean useStageCache) {

	}

}
