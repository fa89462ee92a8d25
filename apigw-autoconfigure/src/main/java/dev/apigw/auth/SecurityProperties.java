package dev.apigw.auth;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Gateway-wide settings of access control ("apigw.security"): which proxies may tell the
 * client address, how Lambda authorizers run and how many results are cached, and how much
 * clock skew JWT time claims are given.
 */
@ConfigurationProperties("apigw.security")
public class SecurityProperties {

	/**
	 * Addresses or CIDR blocks of proxies whose X-Forwarded-For is believed for the client address ($context.identity.sourceIp, aws:SourceIp in resource policies). X-Forwarded-For from any other peer is ignored.
	 */
	private List<String> trustedProxies = new ArrayList<>();

	/**
	 * How Lambda authorizer functions run.
	 */
	private final Authorizers authorizers = new Authorizers();

	/**
	 * How Cognito-style (COGNITO_USER_POOLS) authorizers judge JWTs.
	 */
	private final Jwt jwt = new Jwt();

	public List<String> getTrustedProxies() {
		return this.trustedProxies;
	}

	public void setTrustedProxies(List<String> trustedProxies) {
		this.trustedProxies = trustedProxies;
	}

	public Authorizers getAuthorizers() {
		return this.authorizers;
	}

	public Jwt getJwt() {
		return this.jwt;
	}

	/**
	 * How Cognito-style authorizers judge JWTs.
	 */
	public static class Jwt {

		/**
		 * Clock skew allowed when checking a JWT's time claims on the gateway's clock: a token is accepted up to this long after its exp, and refused when its nbf or iat is further than this in the future (Spring Security's default).
		 */
		private Duration clockSkew = Duration.ofSeconds(60);

		public Duration getClockSkew() {
			return this.clockSkew;
		}

		public void setClockSkew(Duration clockSkew) {
			if (clockSkew.isNegative()) {
				throw new IllegalArgumentException("apigw.security.jwt.clock-skew must not be negative, was " + clockSkew);
			}
			this.clockSkew = clockSkew;
		}

	}

	/**
	 * Lambda authorizer invocations and their result cache.
	 */
	public static class Authorizers {

		/**
		 * Most authorizer functions running at once (threads of their bounded scheduler, off the event loop).
		 */
		private int threads = 4 * Runtime.getRuntime().availableProcessors();

		/**
		 * Most invocations waiting for a thread; beyond it requests are answered 500 (AUTHORIZER_FAILURE).
		 */
		private int queueCapacity = 1000;

		/**
		 * Longest time an authorizer function may take before the request is answered 500 (AUTHORIZER_FAILURE).
		 */
		private Duration timeout = Duration.ofSeconds(10);

		/**
		 * Most authorizer results kept by the in-memory result cache (apigw.store.type=memory; Redis is bounded by its own maxmemory).
		 */
		private long cacheMaximumSize = 10_000;

		public int getThreads() {
			return this.threads;
		}

		public void setThreads(int threads) {
			this.threads = threads;
		}

		public int getQueueCapacity() {
			return this.queueCapacity;
		}

		public void setQueueCapacity(int queueCapacity) {
			this.queueCapacity = queueCapacity;
		}

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

		public long getCacheMaximumSize() {
			return this.cacheMaximumSize;
		}

		public void setCacheMaximumSize(long cacheMaximumSize) {
			this.cacheMaximumSize = cacheMaximumSize;
		}

	}

}
