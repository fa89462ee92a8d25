package dev.apigw.websocket;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiPredicate;

import dev.apigw.definition.InvalidApiDefinitionException.Problem;
import dev.apigw.definition.InvalidApiDefinitionException;
import dev.apigw.integration.IntegrationCompiler;
import dev.apigw.model.Integration;
import dev.apigw.model.Stage;
import dev.apigw.model.WebSocketApi;
import dev.apigw.model.WebSocketRoute;
import dev.apigw.routing.CompiledIntegration;
import dev.apigw.routing.GatewayEnvironment;
import dev.apigw.routing.MountTable;
import dev.apigw.template.MappingTemplate;
import dev.apigw.template.TemplateEngine;
import dev.apigw.template.TemplateException;
import org.jspecify.annotations.Nullable;

/**
 * The deployed stages of every WebSocket API and where they are mounted: compiled once at
 * start-up (selection expressions, integrations, templates), read by every connection
 * without locking.
 */
public final class WebSocketDeployments {

	private final MountTable<WebSocketStage> mounts;

	private final List<WebSocketStage> stages;

	private WebSocketDeployments(MountTable<WebSocketStage> mounts, List<WebSocketStage> stages) {
		this.mounts = mounts;
		this.stages = List.copyOf(stages);
	}

	/**
	 * Deploys every API to all of its stages.
	 * @param apis the APIs
	 * @param engine compiles mapping templates
	 * @param environment region and account
	 * @param clock dates the deployments
	 * @param restMounted whether a REST API is mounted at exactly a host and path, to
	 * report collisions
	 * @return the deployments
	 * @throws InvalidApiDefinitionException when templates do not compile or mounts collide
	 */
	public static WebSocketDeployments deploy(List<WebSocketApi> apis, TemplateEngine engine,
			GatewayEnvironment environment, Clock clock, BiPredicate<@Nullable String, String> restMounted) {
		List<Problem> problems = new ArrayList<>();
		MountTable.Builder<WebSocketStage> mounts = MountTable.builder();
		List<WebSocketStage> stages = new ArrayList<>();
		for (WebSocketApi api : apis) {
			String deploymentId = randomId();
			String basePath = (api.basePath() != null) ? api.basePath() : "/" + api.id();
			for (Stage stage : api.stages().values()) {
				Map<String, CompiledRoute> routes = new LinkedHashMap<>();
				for (WebSocketRoute route : api.routes().values()) {
					routes.put(route.routeKey(), compile(api, stage, route, engine, problems));
				}
				WebSocketStage compiled = new WebSocketStage(api, stage, deploymentId, clock.instant(),
						SelectionExpression.parse(api.routeSelectionExpression()),
						SelectionExpression.parse(api.apiKeySelectionExpression()), routes, environment);
				String mountPath = (basePath.endsWith("/") ? basePath : basePath + "/") + stage.name();
				if (restMounted.test(api.host(), mountPath)) {
					problems.add(new Problem(api.source(), api.id(), null, null, "base-path",
							"A REST API is mounted at '" + mountPath + "' too; give one of them another base-path"));
					continue;
				}
				try {
					mounts.mount(api.host(), mountPath, compiled);
				}
				catch (IllegalArgumentException ex) {
					problems.add(new Problem(api.source(), api.id(), null, null, "base-path", ex.getMessage()));
				}
				stages.add(compiled);
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidApiDefinitionException(problems);
		}
		return new WebSocketDeployments(mounts.build(), stages);
	}

	private static CompiledRoute compile(WebSocketApi api, Stage stage, WebSocketRoute route, TemplateEngine engine,
			List<Problem> problems) {
		Integration integration = route.integration();
		CompiledIntegration compiled = null;
		Map<String, SelectionExpression> headers = new LinkedHashMap<>();
		Map<String, SelectionExpression> query = new LinkedHashMap<>();
		if (integration != null) {
			String id = "apigw/" + api.id() + "/" + stage.name() + "/" + route.routeKey();
			// WebSocket parameter sources (route.request.*) are not REST mapping expressions
			Integration withoutParameters = Integration.builder(integration.type())
				.uri(integration.uri())
				.httpMethod(integration.httpMethod())
				.timeout(integration.timeout())
				.requestTemplates(integration.requestTemplates())
				.passthroughBehavior(integration.passthroughBehavior())
				.contentHandling(integration.contentHandling())
				.responses(integration.responses())
				.build();
			compiled = IntegrationCompiler.compile(id, "/", withoutParameters, stage,
					(field, status, text) -> template(api, route, field, status, text, engine, problems));
			try {
				CompiledRoute.parameters(integration.requestParameters(), headers, query);
			}
			catch (IllegalArgumentException ex) {
				problems.add(new Problem(api.source(), api.id(), "route " + route.routeKey(), null,
						"integration.request-parameters", ex.getMessage()));
			}
		}
		String selection = (route.templateSelectionExpression() != null) ? route.templateSelectionExpression()
				: "\\$default";
		return new CompiledRoute(route, compiled, SelectionExpression.parse(selection), headers, query);
	}

	/** Compiles one template of a route, named after the API, route and field. */
	private static @Nullable MappingTemplate template(WebSocketApi api, WebSocketRoute route, String field,
			@Nullable String status, String text, TemplateEngine engine, List<Problem> problems) {
		try {
			return engine.compile(api.id() + " route " + route.routeKey() + " " + field
					+ ((status != null) ? " (status " + status + ")" : ""), text);
		}
		catch (TemplateException ex) {
			problems.add(new Problem(api.source(), api.id(), "route " + route.routeKey(), null, field, ex.getMessage()));
			return null;
		}
	}

	/**
	 * The stage mounted at a request's host and path.
	 * @param host the host without port, or {@code null}
	 * @param rawPath the raw request path
	 * @return the stage and the path below its mount, or {@code null}
	 */
	MountTable.@Nullable Mounted<WebSocketStage> match(@Nullable String host, String rawPath) {
		return this.mounts.match(host, rawPath);
	}

	/**
	 * The deployed APIs.
	 * @return the APIs, each once
	 */
	public List<WebSocketApi> apis() {
		return this.stages.stream().map(WebSocketStage::api).distinct().toList();
	}

	/**
	 * The deployed stages.
	 * @return the stages
	 */
	List<WebSocketStage> stages() {
		return this.stages;
	}

	/**
	 * A stage by API and name.
	 * @param apiId the API
	 * @param stage the stage
	 * @return the stage, or {@code null}
	 */
	@Nullable WebSocketStage stage(String apiId, String stage) {
		for (WebSocketStage candidate : this.stages) {
			if (candidate.apiId().equals(apiId) && candidate.stageName().equals(stage)) {
				return candidate;
			}
		}
		return null;
	}

	private static String randomId() {
		String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
		StringBuilder id = new StringBuilder();
		for (int i = 0; i < 6; i++) {
			id.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
		}
		return id.toString();
	}

}
