package dev.apigw.definition;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import dev.apigw.model.AccessLogSettings;
import dev.apigw.model.CacheClusterSettings;
import dev.apigw.model.CanarySettings;
import dev.apigw.model.MethodSettings;
import dev.apigw.model.Stage;

/**
 * Converts stages of REST and WebSocket APIs to the model and checks them, with one set of
 * rules for both: AWS's names of stages and stage variables, values of stage variables, and
 * the settings only REST stages have (method settings, cache, canary, access log).
 */
public final class StageMapper {

	private static final Pattern STAGE_NAME = Pattern.compile("[A-Za-z0-9_-]{1,128}");

	private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z0-9_]{1,64}");

	private static final Pattern VARIABLE_VALUE = Pattern.compile("[A-Za-z0-9\\-._~:/?#&=,]{1,512}");

	private static final List<String> ACCESS_LOG_PRESETS = List.of("CLF", "JSON", "XML", "CSV");

	private StageMapper() {
	}

	/**
	 * Converts what every stage has: its description and variables (a WebSocket API's
	 * stage).
	 * @param name the stage name
	 * @param stage the stage's properties
	 * @return the stage, with the defaults of the REST-only settings
	 */
	public static Stage toStage(String name, CommonStageProperties stage) {
		return builder(name, stage).build();
	}

	/**
	 * Converts a REST API's stage with all its settings.
	 * @param name the stage name
	 * @param stage the stage's properties
	 * @return the stage
	 */
	static Stage toRestStage(String name, StageProperties stage) {
		Stage.Builder builder = builder(name, stage)
			.cacheCluster(new CacheClusterSettings(stage.isCacheClusterEnabled(), stage.getCacheClusterSize().toBytes()))
			.tracingEnabled(stage.isTracingEnabled())
			.clientCertificate(stage.getClientCertificate());
		for (MethodSettingsProperties setting : stage.getMethodSettings()) {
			String key = "*".equals(setting.getResourcePath()) ? Stage.ALL_METHODS
					: setting.getResourcePath() + "/" + setting.getHttpMethod().toUpperCase(Locale.ROOT);
			builder.methodSettings(key, new MethodSettings(setting.getThrottlingRateLimit(),
					setting.getThrottlingBurstLimit(), setting.getCachingEnabled(), setting.getCacheTtl(),
					setting.getRequireAuthorizationForCacheControl(), setting.getMetricsEnabled(),
					setting.getUnauthorizedCacheControlHeaderStrategy()));
		}
		CanaryProperties canary = stage.getCanarySettings();
		if (canary != null) {
			builder.canarySettings(new CanarySettings(canary.getPercentTraffic(), canary.getStageVariableOverrides(),
					canary.isUseStageCache()));
		}
		AccessLogProperties accessLog = stage.getAccessLogSettings();
		if (accessLog != null) {
			// a missing format is kept as "null" text, so that the check below names the field
			builder.accessLogSettings(new AccessLogSettings(String.valueOf(accessLog.getFormat()),
					accessLog.getDestination()));
		}
		return builder.build();
	}

	private static Stage.Builder builder(String name, CommonStageProperties stage) {
		return Stage.builder(name).description(stage.getDescription()).variables(stage.getVariables());
	}

	/**
	 * Checks an API's stages: there is at least one, and each follows AWS's rules.
	 * @param stages the stages by name
	 * @param problems receives the problems, with fields relative to the API
	 * ({@code stages}, {@code stages.dev.variables.name}, ...)
	 */
	public static void checkStages(Map<String, Stage> stages, ProblemSink problems) {
		if (stages.isEmpty()) {
			problems.add("stages", "The API has no stage, so nothing would serve it; add one under stages");
		}
		stages.values().forEach((stage) -> check(stage, problems.under("stages." + stage.name())));
	}

	private static void check(Stage stage, ProblemSink problems) {
		if (!STAGE_NAME.matcher(stage.name()).matches()) {
			problems.add("", "A stage name must be 1 to 128 letters, digits, '-' or '_'");
		}
		stage.variables().forEach((name, value) -> {
			if (!VARIABLE_NAME.matcher(name).matches()) {
				problems.add("variables." + name, "A stage variable name must be 1 to 64 letters, digits or '_'");
			}
			if (value == null || !VARIABLE_VALUE.matcher(value).matches()) {
				problems.add("variables." + name,
						"A stage variable value must be 1 to 512 of the characters A-Z a-z 0-9 - . _ ~ : / ? # & = ,");
			}
		});
		stage.methodSettings().forEach((key, settings) -> {
			Duration ttl = settings.cacheTtl();
			if (ttl != null && (ttl.isNegative() || ttl.compareTo(MethodSettings.MAX_CACHE_TTL) > 0)) {
				problems.add("method-settings[" + key + "].cache-ttl",
						"A cache time to live must be 0 to 3600 seconds (0 disables caching)");
			}
		});
		if (stage.cacheCluster().sizeBytes() <= 0) {
			problems.add("cache-cluster-size", "The cache size must be greater than 0");
		}
		CanarySettings canary = stage.canarySettings();
		if (canary != null) {
			if (!(canary.percentTraffic() >= 0 && canary.percentTraffic() <= 100)) {
				problems.add("canary-settings.percent-traffic", "The canary's percent traffic must be 0 to 100");
			}
			canary.stageVariableOverrides().forEach((name, value) -> {
				if (!VARIABLE_NAME.matcher(name).matches() || value == null
						|| !VARIABLE_VALUE.matcher(value).matches()) {
					problems.add("canary-settings.stage-variable-overrides." + name,
							"A stage variable override follows the rules of stage variables: names of 1 to 64 "
									+ "letters, digits or '_', values of 1 to 512 of A-Z a-z 0-9 - . _ ~ : / ? # & = ,");
				}
			});
		}
		AccessLogSettings accessLog = stage.accessLogSettings();
		if (accessLog == null) {
			return;
		}
		if (accessLog.format().isBlank() || "null".equals(accessLog.format())) {
			problems.add("access-log-settings.format", "Access Log value must not be empty");
		}
		else if (!ACCESS_LOG_PRESETS.contains(accessLog.format().trim().toUpperCase(Locale.ROOT))
				&& !accessLog.format().contains("$context.requestId")
				&& !accessLog.format().contains("$context.extendedRequestId")) {
			problems.add("access-log-settings.format",
					"The access log format must include $context.requestId (or $context.extendedRequestId), so "
							+ "every line is unique; or name a preset: CLF, JSON, XML, CSV");
		}
	}

}
