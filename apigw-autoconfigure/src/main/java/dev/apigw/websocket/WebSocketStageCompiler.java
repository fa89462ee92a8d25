package dev.apigw.websocket;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.apigw.definition.InvalidApiDefinitionException;
import dev.apigw.definition.InvalidApiDefinitionException.Problem;
import dev.apigw.integration.IntegrationCompiler;
import dev.apigw.model.Deployment;
import dev.apigw.model.Integration;
import dev.apigw.model.Stage;
import dev.apigw.model.WebSocketApi;
import dev.apigw.model.WebSocketRoute;
import dev.apigw.routing.CompiledIntegration;
import dev.apigw.routing.GatewayEnvironment;
import dev.apigw.template.MappingTemplate;
import dev.apigw.template.TemplateEngine;
import dev.apigw.template.TemplateException;
import org.jspecify.annotations.Nullable;

/**
 * Compiles a WebSocket API's deployment for one of its stages: selection expressions,
 * integrations and templates, once per deployment, exactly as the deployments of REST APIs
 * are compiled (at start-up, on rollback and for deployments made at run time alike).
 */
public final class WebSocketStageCompiler {

	private final TemplateEngine engine;

	private final GatewayEnvironment environment;

	/**
	 * Creates a compiler.
	 * @param engine compiles mapping templates
	 * @param environment region and account
	 */
	public WebSocketStageCompiler(TemplateEngine engine, GatewayEnvironment environment) {
		this.engine = engine;
		this.environment = environment;
	}

	/**
	 * Compiles a deployment for a stage.
	 * @param deployment a WebSocket API's deployment
	 * @param stage the stage (its variables are the deployment's view of them)
	 * @return the compiled stage
	 * @throws InvalidApiDefinitionException listing every problem found
	 */
	public WebSocketStage compile(Deployment deployment, Stage stage) {
		if (!(deployment.definition() instanceof WebSocketApi api)) {
			throw new IllegalArgumentException("Deployment " + deployment.id() + " is not a WebSocket API's");
		}
		List<Problem> problems = new ArrayList<>();
		Map<String, CompiledRoute> routes = new LinkedHashMap<>();
		for (WebSocketRoute route : api.routes().values()) {
			routes.put(route.routeKey(), compile(api, stage, route, problems));
		}
		if (!problems.isEmpty()) {
			throw new InvalidApiDefinitionException(problems);
		}
		return new WebSocketStage(api, stage, deployment.id(), deployment.createdDate(),
				SelectionExpression.parse(api.routeSelectionExpression()),
				SelectionExpression.parse(api.apiKeySelectionExpression()), routes, this.environment);
	}

	private CompiledRoute compile(WebSocketApi api, Stage stage, WebSocketRoute route, List<Problem> problems) {
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
					(field, status, text) -> template(api, route, field, status, text, problems));
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
	private @Nullable MappingTemplate template(WebSocketApi api, WebSocketRoute route, String field,
			@Nullable String status, String text, List<Problem> problems) {
		try {
			return this.engine.compile(api.id() + " route " + route.routeKey() + " " + field
					+ ((status != null) ? " (status " + status + ")" : ""), text);
		}
		catch (TemplateException ex) {
			problems.add(new Problem(api.source(), api.id(), "route " + route.routeKey(), null, field, ex.getMessage()));
			return null;
		}
	}

}
