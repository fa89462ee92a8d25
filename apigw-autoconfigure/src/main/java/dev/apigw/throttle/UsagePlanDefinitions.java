package dev.apigw.throttle;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import dev.apigw.definition.InvalidApiDefinitionException;
import dev.apigw.definition.InvalidApiDefinitionException.Problem;
import dev.apigw.model.Api;
import dev.apigw.model.Method;
import dev.apigw.model.MethodSettings;
import dev.apigw.model.QuotaSettings;
import dev.apigw.model.Resource;
import dev.apigw.model.Stage;
import dev.apigw.model.ThrottleSettings;
import dev.apigw.model.UsagePlan;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Builds the usage plans and the account throttle from configuration and checks them
 * against the APIs, reporting every problem at once: throttles with a burst below 1 or a
 * rate not above 0, negative quotas, plans naming an unknown API, stage, method or key, a
 * key in two plans for one stage, and stage method settings that throttle an unknown
 * method. Keys in no plan are only warned about.
 */
public final class UsagePlanDefinitions {

	private static final Log logger = LogFactory.getLog(UsagePlanDefinitions.class);

	private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]{1,128}");

	private static final String SOURCE = "application properties";

	private static final String RUN_TIME_SOURCE = "management API";

	private static final String NO_API = "*";

	private final List<Problem> problems = new ArrayList<>();

	private final Map<String, Api> apis = new LinkedHashMap<>();

	private final String source;

	private final boolean stagesRequired;

	private UsagePlanDefinitions(List<Api> apis, String source, boolean stagesRequired) {
		apis.forEach((api) -> this.apis.put(api.id(), api));
		this.source = source;
		this.stagesRequired = stagesRequired;
	}

	/**
	 * Builds and checks the plans.
	 * @param plans the usage plan properties
	 * @param throttling the account throttle properties
	 * @param apis the APIs served
	 * @param keyIds the ids of the keys defined in configuration, {@code null} when keys
	 * come from a repository the gateway cannot list
	 * @return the plans
	 * @throws InvalidApiDefinitionException listing every problem
	 */
	public static UsagePlans load(UsagePlanProperties plans, ThrottlingProperties throttling, List<Api> apis,
			@Nullable Set<String> keyIds) {
		UsagePlanDefinitions definitions = new UsagePlanDefinitions(apis, SOURCE, true);
		ThrottleSettings account = definitions.throttle("apigw.throttling", NO_API, throttling.getRateLimit(),
				throttling.getBurstLimit());
		List<UsagePlan> built = new ArrayList<>();
		plans.getUsagePlans().forEach((id, plan) -> built.add(definitions.plan(id, plan, keyIds)));
		definitions.checkKeyStages(built);
		apis.forEach(definitions::checkMethodSettings);
		if (!definitions.problems.isEmpty()) {
			throw new InvalidApiDefinitionException(definitions.problems);
		}
		if (keyIds != null) {
			for (String key : keyIds) {
				if (built.stream().noneMatch((plan) -> plan.keys().contains(key))) {
					logger.warn("API key '" + key + "' is in no usage plan (apigw.usage-plans.<id>.keys), so methods "
							+ "that require a key refuse it with 403");
				}
			}
		}
		return new UsagePlans(built, (account != null) ? account : ThrottleSettings.ACCOUNT_DEFAULT);
	}

	/**
	 * Builds and checks one plan made at run time (by the management API) with the checks
	 * and messages of start-up, except that the plan may cover no API stage yet, as on AWS.
	 * Keys are not checked: they are attached to plans at run time through the keys.
	 * @param id the plan id
	 * @param plan the plan's settings
	 * @param apis the APIs served
	 * @return the plan
	 * @throws InvalidApiDefinitionException listing every problem
	 */
	public static UsagePlan check(String id, UsagePlanProperties.Plan plan, List<Api> apis) {
		UsagePlanDefinitions definitions = new UsagePlanDefinitions(apis, RUN_TIME_SOURCE, false);
		UsagePlan built = definitions.plan(id, plan, null);
		if (!definitions.problems.isEmpty()) {
			throw new InvalidApiDefinitionException(definitions.problems);
		}
		return built;
	}

	private UsagePlan plan(String id, UsagePlanProperties.Plan plan, @Nullable Set<String> keyIds) {
		String prefix = "apigw.usage-plans." + id;
		if (!ID.matcher(id).matches()) {
			problem(NO_API, null, null, prefix, "A usage plan id must be 1 to 128 letters, digits, '.', '-' or '_'");
		}
		ThrottleSettings throttle = optionalThrottle(prefix + ".throttle", NO_API, plan.getThrottle());
		QuotaSettings quota = null;
		UsagePlanProperties.Quota settings = plan.getQuota();
		if (settings.getLimit() != null) {
			if (settings.getLimit() < 0) {
				problem(NO_API, null, null, prefix + ".quota.limit", "A quota limit must be 0 or more");
			}
			if (settings.getOffset() < 0 || settings.getOffset() > settings.getLimit()) {
				problem(NO_API, null, null, prefix + ".quota.offset",
						"A quota offset must be between 0 and the limit (" + settings.getLimit() + ")");
			}
			quota = new QuotaSettings(settings.getLimit(), settings.getPeriod(), settings.getOffset());
		}
		else if (settings.getOffset() != 0) {
			problem(NO_API, null, null, prefix + ".quota.offset", "An offset needs a quota limit");
		}
		if (this.stagesRequired && plan.getApiStages().isEmpty()) {
			problem(NO_API, null, null, prefix + ".api-stages",
					"The plan covers no API stage; add api-stages with an api and a stage");
		}
		List<UsagePlan.ApiStage> stages = new ArrayList<>();
		for (int i = 0; i < plan.getApiStages().size(); i++) {
			UsagePlan.ApiStage stage = apiStage(prefix + ".api-stages[" + i + "]", plan.getApiStages().get(i));
			if (stage != null) {
				stages.add(stage);
			}
		}
		for (int i = 0; i < plan.getKeys().size(); i++) {
			String key = plan.getKeys().get(i);
			if (keyIds != null && !keyIds.contains(key)) {
				problem(NO_API, null, null, prefix + ".keys[" + i + "]",
						"Unknown API key '" + key + "'; define it under apigw.api-keys");
			}
		}
		return new UsagePlan(id, plan.getName(), plan.getDescription(), stages, throttle, quota,
				new LinkedHashSet<>(plan.getKeys()));
	}

	private UsagePlan.@Nullable ApiStage apiStage(String prefix, UsagePlanProperties.ApiStage stage) {
		Api api = (stage.getApi() != null) ? this.apis.get(stage.getApi()) : null;
		if (api == null) {
			problem((stage.getApi() != null) ? stage.getApi() : NO_API, null, null, prefix + ".api",
					"Unknown API '" + stage.getApi() + "'; known APIs: " + this.apis.keySet());
			return null;
		}
		if (stage.getStage() == null || !api.stages().containsKey(stage.getStage())) {
			problem(api.id(), null, null, prefix + ".stage",
					"Unknown stage '" + stage.getStage() + "'; stages of " + api.id() + ": " + api.stages().keySet());
			return null;
		}
		Map<String, ThrottleSettings> methods = new LinkedHashMap<>();
		stage.getThrottle().forEach((key, throttle) -> {
			String field = prefix + ".throttle[" + key + "]";
			if (checkMethod(api, key, field)) {
				ThrottleSettings settings = throttle(field, api.id(), throttle.getRateLimit(), throttle.getBurstLimit());
				if (settings != null) {
					methods.put(key, settings);
				}
			}
		});
		return new UsagePlan.ApiStage(api.id(), stage.getStage(), methods);
	}

	/** A method key is {@code /resource/path/VERB} naming a defined method. */
	private boolean checkMethod(Api api, String key, String field) {
		int slash = key.lastIndexOf('/');
		if (!key.startsWith("/") || slash <= 0) {
			problem(api.id(), null, null, field, "'" + key + "' is not /resource/path/VERB; Spring Boot drops '/' "
					+ "from map keys unless they are bracketed: write \"[/pets/GET]\"");
			return false;
		}
		String path = key.substring(0, slash);
		String verb = key.substring(slash + 1);
		Resource resource = api.resource(path);
		if (resource == null) {
			problem(api.id(), path, null, field, "Unknown resource '" + path + "'");
			return false;
		}
		if (!resource.methods().containsKey(verb)
				&& !(Method.HTTP_METHODS.contains(verb) && resource.methods().containsKey("ANY"))) {
			problem(api.id(), path, verb, field, "The resource has no method " + verb);
			return false;
		}
		return true;
	}

	private void checkKeyStages(List<UsagePlan> plans) {
		Map<String, String> owner = new HashMap<>();
		for (UsagePlan plan : plans) {
			for (UsagePlan.ApiStage stage : plan.apiStages()) {
				for (String key : plan.keys()) {
					String other = owner.putIfAbsent(key + " " + stage.apiId() + "/" + stage.stage(), plan.id());
					if (other != null && !other.equals(plan.id())) {
						problem(stage.apiId(), null, null, "apigw.usage-plans." + plan.id() + ".keys",
								"API key '" + key + "' is also in usage plan '" + other + "' for stage "
										+ stage.stage() + "; a key can be in one plan per API stage, as on AWS");
					}
				}
			}
		}
	}

	private void checkMethodSettings(Api api) {
		for (Stage stage : api.stages().values()) {
			stage.methodSettings().forEach((key, settings) -> {
				if (settings.throttlingRateLimit() == null && settings.throttlingBurstLimit() == null) {
					return;
				}
				String field = "stages." + stage.name() + ".method-settings[" + key + "]";
				if (!Stage.ALL_METHODS.equals(key) && !checkMethod(api, key, field)) {
					return;
				}
				checkValues(field + ".throttling-", api.id(), settings);
			});
		}
	}

	private void checkValues(String prefix, String api, MethodSettings settings) {
		if (settings.throttlingRateLimit() != null && !(settings.throttlingRateLimit() > 0)) {
			problem(api, null, null, prefix + "rate-limit", "A rate limit must be greater than 0");
		}
		if (settings.throttlingBurstLimit() != null && settings.throttlingBurstLimit() < 1) {
			problem(api, null, null, prefix + "burst-limit", "A burst limit must be at least 1");
		}
	}

	private @Nullable ThrottleSettings optionalThrottle(String prefix, String api, UsagePlanProperties.Throttle throttle) {
		if (throttle.getRateLimit() == null && throttle.getBurstLimit() == null) {
			return null;
		}
		return throttle(prefix, api, throttle.getRateLimit(), throttle.getBurstLimit());
	}

	private @Nullable ThrottleSettings throttle(String prefix, String api, @Nullable Double rate,
			@Nullable Integer burst) {
		boolean valid = true;
		if (rate == null || !(rate > 0)) {
			problem(api, null, null, prefix + ".rate-limit", "A rate limit must be set and greater than 0");
			valid = false;
		}
		if (burst == null || burst < 1) {
			problem(api, null, null, prefix + ".burst-limit", "A burst limit must be set and at least 1");
			valid = false;
		}
		return valid ? new ThrottleSettings(rate, burst) : null;
	}

	private void problem(String api, @Nullable String resource, @Nullable String method, String field,
			String message) {
		this.problems.add(new Problem(this.source, api, resource, method, field, message));
	}

}
