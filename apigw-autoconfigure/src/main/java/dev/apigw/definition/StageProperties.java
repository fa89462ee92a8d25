package dev.apigw.definition;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.util.unit.DataSize;

/**
 * Configuration of one stage of a REST API ("apigw.apis.<id>.stages.<name>"): its description
 * and variables, as every stage has them, and the settings only REST stages have.
 */
public class StageProperties extends CommonStageProperties {

	/**
	 * Settings for one method or, with resource path and HTTP method "*", for all methods.
	 */
	private List<MethodSettingsProperties> methodSettings = new ArrayList<>();

	/**
	 * Name of the SSL bundle (spring.ssl.bundle.*) whose certificate the stage presents to its HTTP backends, so they can check calls come from the gateway (AWS's client certificate).
	 */
	private @Nullable String clientCertificate;

	/**
	 * Whether the stage has a response cache; methods opt in with method settings (caching-enabled), GET methods through the "*" setting.
	 */
	private boolean cacheClusterEnabled;

	/**
	 * Most bytes of responses the stage cache holds in memory (keys, headers and bodies). AWS sizes its cache clusters in GB.
	 */
	private DataSize cacheClusterSize = DataSize.ofMegabytes(64);

	/**
	 * The canary the stage starts with: a share of requests served with other stage variables (and by the canary deployment once one is made at runtime).
	 */
	private @Nullable CanaryProperties canarySettings;

	/**
	 * The stage's access log.
	 */
	private @Nullable AccessLogProperties accessLogSettings;

	/**
	 * Whether requests of the stage are observed phase by phase (Micrometer observations: spans with a tracer, timers with a meter registry).
	 */
	private boolean tracingEnabled = true;

	public boolean isCacheClusterEnabled() {
		return this.cacheClusterEnabled;
	}

	public void setCacheClusterEnabled(boolean cacheClusterEnabled) {
		this.cacheClusterEnabled = cacheClusterEnabled;
	}

	public DataSize getCacheClusterSize() {
		return this.cacheClusterSize;
	}

	public void setCacheClusterSize(DataSize cacheClusterSize) {
		this.cacheClusterSize = cacheClusterSize;
	}

	public @Nullable CanaryProperties getCanarySettings() {
		return this.canarySettings;
	}

	public void setCanarySettings(@Nullable CanaryProperties canarySettings) {
		this.canarySettings = canarySettings;
	}

	public @Nullable AccessLogProperties getAccessLogSettings() {
		return this.accessLogSettings;
	}

	public void setAccessLogSettings(@Nullable AccessLogProperties accessLogSettings) {
		this.accessLogSettings = accessLogSettings;
	}

	public boolean isTracingEnabled() {
		return this.tracingEnabled;
	}

	public void setTracingEnabled(boolean tracingEnabled) {
		this.tracingEnabled = tracingEnabled;
	}

	public List<MethodSettingsProperties> getMethodSettings() {
		return this.methodSettings;
	}

	public void setMethodSettings(List<MethodSettingsProperties> methodSettings) {
		this.methodSettings = methodSettings;
	}

	public @Nullable String getClientCertificate() {
		return this.clientCertificate;
	}

	public void setClientCertificate(@Nullable String clientCertificate) {
		this.clientCertificate = clientCertificate;
	}

}
