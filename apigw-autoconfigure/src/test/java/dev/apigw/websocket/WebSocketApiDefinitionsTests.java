package dev.apigw.websocket;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.apigw.definition.CommonStageProperties;
import dev.apigw.definition.IntegrationProperties;
import dev.apigw.definition.InvalidApiDefinitionException;
import dev.apigw.model.AuthorizationType;
import dev.apigw.model.Deployment;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.WebSocketApi;
import dev.apigw.routing.GatewayEnvironment;
import dev.apigw.template.TemplateEngine;
import dev.apigw.websocket.WebSocketProperties.RouteProperties;
import dev.apigw.websocket.WebSocketProperties.WebSocketApiProperties;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code apigw.websocket-apis} to the model, and every problem reported at once with the
 * API, route and field.
 */
class WebSocketApiDefinitionsTests {

	@Test
	void convertsRoutesWithAwsDefaults() {
		WebSocketProperties properties = new WebSocketProperties();
		WebSocketApiProperties api = api(route("$default", "MOCK", null));
		api.getRoutes().get(0).setRouteResponseSelectionExpression("$default");
		properties.getWebsocketApis().put("chat", api);
		WebSocketApi chat = WebSocketApiDefinitions.load(properties, true).apis().get(0);
		assertThat(chat.routeSelectionExpression()).isEqualTo("$request.body.action");
		assertThat(chat.apiKeySelectionExpression()).isEqualTo("$request.header.x-api-key");
		assertThat(chat.route("$default").twoWay()).isTrue();
		assertThat(chat.route("$default").integration().type()).isEqualTo(IntegrationType.MOCK);
		assertThat(chat.route("$default").integration().requestTemplates()).containsEntry("$default",
				"{\"statusCode\": 200}");
		assertThat(chat.route("$default").integration().responses()).hasSize(1);
	}

	@Test
	void reportsEveryProblemWithItsField() {
		WebSocketProperties properties = new WebSocketProperties();
		RouteProperties authorizedMessage = route("send", "AWS_PROXY", "unknownFunction");
		authorizedMessage.setAuthorizationType(AuthorizationType.CUSTOM);
		RouteProperties duplicate = route("send", "MOCK", null);
		RouteProperties noUri = route("http", "HTTP", null);
		RouteProperties badExpression = route("x", "MOCK", null);
		badExpression.setTemplateSelectionExpression("$nope");
		WebSocketApiProperties api = api(authorizedMessage, duplicate, noUri, badExpression, route(null, "MOCK", null));
		api.setRouteSelectionExpression("${request.body.action");
		properties.getWebsocketApis().put("chat", api);
		WebSocketApiProperties stageless = new WebSocketApiProperties();
		properties.getWebsocketApis().put("empty", stageless);
		assertThatExceptionOfType(InvalidApiDefinitionException.class)
			.isThrownBy(() -> WebSocketApiDefinitions.load(properties, true))
			.satisfies((ex) -> assertThat(ex.getProblems()).extracting((problem) -> problem.field())
				.containsExactlyInAnyOrder("apigw.websocket-apis.chat.route-selection-expression",
						"apigw.websocket-apis.chat.routes[0].authorization-type",
						"apigw.websocket-apis.chat.routes[0].authorizer",
						"apigw.websocket-apis.chat.routes[1].route-key",
						"apigw.websocket-apis.chat.routes[2].integration.uri",
						"apigw.websocket-apis.chat.routes[3].template-selection-expression",
						"apigw.websocket-apis.chat.routes[4].route-key", "apigw.websocket-apis.empty.stages"));
	}

	@Test
	void lambdaFunctionsAreCheckedPerStage() {
		WebSocketProperties properties = new WebSocketProperties();
		WebSocketApiProperties api = api(route("$default", "AWS_PROXY", "handler-${stageVariables.flavour}"));
		api.getStages().get("dev").getVariables().put("flavour", "missing");
		properties.getWebsocketApis().put("chat", api);
		WebSocketApiDefinitions definitions = WebSocketApiDefinitions.load(properties, true);
		assertThatExceptionOfType(InvalidApiDefinitionException.class)
			.isThrownBy(() -> definitions.checkFunctions((uri) -> uri.equals("handler-missing") ? "No function" : null))
			.withMessageContaining("routes[0].integration.uri")
			.withMessageContaining("No function (stage 'dev')");
	}

	@Test
	void framingHopByHopAndHostHeaderParametersAreRefused() {
		WebSocketProperties properties = new WebSocketProperties();
		RouteProperties length = route("length", "HTTP", "http://localhost:9/length");
		length.getIntegration().setRequestParameters(Map.of("integration.request.header.Content-Length", "'5'"));
		RouteProperties host = route("host", "HTTP", "http://localhost:9/host");
		host.getIntegration().setRequestParameters(Map.of("integration.request.header.Host", "'evil.example'"));
		RouteProperties fine = route("fine", "HTTP", "http://localhost:9/fine");
		fine.getIntegration().setRequestParameters(Map.of("integration.request.header.X-Fine", "'yes'"));
		properties.getWebsocketApis().put("chat", api(length, host, fine));
		WebSocketApi api = WebSocketApiDefinitions.load(properties, true).apis().get(0);
		WebSocketStageCompiler compiler = new WebSocketStageCompiler(new TemplateEngine(),
				new GatewayEnvironment("r", "1"));
		assertThatExceptionOfType(InvalidApiDefinitionException.class)
			.isThrownBy(() -> compiler.compile(new Deployment("d1", Instant.EPOCH, null, api),
					api.stages().values().iterator().next()))
			.satisfies((ex) -> assertThat(ex.getProblems()).extracting(Object::toString)
				.containsExactlyInAnyOrder("API 'chat', resource 'route length', field 'integration.request-parameters' "
						+ "(application properties): 'integration.request.header.Content-Length' cannot be mapped: "
						+ "framing, hop-by-hop and Host headers of the integration request are the gateway's to set; "
						+ "remove the mapping", "API 'chat', resource 'route host', field 'integration.request-parameters' "
								+ "(application properties): 'integration.request.header.Host' cannot be mapped: framing, "
								+ "hop-by-hop and Host headers of the integration request are the gateway's to set; remove "
								+ "the mapping"));
	}

	private static WebSocketApiProperties api(RouteProperties... routes) {
		WebSocketApiProperties api = new WebSocketApiProperties();
		api.setRoutes(List.of(routes));
		CommonStageProperties stage = new CommonStageProperties();
		api.getStages().put("dev", stage);
		return api;
	}

	private static RouteProperties route(String key, String type, String uri) {
		RouteProperties route = new RouteProperties();
		route.setRouteKey(key);
		IntegrationProperties integration = new IntegrationProperties();
		integration.setType(type);
		integration.setUri(uri);
		route.setIntegration(integration);
		return route;
	}

}
