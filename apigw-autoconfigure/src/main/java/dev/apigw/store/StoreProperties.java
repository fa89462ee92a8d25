package dev.apigw.store;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the gateway keeps state that instances share ({@code apigw.store}): this
 * instance's memory, or Redis.
 */
@ConfigurationProperties("apigw.store")
public class StoreProperties {

	/**
	 * Store for throttles, quotas, usage records, stage response caches, deployment history and stage pointers, Lambda authorizer results and WebSocket connections: MEMORY (this instance only) or REDIS (all of them shared by every instance; needs spring-boot-starter-data-redis-reactive and spring.data.redis.*). A bean of a store type the application declares replaces that store.
	 */
	private Type type = Type.MEMORY;

	/**
	 * Redis store settings.
	 */
	private final Redis redis = new Redis();

	public Type getType() {
		return this.type;
	}

	public void setType(Type type) {
		this.type = type;
	}

	public Redis getRedis() {
		return this.redis;
	}

	/**
	 * The kinds of store.
	 */
	public enum Type {

		/** In this instance's memory. */
		MEMORY,

		/** In Redis, shared by every instance. */
		REDIS

	}

	/**
	 * Redis store settings.
	 */
	public static class Redis {

		/**
		 * Prefix of every Redis key apigw writes. For Redis Cluster use a hash tag, e.g. "{apigw}:".
		 */
		private String keyPrefix = "apigw:";

		/**
		 * Longest a Redis call may take before Redis counts as unavailable.
		 */
		private Duration timeout = Duration.ofMillis(500);

		/**
		 * What to do while Redis is unavailable: LOCAL_FALLBACK (enforce limits with this instance's own counters) or FAIL_CLOSED (answer 503).
		 */
		private FailurePolicy failurePolicy = FailurePolicy.LOCAL_FALLBACK;

		/**
		 * How often to check whether an unavailable Redis is back, and whether an available one lost its data (its marker key is gone).
		 */
		private Duration retryInterval = Duration.ofSeconds(1);

		public String getKeyPrefix() {
			return this.keyPrefix;
		}

		public void setKeyPrefix(String keyPrefix) {
			this.keyPrefix = keyPrefix;
		}

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

		public FailurePolicy getFailurePolicy() {
			return this.failurePolicy;
		}

		public void setFailurePolicy(FailurePolicy failurePolicy) {
			this.failurePolicy = failurePolicy;
		}

		public Duration getRetryInterval() {
			return this.retryInterval;
		}

		public void setRetryInterval(Duration retryInterval) {
			this.retryInterval = retryInterval;
		}

	}

}
