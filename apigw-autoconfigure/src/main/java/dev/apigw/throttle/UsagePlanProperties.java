package dev.apigw.throttle;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.apigw.model.QuotaPeriod;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Usage plans ({@code apigw.usage-plans.<id>}): the API stages they cover, their throttle
 * and quota per API key, and the keys attached to them.
 */
@ConfigurationProperties("apigw")
public class UsagePlanProperties {

	/**
	 * Usage plans by id. The id appears in usage reports and metrics.
	 */
	private Map<String, Plan> usagePlans = new LinkedHashMap<>();

	public Map<String, Plan> getUsagePlans() {
		return this.usagePlans;
	}

	public void setUsagePlans(Map<String, Plan> usagePlans) {
		this.usagePlans = usagePlans;
	}

	/**
	 * One usage plan.
	 */
	public static class Plan {

		/**
		 * Human-readable name of the plan.
		 */
		private @Nullable String name;

		/**
		 * Description of the plan.
		 */
		private @Nullable String description;

		/**
		 * API stages the plan covers; a key of the plan is accepted on these stages only.
		 */
		private List<ApiStage> apiStages = new ArrayList<>();

		/**
		 * Throttle per API key on every covered method without a method throttle.
		 */
		private Throttle throttle = new Throttle();

		/**
		 * Quota per API key.
		 */
		private Quota quota = new Quota();

		/**
		 * Names of the API keys (apigw.api-keys.<name>) attached to the plan.
		 */
		private List<String> keys = new ArrayList<>();

		public @Nullable String getName() {
			return this.name;
		}

		public void setName(@Nullable String name) {
			this.name = name;
		}

		public @Nullable String getDescription() {
			return this.description;
		}

		public void setDescription(@Nullable String description) {
			this.description = description;
		}

		public List<ApiStage> getApiStages() {
			return this.apiStages;
		}

		public void setApiStages(List<ApiStage> apiStages) {
			this.apiStages = apiStages;
		}

		public Throttle getThrottle() {
			return this.throttle;
		}

		public void setThrottle(Throttle throttle) {
			this.throttle = throttle;
		}

		public Quota getQuota() {
			return this.quota;
		}

		public void setQuota(Quota quota) {
			this.quota = quota;
		}

		public List<String> getKeys() {
			return this.keys;
		}

		public void setKeys(List<String> keys) {
			this.keys = keys;
		}

	}

	/**
	 * An API stage covered by a plan.
	 */
	public static class ApiStage {

		/**
		 * Id of the API.
		 */
		private @Nullable String api;

		/**
		 * Name of the stage.
		 */
		private @Nullable String stage;

		/**
		 * Per-method throttles by "/resource/path/VERB"; write keys in brackets, e.g. "[/pets/GET]".
		 */
		private Map<String, Throttle> throttle = new LinkedHashMap<>();

		public @Nullable String getApi() {
			return this.api;
		}

		public void setApi(@Nullable String api) {
			this.api = api;
		}

		public @Nullable String getStage() {
			return this.stage;
		}

		public void setStage(@Nullable String stage) {
			this.stage = stage;
		}

		public Map<String, Throttle> getThrottle() {
			return this.throttle;
		}

		public void setThrottle(Map<String, Throttle> throttle) {
			this.throttle = throttle;
		}

	}

	/**
	 * A token bucket: a rate and a burst.
	 */
	public static class Throttle {

		/**
		 * Steady-state requests per second.
		 */
		private @Nullable Double rateLimit;

		/**
		 * Burst: the bucket's capacity in requests.
		 */
		private @Nullable Integer burstLimit;

		public @Nullable Double getRateLimit() {
			return this.rateLimit;
		}

		public void setRateLimit(@Nullable Double rateLimit) {
			this.rateLimit = rateLimit;
		}

		public @Nullable Integer getBurstLimit() {
			return this.burstLimit;
		}

		public void setBurstLimit(@Nullable Integer burstLimit) {
			this.burstLimit = burstLimit;
		}

	}

	/**
	 * A quota: requests per key and period.
	 */
	public static class Quota {

		/**
		 * Requests one API key may make per period; no quota when not set.
		 */
		private @Nullable Long limit;

		/**
		 * Period the limit applies to, in UTC: DAY, WEEK (from Monday) or MONTH.
		 */
		private QuotaPeriod period = QuotaPeriod.MONTH;

		/**
		 * Requests subtracted from the limit in the plan's first period.
		 */
		private long offset;

		public @Nullable Long getLimit() {
			return this.limit;
		}

		public void setLimit(@Nullable Long limit) {
			this.limit = limit;
		}

		public QuotaPeriod getPeriod() {
			return this.period;
		}

		public void setPeriod(QuotaPeriod period) {
			this.period = period;
		}

		public long getOffset() {
			return this.offset;
		}

		public void setOffset(long offset) {
			this.offset = offset;
		}

	}

}
