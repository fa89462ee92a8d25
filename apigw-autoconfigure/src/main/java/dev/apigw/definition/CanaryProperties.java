package dev.apigw.definition;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A stage's canary ("apigw.apis.<id>.stages.<name>.canary-settings").
 */
public class CanaryProperties {

	/**
	 * Percentage of requests the canary serves (0 to 100).
	 */
	private double percentTraffic;

	/**
	 * Stage variables replaced or added for canary requests.
	 */
	private Map<String, String> stageVariableOverrides = new LinkedHashMap<>();

	/**
	 * Whether canary requests use the stage's cache entries.
	 */
	private boolean useStageCache;

	public double getPercentTraffic() {
		return this.percentTraffic;
	}

	public void setPercentTraffic(double percentTraffic) {
		this.percentTraffic = percentTraffic;
	}

	public Map<String, String> getStageVariableOverrides() {
		return this.stageVariableOverrides;
	}

	public void setStageVariableOverrides(Map<String, String> stageVariableOverrides) {
		this.stageVariableOverrides = stageVariableOverrides;
	}

	public boolean isUseStageCache() {
		return this.useStageCache;
	}

	public void setUseStageCache(boolean useStageCache) {
		this.useStageCache = useStageCache;
	}

}
