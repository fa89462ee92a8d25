package dev.apigw.model;

import java.util.Map;

/**
 * A stage's canary: the share of requests served by the canary deployment, the stage
 * variables only canary requests see, and whether canary requests share the stage cache.
 *
 * @param percentTraffic the percentage of requests the canary serves, 0 to 100
 * @param stageVariableOverrides stage variables replaced or added for canary requests
 * @param useStageCache whether canary requests use (and fill) the stage's cache entries
 */
public record CanarySettings(double percentTraffic, Map<String, String> stageVariableOverrides,
		boolean useStageCache) {

	public CanarySettings {
		stageVariableOverrides = Copies.map(stageVariableOverrides);
	}

}
