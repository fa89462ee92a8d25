package dev.apigw.cache;

import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The stage response caches ({@code apigw.cache}); which stages and methods cache is part
 * of each API's stage settings.
 */
@ConfigurationProperties("apigw.cache")
public class CacheProperties {

	/**
	 * Largest response body that is cached (AWS: 1048576 bytes).
	 */
	private DataSize maxResponseSize = DataSize.ofBytes(1_048_576);

	/**
	 * Who may invalidate cache entries with "Cache-Control: max-age=0" where method settings require authorization for it (AWS's execute-api:InvalidateCache).
	 */
	private final Invalidation invalidation = new Invalidation();

	public DataSize getMaxResponseSize() {
		return this.maxResponseSize;
	}

	public void setMaxResponseSize(DataSize maxResponseSize) {
		this.maxResponseSize = maxResponseSize;
	}

	public Invalidation getInvalidation() {
		return this.invalidation;
	}

	/**
	 * Callers allowed to invalidate cache entries.
	 */
	public static class Invalidation {

		/**
		 * Ids of API keys ($context.identity.apiKeyId) whose callers may invalidate.
		 */
		private Set<String> apiKeys = new LinkedHashSet<>();

		/**
		 * Principals that may invalidate: an authorizer's principalId, or $context.identity.user, userArn or caller.
		 */
		private Set<String> principals = new LinkedHashSet<>();

		public Set<String> getApiKeys() {
			return this.apiKeys;
		}

		public void setApiKeys(Set<String> apiKeys) {
			this.apiKeys = apiKeys;
		}

		public Set<String> getPrincipals() {
			return this.principals;
		}

		public void setPrincipals(Set<String> principals) {
			this.principals = principals;
		}

	}

}
