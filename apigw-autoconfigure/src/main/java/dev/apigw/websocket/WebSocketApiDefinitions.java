package dev.apigw.websocket;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.apigw.definition.ApiValidator;
import dev.apigw.definition.IntegrationMapper;
import dev.apigw.definition.InvalidApiDefinitionException.Problem;
import dev.apigw.definition.InvalidApiDefinitionException;
import dev.apigw.definition.ProblemSink;
import dev.apigw.definition.StageMapper;
import dev.apigw.model.Api;
import dev.apigw.model.AuthorizationType;
import dev.apigw.model.Integration;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.Stage;
import dev.apigw.model.WebSocketApi;
import dev.apigw.model.WebSocketRoute;
import dev.apigw.websocket.WebSocketProperties.RouteProperties;
import dev.apigw.websocket.WebSocketProperties.WebSocketApiProperties;
import org.jspecify.annotations.Nullable;

/**
 * The WebSocket APIs of {@code apigw.websocket-apis}, converted to the model and checked
 * once at start-up: every problem (a missing or repeated route key, a selection expression
 * that does not parse, an integration without URI, authorization on a route other than
 * {@code $connect}, a Lambda function that does not resolve, ...) is reported at once with
 * the API, route and field. Stages, integrations and API ids are converted and checked by
 * the same code as REST APIs' ({@link StageMapper}, {@link IntegrationMapper}); routes and
 * selection expressions are WebSocket's own.
 */
public final class WebSocketApiDefinitions {

	static final String SOURCE = "application properties";

	/**
	 * Route integrations: request templates keyed by template selection value (Spring Boot
	 * drops '$' from unbracketed map keys, so "default" is "$default"); HTTP backends called
	 * with a web client, so neither lb:// nor forward:.
	 */
	private static final IntegrationMapper INTEGRATIONS = new IntegrationMapper("$default",
			(key) -> key.equals("default") ? "$default" : key, List.of("http", "https"), false);

	private final List<WebSocketApi> apis;

	private WebSocketApiDefinitions(List<WebSocketApi> apis) {
		this.apis = List.copyOf(apis);
	}

	/**
	 * Loads and checks the WebSocket APIs.
	 * @param properties the properties
	 * @param lambda whether Lambda integrations can be served (aws-lambda-java-core is on
	 * the classpath)
	 * @return the definitions
	 * @throws InvalidApiDefinitionException listing every problem
	 */
	public static WebSocketApiDefinitions load(WebSocketProperties properties, boolean lambda) {
		List<Problem> problems = new ArrayList<>();
		List<WebSocketApi> apis = new ArrayList<>();
		properties.getWebsocketApis().forEach((id, api) -> apis.add(toApi(id, api, lambda, problems)));
		if (!problems.isEmpty()) {
			throw new InvalidApiDefinitionException(problems);
		}
		return new WebSocketApiDefinitions(apis);
	}

	/**
	 * Checks that every Lambda integration names a function that resolves, in every stage.
	 * Run once the application's beans exist: handlers may themselves depend on the gateway
	 * (to send through {@link WebSocketConnections}).
	 * @param functions explains why an integration URI names no invocable function,
	 * {@code null} when it does
	 * @throws InvalidApiDefinitionException listing every problem
	 */
	public void checkFunctions(Function<String, @Nullable String> functions) {
		List<Problem> problems = new ArrayList<>();
		for (WebSocketApi api : this.apis) {
			for (WebSocketRoute route : api.routes().values()) {
				Integration integration = route.integration();
				if (integration == null || integration.uri() == null || (integration.type() != IntegrationType.AWS
						&& integration.type() != IntegrationType.AWS_PROXY)) {
					continue;
				}
				java.util.Set<String> messages = new java.util.LinkedHashSet<>();
				for (Stage stage : api.stages().values()) {
					String uri = dev.apigw.routing.UriTemplate.substituteStageVariables(integration.uri(),
							stage.variables());
					String message = functions.apply(uri);
					if (message != null) {
						messages.add(message + (uri.equals(integration.uri()) ? "" : " (stage '" + stage.name() + "')"));
					}
				}
				int index = List.copyOf(api.routes().keySet()).indexOf(route.routeKey());
				messages.forEach((message) -> problems.add(problem(api.id(), route.routeKey(),
						"apigw.websocket-apis." + api.id() + ".routes[" + index + "].integration.uri", message)));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidApiDefinitionException(problems);
		}
	}

	/**
	 * The WebSocket APIs.
	 * @return the APIs in definition order
	 */
	public List<WebSocketApi> apis() {
		return this.apis;
	}

	/**
	 * The WebSocket APIs as REST API models with their stages and no resources: what usage
	 * plans check their API stages against.
	 * @return the APIs
	 */
	public List<Api> stageApis() {
		List<Api> stageApis = new ArrayList<>();
		for (WebSocketApi api : this.apis) {
			Api.Builder builder = Api.builder(api.id()).source(api.source());
			api.stages().values().forEach(builder::stage);
			stageApis.add(builder.build());
		}
		return stageApis;
	}

	private static WebSocketApi toApi(String id, WebSocketApiProperties api, boolean lambda,
			List<Problem> problems) {
		String prefix = "apigw.websocket-apis." + id;
		ProblemSink apiProblems = ProblemSink.into(problems, SOURCE, id, null, null).under(prefix);
		ApiValidator.checkId(id, apiProblems);
		expression(id, null, prefix + ".route-selection-expression", api.getRouteSelectionExpression(), problems);
		expression(id, null, prefix + ".api-key-selection-expression", api.getApiKeySelectionExpression(), problems);
		Map<String, Stage> stages = new LinkedHashMap<>();
		api.getStages().forEach((name, stage) -> stages.put(name, StageMapper.toStage(name, stage)));
		StageMapper.checkStages(stages, apiProblems);
		Map<String, WebSocketRoute> routes = new LinkedHashMap<>();
		for (int i = 0; i < api.getRoutes().size(); i++) {
			RouteProperties route = api.getRoutes().get(i);
			String field = prefix + ".routes[" + i + "]";
			String key = route.getRouteKey();
			if (key == null || key.isBlank()) {
				problems.add(problem(id, null, field + ".route-key",
						"Every route needs a route-key: $connect, $disconnect, $default or a custom key"));
				continue;
			}
			if (routes.containsKey(key)) {
				problems.add(problem(id, key, field + ".route-key", "The route key is defined twice"));
				continue;
			}
			routes.put(key, toRoute(id, key, field, route, stages, lambda, problems));
		}
		return new WebSocketApi(id, api.getDescription(), api.getBasePath(), api.getHost(),
				api.getRouteSelectionExpression(), api.getApiKeySelectionExpression(), routes, stages, SOURCE);
	}

	private static WebSocketRoute toRoute(String api, String key, String field, RouteProperties route,
			Map<String, Stage> stages, boolean lambda, List<Problem> problems) {
		boolean connect = WebSocketRoute.CONNECT.equals(key);
		if (!connect && route.getAuthorizationType() != AuthorizationType.NONE) {
			problems.add(problem(api, key, field + ".authorization-type",
					"Only the $connect route authorizes callers, as on AWS; remove it here"));
		}
		if (!connect && route.isApiKeyRequired()) {
			problems.add(problem(api, key, field + ".api-key-required",
					"Only the $connect route requires API keys, as on AWS; remove it here"));
		}
		if (route.getAuthorizationType() == AuthorizationType.COGNITO_USER_POOLS) {
			problems.add(problem(api, key, field + ".authorization-type",
					"WebSocket APIs authorize with NONE, CUSTOM or AWS_IAM"));
		}
		if (route.getAuthorizationType() == AuthorizationType.CUSTOM && route.getAuthorizer() == null) {
			problems.add(problem(api, key, field + ".authorizer", "A CUSTOM route names its authorizer"));
		}
		if (route.getRouteResponseSelectionExpression() != null
				&& !"$default".equals(route.getRouteResponseSelectionExpression())) {
			problems.add(problem(api, key, field + ".route-response-selection-expression",
					"WebSocket routes support only '$default' (send the integration's response back)"));
		}
		if (route.getTemplateSelectionExpression() != null) {
			expression(api, key, field + ".template-selection-expression", route.getTemplateSelectionExpression(),
					problems);
		}
		Integration integration = null;
		if (route.getIntegration() != null) {
			ProblemSink integrationProblems = ProblemSink.into(problems, SOURCE, api, "route " + key, null)
				.under(field + ".integration");
			integration = INTEGRATIONS.toIntegration(route.getIntegration(), integrationProblems);
			INTEGRATIONS.check(integration, stages.values(), integrationProblems);
			if ((integration.type() == IntegrationType.AWS || integration.type() == IntegrationType.AWS_PROXY)
					&& !lambda) {
				integrationProblems.add("type",
						"Lambda integrations need com.amazonaws:aws-lambda-java-core on the classpath");
			}
		}
		return new WebSocketRoute(key, route.getAuthorizationType(), route.getAuthorizer(), route.isApiKeyRequired(),
				integration, route.getTemplateSelectionExpression(), route.getRouteResponseSelectionExpression());
	}

	private static void expression(String api, @Nullable String route, String field, String text,
			List<Problem> problems) {
		try {
			SelectionExpression.parse(text);
		}
		catch (IllegalArgumentException ex) {
			problems.add(problem(api, route, field, ex.getMessage()));
		}
	}

	private static Problem problem(String api, @Nullable String route, String field, String message) {
		return new Problem(SOURCE, api, (route != null) ? "route " + route : null, null, field, message);
	}

}
