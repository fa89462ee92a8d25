package dev.apigw.actuate;

import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.apigw.deploy.DeploymentRegistry;
import dev.apigw.model.Api;
import dev.apigw.model.Integration;
import dev.apigw.routing.ResourceRuntime;
import dev.apigw.routing.StageRuntime;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

/**
 * The {@code apigw} actuator endpoint: the APIs served, their stages and deployments,
 * resources and methods, and the {@link ApigwEndpointSection sections} features contribute.
 * Not exposed over HTTP unless the application opts in
 * ({@code management.endpoints.web.exposure.include=apigw}); its write operations are
 * refused unless {@code apigw.endpoint.write-operations-enabled} is also set.
 */
@Endpoint(id = "apigw")
public class ApigwEndpoint {

	private final DeploymentRegistry registry;

	private final Map<String, ApigwEndpointSection> sections = new LinkedHashMap<>();

	private final boolean writesEnabled;

	/**
	 * Creates the endpoint.
	 * @param registry the deployments
	 * @param sections the sections features contribute
	 * @param writesEnabled whether write operations (management actions) are performed
	 */
	public ApigwEndpoint(DeploymentRegistry registry, List<ApigwEndpointSection> sections, boolean writesEnabled) {
		this.registry = registry;
		sections.forEach((section) -> this.sections.put(section.name(), section));
		this.writesEnabled = writesEnabled;
	}

	/**
	 * Every API with its stages, resources and methods.
	 * @return the description
	 */
	@ReadOperation
	public Map<String, Object> apis() {
		Map<String, Map<String, Object>> apis = new LinkedHashMap<>();
		for (StageRuntime stage : this.registry.snapshot().stages()) {
			Map<String, Object> api = apis.computeIfAbsent(stage.api().id(), (id) -> describeApi(stage));
			@SuppressWarnings("unchecked")
			List<Object> stages = (List<Object>) api.get("stages");
			stages.add(describeStage(stage));
		}
		return Map.of("apis", new ArrayList<>(apis.values()));
	}

	/**
	 * One API ({@code /actuator/apigw/{api}}) or a section
	 * ({@code /actuator/apigw/{section}/...}).
	 * @param path the path segments
	 * @param apiId query parameter {@code apiId}
	 * @param stage query parameter {@code stage}
	 * @param keyId query parameter {@code keyId}
	 * @param startDate query parameter {@code startDate}
	 * @param endDate query parameter {@code endDate}
	 * @param format query parameter {@code format}
	 * @param extensions query parameter {@code extensions}
	 * @param accepts query parameter {@code accepts}
	 * @param documentationVersion query parameter {@code documentationVersion}
	 * @return the answer, or {@code null} (404)
	 */
	@ReadOperation
	public @Nullable Object read(@Selector(match = Selector.Match.ALL_REMAINING) String[] path,
			@Nullable String apiId, @Nullable String stage, @Nullable String keyId, @Nullable String startDate,
			@Nullable String endDate, @Nullable String format, @Nullable String extensions, @Nullable String accepts,
			@Nullable String documentationVersion) {
		ApigwEndpointSection section = this.sections.get(path[0]);
		if (section != null) {
			Map<String, String> parameters = new LinkedHashMap<>();
			put(parameters, "apiId", apiId);
			put(parameters, "stage", stage);
			put(parameters, "keyId", keyId);
			put(parameters, "startDate", startDate);
			put(parameters, "endDate", endDate);
			put(parameters, "format", format);
			put(parameters, "extensions", extensions);
			put(parameters, "accepts", accepts);
			put(parameters, "documentationVersion", documentationVersion);
			return section.read(List.of(path).subList(1, path.length), parameters);
		}
		if (path.length != 1) {
			return null;
		}
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> all = (List<Map<String, Object>>) apis().get("apis");
		return all.stream().filter((candidate) -> path[0].equals(candidate.get("id"))).findFirst().orElse(null);
	}

	/**
	 * A management action on a section ({@code POST /actuator/apigw/{section}/...}). Refused
	 * with 403 unless {@code apigw.endpoint.write-operations-enabled} is set.
	 * @param path the path segments
	 * @param apiId body field {@code apiId}
	 * @param stage body field {@code stage}
	 * @param deploymentId body field {@code deploymentId}
	 * @param description body field {@code description}
	 * @param percentTraffic body field {@code percentTraffic}
	 * @param name body field {@code name}
	 * @param value body field {@code value}
	 * @param enabled body field {@code enabled}
	 * @param usagePlanId body field {@code usagePlanId}
	 * @param documentationVersion body field {@code documentationVersion}
	 * @param stageVariableOverrides body field {@code stageVariableOverrides}: a JSON object of names to
	 * values, as a string (the endpoint reads body fields as strings)
	 * @param useStageCache body field {@code useStageCache}
	 * @param principal the caller, when known
	 * @return the answer
	 */
	@WriteOperation
	public WebEndpointResponse<Object> write(@Selector(match = Selector.Match.ALL_REMAINING) String[] path,
			@Nullable String apiId, @Nullable String stage, @Nullable String deploymentId, @Nullable String description,
			@Nullable Double percentTraffic, @Nullable String name, @Nullable String value, @Nullable Boolean enabled,
			@Nullable String usagePlanId, @Nullable String documentationVersion, @Nullable String stageVariableOverrides,
			@Nullable Boolean useStageCache, @Nullable Principal principal) {
		if (!this.writesEnabled) {
			return new WebEndpointResponse<>(Map.of("message",
					"Write operations are disabled; set apigw.endpoint.write-operations-enabled=true and secure the endpoint"),
					403);
		}
		ApigwEndpointSection section = this.sections.get(path[0]);
		if (section == null) {
			return new WebEndpointResponse<>(WebEndpointResponse.STATUS_NOT_FOUND);
		}
		Map<String, Object> parameters = new LinkedHashMap<>();
		put(parameters, "apiId", apiId);
		put(parameters, "stage", stage);
		put(parameters, "deploymentId", deploymentId);
		put(parameters, "description", description);
		put(parameters, "percentTraffic", percentTraffic);
		put(parameters, "name", name);
		put(parameters, "value", value);
		put(parameters, "enabled", enabled);
		put(parameters, "usagePlanId", usagePlanId);
		put(parameters, "documentationVersion", documentationVersion);
		put(parameters, "stageVariableOverrides", stageVariableOverrides);
		put(parameters, "useStageCache", useStageCache);
		try {
			Object result = section.write(List.of(path).subList(1, path.length), parameters,
					(principal != null) ? principal.getName() : "anonymous");
			return (result != null) ? new WebEndpointResponse<>(result)
					: new WebEndpointResponse<>(WebEndpointResponse.STATUS_NOT_FOUND);
		}
		catch (UnsupportedOperationException ex) {
			return new WebEndpointResponse<>(Map.of("message", String.valueOf(ex.getMessage())), 405);
		}
		catch (IllegalArgumentException ex) {
			return new WebEndpointResponse<>(Map.of("message", String.valueOf(ex.getMessage())),
					WebEndpointResponse.STATUS_BAD_REQUEST);
		}
	}

	private static <V> void put(Map<String, V> map, String key, @Nullable V value) {
		if (value != null) {
			map.put(key, value);
		}
	}

	private static Map<String, Object> describeApi(StageRuntime stage) {
		Api api = stage.api();
		Map<String, Object> description = new LinkedHashMap<>();
		description.put("id", api.id());
		description.put("title", api.title());
		description.put("description", api.description());
		description.put("source", api.source());
		description.put("basePath", (api.basePath() != null) ? api.basePath() : "/" + api.id());
		description.put("host", api.host());
		description.put("stages", new ArrayList<>());
		List<Object> resources = new ArrayList<>();
		for (var resource : api.resources()) {
			Map<String, Object> methods = new LinkedHashMap<>();
			resource.methods().forEach((verb, method) -> methods.put(verb, describeMethod(method.integration(),
					method.apiKeyRequired(), method.authorizationType().name())));
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("path", resource.path());
			item.put("methods", methods);
			resources.add(item);
		}
		description.put("resources", resources);
		return description;
	}

	private static Map<String, Object> describeMethod(@Nullable Integration integration, boolean apiKeyRequired,
			String authorization) {
		Map<String, Object> method = new LinkedHashMap<>();
		method.put("authorizationType", authorization);
		method.put("apiKeyRequired", apiKeyRequired);
		if (integration != null) {
			Map<String, Object> target = new LinkedHashMap<>();
			target.put("type", integration.type().name());
			target.put("uri", integration.uri());
			target.put("httpMethod", integration.httpMethod());
			target.put("timeoutInMillis", integration.timeout().toMillis());
			method.put("integration", target);
		}
		return method;
	}

	private static Map<String, Object> describeStage(StageRuntime stage) {
		Map<String, Object> description = new LinkedHashMap<>();
		description.put("name", stage.stageName());
		description.put("deploymentId", stage.deploymentId());
		description.put("deployedAt", stage.deployedAt().toString());
		description.put("variables", stage.stage().variables());
		Map<String, String> resourceIds = new LinkedHashMap<>();
		for (ResourceRuntime resource : stage.resourceList()) {
			resourceIds.put(resource.path(), resource.id());
		}
		description.put("resourceIds", resourceIds);
		return description;
	}

}
