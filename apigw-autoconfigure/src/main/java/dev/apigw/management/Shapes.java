package dev.apigw.management;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.apigw.model.Api;
import dev.apigw.model.Deployment;
import dev.apigw.model.Stage;
import dev.apigw.model.StagePointer;
import org.jspecify.annotations.Nullable;

/**
 * AWS's JSON shapes of the management API's resources ({@code RestApi},
 * {@code Deployment}, {@code Stage}) and of its paged lists, as maps to serialise. Dates
 * are epoch seconds, as AWS's REST JSON protocol sends them.
 */
final class Shapes {

	private static final int DEFAULT_LIMIT = 25;

	private static final int MAX_LIMIT = 500;

	private Shapes() {
	}

	static Map<String, Object> restApi(Api api, @Nullable Instant created, List<String> warnings) {
		Map<String, Object> shape = new LinkedHashMap<>();
		shape.put("id", api.id());
		shape.put("name", (api.title() != null) ? api.title() : api.id());
		putIfNotNull(shape, "description", api.description());
		putIfNotNull(shape, "createdDate", (created != null) ? created.getEpochSecond() : null);
		putIfNotNull(shape, "version", api.version());
		if (!warnings.isEmpty()) {
			shape.put("warnings", warnings);
		}
		if (!api.binaryMediaTypes().isEmpty()) {
			shape.put("binaryMediaTypes", api.binaryMediaTypes());
		}
		shape.put("apiKeySource", api.apiKeySource().name());
		shape.put("endpointConfiguration", Map.of("types", List.of("REGIONAL")));
		putIfNotNull(shape, "policy", api.policy());
		shape.put("tags", Map.of("apigw:source", api.source()));
		shape.put("disableExecuteApiEndpoint", false);
		return shape;
	}

	static Map<String, Object> deployment(Deployment deployment) {
		Map<String, Object> shape = new LinkedHashMap<>();
		shape.put("id", deployment.id());
		putIfNotNull(shape, "description", deployment.description());
		shape.put("createdDate", deployment.createdDate().getEpochSecond());
		return shape;
	}

	/**
	 * A stage as it is served: the settings of the stage in the deployment it points at.
	 * @param name the stage name
	 * @param pointer where it points
	 * @param served the deployment it serves
	 * @return the shape
	 */
	static Map<String, Object> stage(String name, StagePointer pointer, Deployment served) {
		Stage stage = served.definition().stages().get(name);
		Map<String, Object> shape = new LinkedHashMap<>();
		shape.put("deploymentId", pointer.deploymentId());
		shape.put("stageName", name);
		if (stage != null) {
			putIfNotNull(shape, "description", stage.description());
			shape.put("cacheClusterEnabled", stage.cacheCluster().enabled());
			shape.put("cacheClusterStatus", stage.cacheCluster().enabled() ? "AVAILABLE" : "NOT_AVAILABLE");
			shape.put("variables", stage.variables());
			shape.put("tracingEnabled", stage.tracingEnabled());
			putIfNotNull(shape, "clientCertificateId", stage.clientCertificate());
		}
		StagePointer.Canary canary = pointer.canary();
		if (canary != null) {
			Map<String, Object> settings = new LinkedHashMap<>();
			settings.put("deploymentId", canary.deploymentId());
			settings.put("percentTraffic", canary.percentTraffic());
			settings.put("stageVariableOverrides", canary.stageVariableOverrides());
			settings.put("useStageCache", canary.useStageCache());
			shape.put("canarySettings", settings);
		}
		shape.put("createdDate", served.createdDate().getEpochSecond());
		shape.put("lastUpdatedDate", served.createdDate().getEpochSecond());
		return shape;
	}

	/**
	 * One page of a list, as AWS pages: {@code item} and, when more follow, the
	 * {@code position} to ask for next.
	 * @param items every item, in a stable order
	 * @param request the call, with its {@code position} and {@code limit}
	 * @return the page
	 */
	static Map<String, Object> page(List<?> items, ManagementRequest request) {
		int from = number(request.query().getFirst("position"), 0, Integer.MAX_VALUE, "position");
		int limit = number(request.query().getFirst("limit"), DEFAULT_LIMIT, MAX_LIMIT, "limit");
		int to = (int) Math.min(items.size(), (long) from + limit);
		Map<String, Object> page = new LinkedHashMap<>();
		page.put("item", (from < items.size()) ? items.subList(from, to) : List.of());
		if (to < items.size()) {
			page.put("position", String.valueOf(to));
		}
		return page;
	}

	private static int number(@Nullable String value, int fallback, int max, String name) {
		if (value == null || value.isEmpty()) {
			return fallback;
		}
		try {
			int number = Integer.parseInt(value);
			if (number >= 0 && number <= max) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// answered below
		}
		throw ManagementError.badRequest("Invalid " + name + " specified: '" + value + "'");
	}

	static void putIfNotNull(Map<String, Object> shape, String name, @Nullable Object value) {
		if (value != null) {
			shape.put(name, value);
		}
	}

}
