package dev.apigw.actuate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.apigw.definition.ApiDefinitions;
import dev.apigw.definition.InvalidApiDefinitionException;
import dev.apigw.deploy.DeploymentRegistry;
import dev.apigw.model.DeployableApi;
import dev.apigw.model.CanarySettings;
import dev.apigw.model.Deployment;
import dev.apigw.model.StagePointer;
import dev.apigw.model.WebSocketApi;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code deployments} section of the {@code apigw} actuator endpoint: deployment
 * history and stage pointers ({@code GET /actuator/apigw/deployments[/{apiId}]}) of REST and
 * WebSocket APIs, and the management actions, each a {@code POST} with a JSON body (canary
 * actions are for REST APIs only, as on AWS):
 * <ul>
 * <li>{@code /deployments} {@code {apiId, stage?, description?}}: deploys the API's
 * definition as now loaded (a WebSocket API: its start-up definition) (with {@code percentTraffic} and optionally
 * {@code stageVariableOverrides} and {@code useStageCache}: as the stage's canary);
 * {@code stageVariableOverrides} is a JSON object written as a string
 * ({@code "{\"color\":\"blue\"}"}), as the endpoint reads every body field as text;</li>
 * <li>{@code /deployments/rollback} {@code {apiId, stage, deploymentId}};</li>
 * <li>{@code /deployments/canary} {@code {apiId, stage, deploymentId?, percentTraffic?,
 * stageVariableOverrides?, useStageCache?}}: creates or changes the stage's canary;</li>
 * <li>{@code /deployments/canary/promote} and {@code /deployments/canary/cancel}
 * {@code {apiId, stage}}.</li>
 * </ul>
 */
public final class DeploymentsEndpointSection implements ApigwEndpointSection {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final DeploymentRegistry registry;

	private final ApiDefinitions definitions;

	/**
	 * Creates the section.
	 * @param registry the deployments
	 * @param definitions loads the current definitions for new deployments
	 */
	public DeploymentsEndpointSection(DeploymentRegistry registry, ApiDefinitions definitions) {
		this.registry = registry;
		this.definitions = definitions;
	}

	@Override
	public String name() {
		return "deployments";
	}

	@Override
	public @Nullable Object read(List<String> path, Map<String, String> parameters) {
		if (path.isEmpty()) {
			List<Object> items = new ArrayList<>();
			this.registry.definitions().keySet().forEach((apiId) -> items.add(describe(apiId)));
			return Map.of("items", items);
		}
		if (path.size() == 1 && this.registry.definitions().containsKey(path.get(0))) {
			return describe(path.get(0));
		}
		return null;
	}

	@Override
	public @Nullable Object write(List<String> path, Map<String, Object> parameters, String principal) {
		String action = String.join("/", path);
		String apiId = required(parameters, "apiId");
		return switch (action) {
			case "" -> deploy(apiId, parameters, principal);
			case "rollback" -> {
				this.registry.rollback(apiId, required(parameters, "stage"), required(parameters, "deploymentId"),
						principal);
				yield describe(apiId);
			}
			case "canary" -> {
				this.registry.canary(apiId, required(parameters, "stage"), text(parameters, "deploymentId"),
						number(parameters.get("percentTraffic")), overrides(parameters),
						bool(parameters.get("useStageCache")), principal);
				yield describe(apiId);
			}
			case "canary/promote" -> {
				this.registry.promoteCanary(apiId, required(parameters, "stage"), principal);
				yield describe(apiId);
			}
			case "canary/cancel" -> {
				this.registry.cancelCanary(apiId, required(parameters, "stage"), principal);
				yield describe(apiId);
			}
			default -> null;
		};
	}

	private Object deploy(String apiId, Map<String, Object> parameters, String principal) {
		DeployableApi api;
		try {
			// a WebSocket API is defined at start-up only: a new deployment of its definition
			DeployableApi served = this.registry.definitions().get(apiId);
			api = (served instanceof WebSocketApi) ? served : this.definitions.load().stream()
				.filter((candidate) -> candidate.id().equals(apiId)).findFirst()
				.orElseThrow(() -> new IllegalArgumentException("Invalid API identifier specified: no API '" + apiId + "'"));
		}
		catch (InvalidApiDefinitionException ex) {
			throw new IllegalArgumentException(ex.getMessage(), ex);
		}
		Double percent = number(parameters.get("percentTraffic"));
		CanarySettings canary = (percent != null) ? new CanarySettings(percent,
				(overrides(parameters) != null) ? overrides(parameters) : Map.of(),
				Boolean.TRUE.equals(bool(parameters.get("useStageCache")))) : null;
		Deployment deployment = this.registry.deploy(api, text(parameters, "stage"), text(parameters, "description"),
				canary, principal);
		return describe(deployment);
	}

	private Map<String, Object> describe(String apiId) {
		Map<String, Object> description = new LinkedHashMap<>();
		description.put("apiId", apiId);
		Map<String, Object> stages = new LinkedHashMap<>();
		this.registry.stages(apiId).forEach((stage, pointer) -> {
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("deploymentId", pointer.deploymentId());
			StagePointer.Canary canary = pointer.canary();
			if (canary != null) {
				Map<String, Object> settings = new LinkedHashMap<>();
				settings.put("deploymentId", canary.deploymentId());
				settings.put("percentTraffic", canary.percentTraffic());
				settings.put("stageVariableOverrides", canary.stageVariableOverrides());
				settings.put("useStageCache", canary.useStageCache());
				item.put("canarySettings", settings);
			}
			stages.put(stage, item);
		});
		description.put("stages", stages);
		List<Object> items = new ArrayList<>();
		this.registry.deployments(apiId).forEach((deployment) -> items.add(describe(deployment)));
		description.put("deployments", items);
		return description;
	}

	private static Map<String, Object> describe(Deployment deployment) {
		Map<String, Object> item = new LinkedHashMap<>();
		item.put("id", deployment.id());
		item.put("createdDate", deployment.createdDate().toString());
		item.put("description", deployment.description());
		return item;
	}

	private static String required(Map<String, Object> parameters, String name) {
		String value = text(parameters, name);
		if (value == null || value.isEmpty()) {
			throw new IllegalArgumentException(name + " is required");
		}
		return value;
	}

	private static @Nullable String text(Map<String, Object> parameters, String name) {
		Object value = parameters.get(name);
		return (value != null) ? value.toString() : null;
	}

	private static @Nullable Boolean bool(@Nullable Object value) {
		return (value != null) ? Boolean.valueOf(value.toString()) : null;
	}

	private static @Nullable Double number(@Nullable Object value) {
		if (value == null) {
			return null;
		}
		if (value instanceof Number number) {
			return number.doubleValue();
		}
		try {
			return Double.parseDouble(value.toString());
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("percentTraffic must be a number");
		}
	}

	/**
	 * The stage variable overrides: a JSON object (the endpoint hands body fields over as
	 * strings, so an object arrives as its JSON text).
	 */
	private static @Nullable Map<String, String> overrides(Map<String, Object> parameters) {
		Object value = parameters.get("stageVariableOverrides");
		if (value == null) {
			return null;
		}
		Map<String, String> overrides = new LinkedHashMap<>();
		try {
			JsonNode tree = JSON.readTree(value.toString());
			if (!tree.isObject()) {
				throw new IllegalArgumentException("stageVariableOverrides must be a JSON object of names to values");
			}
			tree.properties().forEach((entry) -> overrides.put(entry.getKey(), entry.getValue().asString()));
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("stageVariableOverrides must be a JSON object of names to values");
		}
		return overrides;
	}

}
