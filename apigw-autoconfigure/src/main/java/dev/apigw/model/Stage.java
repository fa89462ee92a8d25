package dev.apigw.model;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A stage of an API: a named, addressable deployment with its variables and settings.
 *
 * @param name the stage name (alphanumerics, {@code -} and {@code _})
 * @param description a description
 * @param variables stage variables, usable in URIs, mappings and templates
 * @param methodSettings method setting key ({@code /pets/GET} or {@code * / *}) to settings
 * @param cacheCluster the stage's response cache
 * @param canarySettings the canary the stage starts with, {@code null} for none
 * @param accessLogSettings the stage's access log, {@code null} for none
 * @param tracingEnabled whether requests of the stage are observed (traced) phase by phase
 * @param clientCertificate the name of the Spring Boot SSL bundle whose certificate the
 * stage presents to its HTTP backends (AWS's {@code clientCertificateId}); {@code null} for
 * none
 */
public record Stage(String name, @Nullable String description, Map<String, String> variables,
		Map<String, MethodSettings> methodSettings, CacheClusterSettings cacheCluster,
		@Nullable CanarySettings canarySettings, @Nullable AccessLogSettings accessLogSettings,
		boolean tracingEnabled, @Nullable String clientCertificate) {

	/** The method settings key that applies to every method. */
	public static final String ALL_METHODS = "*/*";

	public Stage {
		variables = Copies.map(variables);
		methodSettings = Copies.map(methodSettings);
	}

	/**
	 * A stage with variables and method settings, and no cache, canary, access log or client
	 * certificate.
	 * @param name the name
	 * @param description a description
	 * @param variables the variables
	 * @param methodSettings the method settings
	 */
	public Stage(String name, @Nullable String description, Map<String, String> variables,
			Map<String, MethodSettings> methodSettings) {
		this(name, description, variables, methodSettings, CacheClusterSettings.DISABLED, null, null, true, null);
	}

	/**
	 * A stage with variables only.
	 * @param name the name
	 * @param variables the variables
	 * @return the stage
	 */
	public static Stage of(String name, Map<String, String> variables) {
		return new Stage(name, null, variables, Map.of());
	}

	/**
	 * Starts a builder.
	 * @param name the stage name
	 * @return a builder
	 */
	public static Builder builder(String name) {
		return new Builder(name);
	}

	/**
	 * A builder seeded with this stage's values.
	 * @return a builder
	 */
	public Builder toBuilder() {
		Builder builder = new Builder(this.name).description(this.description)
			.cacheCluster(this.cacheCluster)
			.canarySettings(this.canarySettings)
			.accessLogSettings(this.accessLogSettings)
			.tracingEnabled(this.tracingEnabled)
			.clientCertificate(this.clientCertificate);
		builder.variables.putAll(this.variables);
		builder.methodSettings.putAll(this.methodSettings);
		return builder;
	}

	/**
	 * The same stage with some variables replaced or added, as a canary sees it.
	 * @param overrides the variables to replace or add
	 * @return the stage, this one when there is nothing to override
	 */
	public Stage withVariableOverrides(Map<String, String> overrides) {
		if (overrides.isEmpty()) {
			return this;
		}
		Builder builder = toBuilder();
		builder.variables.putAll(overrides);
		return builder.build();
	}

	/**
	 * The settings of a method: its own, with what they leave unset taken from the
	 * {@code * / *} setting.
	 * @param resourcePath the resource path template
	 * @param httpMethod the method's verb
	 * @return the settings, {@link MethodSettings#NONE} when none apply
	 */
	public MethodSettings methodSettings(String resourcePath, String httpMethod) {
		MethodSettings own = this.methodSettings.get(resourcePath + "/" + httpMethod);
		MethodSettings all = this.methodSettings.get(ALL_METHODS);
		if (own == null) {
			return (all != null) ? all : MethodSettings.NONE;
		}
		return (all != null) ? own.orElse(all) : own;
	}

	/**
	 * Builds {@link Stage}s.
	 */
	public static final class Builder {

		private final String name;

		private @Nullable String description;

		private final Map<String, String> variables = new LinkedHashMap<>();

		private final Map<String, MethodSettings> methodSettings = new LinkedHashMap<>();

		private CacheClusterSettings cacheCluster = CacheClusterSettings.DISABLED;

		private @Nullable CanarySettings canarySettings;

		private @Nullable AccessLogSettings accessLogSettings;

		private boolean tracingEnabled = true;

		private @Nullable String clientCertificate;

		private Builder(String name) {
			this.name = name;
		}

		public Builder description(@Nullable String description) {
			this.description = description;
			return this;
		}

		public Builder variables(Map<String, String> variables) {
			this.variables.putAll(variables);
			return this;
		}

		public Builder variable(String name, String value) {
			this.variables.put(name, value);
			return this;
		}

		public Builder methodSettings(String key, MethodSettings settings) {
			this.methodSettings.put(key, settings);
			return this;
		}

		public Builder cacheCluster(CacheClusterSettings cacheCluster) {
			this.cacheCluster = cacheCluster;
			return this;
		}

		public Builder canarySettings(@Nullable CanarySettings canarySettings) {
			this.canarySettings = canarySettings;
			return this;
		}

		public Builder accessLogSettings(@Nullable AccessLogSettings accessLogSettings) {
			this.accessLogSettings = accessLogSettings;
			return this;
		}

		public Builder tracingEnabled(boolean tracingEnabled) {
			this.tracingEnabled = tracingEnabled;
			return this;
		}

		public Builder clientCertificate(@Nullable String clientCertificate) {
			this.clientCertificate = clientCertificate;
			return this;
		}

		public Stage build() {
			return new Stage(this.name, this.description, this.variables, this.methodSettings, this.cacheCluster,
					this.canarySettings, this.accessLogSettings, this.tracingEnabled, this.clientCertificate);
		}

	}

}
