package dev.apigw.auth;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * API keys defined in configuration ({@code apigw.api-keys.<name>}). Values come from the
 * environment or a secret through ordinary placeholders; only their SHA-256 hashes are
 * kept.
 */
@ConfigurationProperties("apigw")
public class ApiKeyProperties {

	/**
	 * API keys by name; the name is also the key id ($context.identity.apiKeyId).
	 */
	private Map<String, Key> apiKeys = new LinkedHashMap<>();

	public Map<String, Key> getApiKeys() {
		return this.apiKeys;
	}

	public void setApiKeys(Map<String, Key> apiKeys) {
		this.apiKeys = apiKeys;
	}

	/**
	 * One API key.
	 */
	public static class Key {

		/**
		 * The key's value, at least 20 characters, e.g. "${PARTNER_API_KEY}"; never commit it.
		 */
		private @Nullable String value;

		/**
		 * The SHA-256 of the key's value (64 hex digits), instead of the value.
		 */
		private @Nullable String valueSha256;

		/**
		 * Whether the key is accepted. Keys written in configuration are enabled unless set to false (AWS's CreateApiKey defaults to disabled).
		 */
		private boolean enabled = true;

		/**
		 * Description of the key.
		 */
		private @Nullable String description;

		public @Nullable String getValue() {
			return this.value;
		}

		public void setValue(@Nullable String value) {
			this.value = value;
		}

		public @Nullable String getValueSha256() {
			return this.valueSha256;
		}

		public void setValueSha256(@Nullable String valueSha256) {
			this.valueSha256 = valueSha256;
		}

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public @Nullable String getDescription() {
			return this.description;
		}

		public void setDescription(@Nullable String description) {
			this.description = description;
		}

		@Override
		public String toString() {
			// never the value
			return "Key[enabled=" + this.enabled + ", description=" + this.description + "]";
		}

	}

}
