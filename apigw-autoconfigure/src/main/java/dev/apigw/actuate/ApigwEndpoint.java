package dev.apigw.actuate;

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

/**
 * The {@code apigw} actuator endpoint: the APIs served, their stages and deployments,
 * resources and methods. Not exposed over HTTP unless the application opts in
 * ({@code management.endpoints.web.exposure.include=apigw}).
 */
@Endpoint(id = "apigw")
public class ApigwEndpoint {

	private final DeploymentRegistry registry;

	/**
	 * Creates the endpoint.
	 * @param registry the deployments
	 */
	public ApigwEndpoint(DeploymentRegistry registry) {
		this.registry = registry;
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
	 * One API.
	 * @param api the API id
	 * @return the description, or {@code null} (404) when there is no such API
	 */
	@ReadOperation
	public @Nullable Map<String, Object> api(@Selector String api) {
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> all = (List<Map<String, Object>>) apis().get("apis");
		return all.stream().filter((candidate) -> api.equals(candidate.get("id"))).findFirst().orElse(null);
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
