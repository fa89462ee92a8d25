package dev.apigw.definition;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.apigw.definition.InvalidApiDefinitionException.Problem;
import dev.apigw.model.Api;
import dev.apigw.model.Integration;
import dev.apigw.model.Stage;
import dev.apigw.model.WebSocketApi;
import dev.apigw.websocket.WebSocketApiDefinitions;
import dev.apigw.websocket.WebSocketProperties;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * REST APIs ({@code apigw.apis}) and WebSocket APIs ({@code apigw.websocket-apis}) have
 * their stages and integrations converted and checked by the same code: the same bad value
 * is refused with the same message, each under its own API kind's field names.
 */
@ExtendWith(OutputCaptureExtension.class)
class RestAndWebSocketDefinitionRulesTests {

	private static final String REST = "apigw.apis.shop.";

	private static final String WS = "apigw.websocket-apis.chat.";

	private static final String REST_INTEGRATION = REST + "resources[0].methods.GET.integration.";

	private static final String WS_INTEGRATION = WS + "routes[0].integration.";

	static Stream<Arguments> sharedRules() {
		return Stream.of(
				// property below the stage or integration, its value, the message, the field of
				// the REST problem, the field of the WebSocket problem
				stage("variables[bad-name]", "x", "A stage variable name must be 1 to 64 letters, digits or '_'",
						"stages.dev.variables.bad-name"),
				stage("variables.spaced", "has space",
						"A stage variable value must be 1 to 512 of the characters A-Z a-z 0-9 - . _ ~ : / ? # & = ,",
						"stages.dev.variables.spaced"),
				integration("timeout", "10ms", "The timeout must be at least 50 ms", "timeout"),
				integration("uri", "http://${stageVariables.host}/x",
						"The stage variable 'host' is not defined in stage 'dev' (stages.dev.variables)", "uri"),
				integration("responses[0].selection-pattern", "4\\d{2",
						"Not a valid Java regular expression: Unclosed counted closure", "responses[0].selection-pattern"),
				integration("responses[0].status-code", "2xx", "A status code must be a number from 100 to 599",
						"responses[0].status-code"),
				integration("type", "SOAP", "Unknown integration type 'SOAP'; expected one of MOCK, HTTP, HTTP_PROXY, "
						+ "AWS (LAMBDA), AWS_PROXY (LAMBDA_PROXY)", null));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("sharedRules")
	void theSameBadValueIsRefusedTheSameWayForRestAndWebSocketApis(String property, String value, String message,
			String restField, String webSocketField) {
		Map<String, String> rest = rest();
		rest.put(property.startsWith("stage:") ? REST + "stages.dev." + property.substring(6)
				: REST_INTEGRATION + property.substring(12), value);
		Map<String, String> webSocket = webSocket();
		webSocket.put(property.startsWith("stage:") ? WS + "stages.dev." + property.substring(6)
				: WS_INTEGRATION + property.substring(12), value);
		assertThat(restProblems(rest)).singleElement().satisfies((problem) -> {
			assertThat(problem.message()).startsWith(message);
			assertThat(problem.field()).isEqualTo(restField);
		});
		assertThat(webSocketProblems(webSocket)).singleElement().satisfies((problem) -> {
			assertThat(problem.message()).startsWith(message);
			assertThat(problem.field()).isEqualTo(webSocketField);
			assertThat(problem.resource()).isEqualTo(property.startsWith("stage:") ? null : "route $default");
		});
		assertThat(restProblems(rest).get(0).message()).isEqualTo(webSocketProblems(webSocket).get(0).message());
	}

	@Test
	void stageNamesAndApiIdsFollowTheSameRules() {
		Map<String, String> rest = rest();
		rest.put("apigw.apis[shop!].resources[0].path", "/items");
		rest.put("apigw.apis[shop!].resources[0].methods.GET.integration.type", "MOCK");
		rest.put("apigw.apis[shop!].stages[dev!].description", "x");
		Map<String, String> webSocket = webSocket();
		webSocket.put("apigw.websocket-apis[chat!].routes[0].route-key", "$default");
		webSocket.put("apigw.websocket-apis[chat!].stages[dev!].description", "x");
		assertThat(restProblems(rest)).extracting(Problem::field, Problem::message)
			.containsExactlyInAnyOrder(tuple("id", "An API id must be 1 to 128 letters, digits, '-' or '_'"),
					tuple("stages.dev!", "A stage name must be 1 to 128 letters, digits, '-' or '_'"));
		assertThat(webSocketProblems(webSocket)).extracting(Problem::field, Problem::message)
			.containsExactlyInAnyOrder(
					tuple("apigw.websocket-apis.chat!", "An API id must be 1 to 128 letters, digits, '-' or '_'"),
					tuple("apigw.websocket-apis.chat!.stages.dev!",
							"A stage name must be 1 to 128 letters, digits, '-' or '_'"));
	}

	@Test
	void anApiWithoutStageIsRefusedTheSameWay() {
		Map<String, String> rest = rest();
		rest.remove(REST + "stages.dev.description");
		Map<String, String> webSocket = webSocket();
		webSocket.remove(WS + "stages.dev.description");
		String message = "The API has no stage, so nothing would serve it; add one under stages";
		assertThat(restProblems(rest)).extracting(Problem::field, Problem::message)
			.containsExactly(tuple("stages", message));
		assertThat(webSocketProblems(webSocket)).extracting(Problem::field, Problem::message)
			.containsExactly(tuple(WS + "stages", message));
	}

	@Test
	void httpIntegrationUrisMustBeAbsoluteForBothKinds() {
		Map<String, String> rest = rest();
		rest.put(REST_INTEGRATION + "uri", "not a uri");
		Map<String, String> webSocket = webSocket();
		webSocket.put(WS_INTEGRATION + "uri", "not a uri");
		assertThat(restProblems(rest)).extracting(Problem::field, Problem::message)
			.containsExactly(tuple("integration.uri", "'not a uri' is not an absolute http://, https:// or lb:// URI, "
					+ "nor forward:/path to a handler of the application (stage variables may be used as "
					+ "${stageVariables.name})"));
		// WebSocket routes call their HTTP backends with a WebClient: no load balancer, no handler
		assertThat(webSocketProblems(webSocket)).extracting(Problem::field, Problem::message)
			.containsExactly(tuple(WS_INTEGRATION + "uri", "'not a uri' is not an absolute http:// or https:// URI "
					+ "(stage variables may be used as ${stageVariables.name})"));
	}

	@Test
	void stagesAndMockIntegrationsAreConvertedTheSameWay() {
		Map<String, String> rest = rest();
		rest.put(REST_INTEGRATION + "type", "MOCK");
		rest.remove(REST_INTEGRATION + "uri");
		rest.put(REST + "stages.dev.variables.color", "blue");
		Map<String, String> webSocket = webSocket();
		webSocket.put(WS_INTEGRATION + "type", "MOCK");
		webSocket.remove(WS_INTEGRATION + "uri");
		webSocket.put(WS + "stages.dev.variables.color", "blue");
		Api api = loadRest(rest).get(0);
		WebSocketApi chat = WebSocketApiDefinitions.load(bindWebSocket(webSocket), true).apis().get(0);
		Stage restStage = api.stages().get("dev");
		Stage webSocketStage = chat.stages().get("dev");
		assertThat(webSocketStage.name()).isEqualTo(restStage.name());
		assertThat(webSocketStage.description()).isEqualTo(restStage.description()).isEqualTo("development");
		assertThat(webSocketStage.variables()).isEqualTo(restStage.variables()).containsExactly(Map.entry("color", "blue"));
		Integration restMock = api.resources().get(0).methods().get("GET").integration();
		Integration webSocketMock = chat.route("$default").integration();
		// the same console defaults; the request template is keyed by content type for REST,
		// by template selection value for WebSocket routes
		assertThat(restMock.requestTemplates()).containsExactly(Map.entry("application/json", "{\"statusCode\": 200}"));
		assertThat(webSocketMock.requestTemplates()).containsExactly(Map.entry("$default", "{\"statusCode\": 200}"));
		assertThat(webSocketMock.responses()).isEqualTo(restMock.responses());
		assertThat(webSocketMock.timeout()).isEqualTo(restMock.timeout());
	}

	@Test
	void webSocketApplicationWithAnInvalidStageVariableFailsToStartNamingIt(CapturedOutput output) {
		SpringApplication application = new SpringApplication(StartupValidationTestApplication.class);
		application.setWebApplicationType(WebApplicationType.REACTIVE);
		assertThatThrownBy(() -> application.run("--server.port=0", "--" + WS + "routes[0].route-key=$default",
				"--" + WS_INTEGRATION + "type=MOCK", "--" + WS_INTEGRATION + "timeout=10ms",
				"--" + WS + "stages.dev.variables.color=has space"))
			.hasRootCauseInstanceOf(InvalidApiDefinitionException.class);
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("API 'chat', resource 'route $default', field 'apigw.websocket-apis.chat.routes[0]"
					+ ".integration.timeout' (application properties): The timeout must be at least 50 ms")
			.contains("API 'chat', field 'apigw.websocket-apis.chat.stages.dev.variables.color' (application "
					+ "properties): A stage variable value must be 1 to 512 of the characters");
	}

	private static Arguments stage(String property, String value, String message, String field) {
		return Arguments.of("stage:" + property, value, message, field, WS + field);
	}

	private static Arguments integration(String property, String value, String message, @Nullable String field) {
		String restField = (field != null) ? "integration." + field : REST_INTEGRATION + property;
		return Arguments.of("integration:" + property, value, message, restField, WS_INTEGRATION + property);
	}

	private static Map<String, String> rest() {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put(REST + "resources[0].path", "/items");
		properties.put(REST_INTEGRATION + "type", "HTTP");
		properties.put(REST_INTEGRATION + "uri", "http://localhost:9/items");
		properties.put(REST + "stages.dev.description", "development");
		return properties;
	}

	private static Map<String, String> webSocket() {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put(WS + "routes[0].route-key", "$default");
		properties.put(WS_INTEGRATION + "type", "HTTP");
		properties.put(WS_INTEGRATION + "uri", "http://localhost:9/messages");
		properties.put(WS + "stages.dev.description", "development");
		return properties;
	}

	private static List<Api> loadRest(Map<String, String> properties) {
		ApigwProperties bound = new Binder(new MapConfigurationPropertySource(properties))
			.bind("apigw", ApigwProperties.class)
			.get();
		return new ApiDefinitions(List.of(new PropertiesApiSource(bound, null))).load();
	}

	private static WebSocketProperties bindWebSocket(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bind("apigw", WebSocketProperties.class)
			.get();
	}

	private static List<Problem> restProblems(Map<String, String> properties) {
		InvalidApiDefinitionException failure = catchThrowableOfType(InvalidApiDefinitionException.class,
				() -> loadRest(properties));
		assertThat(failure).as("REST definition refused").isNotNull();
		return failure.getProblems();
	}

	private static List<Problem> webSocketProblems(Map<String, String> properties) {
		InvalidApiDefinitionException failure = catchThrowableOfType(InvalidApiDefinitionException.class,
				() -> WebSocketApiDefinitions.load(bindWebSocket(properties), true));
		assertThat(failure).as("WebSocket definition refused").isNotNull();
		return failure.getProblems();
	}

}
