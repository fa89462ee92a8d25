package dev.apigw.integration.lambda;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.apigw.integration.IntegrationRequestFilter;
import dev.apigw.integration.IntegrationResponder;
import dev.apigw.integration.MappingTemplates;
import dev.apigw.model.Api;
import dev.apigw.model.Integration;
import dev.apigw.model.IntegrationResponse;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.Method;
import dev.apigw.model.Resource;
import dev.apigw.model.Stage;
import dev.apigw.routing.GatewayEnvironment;
import dev.apigw.routing.IntegrationPayload;
import dev.apigw.template.RenderOffload;
import dev.apigw.template.TemplateRenderer;
import dev.apigw.test.StageHarness;
import dev.apigw.test.StageHarness.RecordingChain;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The in-process Lambda integrations, with handlers of the application registered as beans
 * and each request as the integration request phase leaves it (routed to {@code lambda:},
 * with its payload). LAMBDA_PROXY: the function gets the proxy event and its result is the
 * response; a malformed result or a function that throws is answered 502
 * {@code {"message": "Internal server error"}}. LAMBDA: the result goes through the
 * default integration response (a success never matches a selection pattern), a function's
 * error is selected by its {@code errorMessage} and passes Lambda's error document through,
 * and a payload that is not JSON is Lambda's parse error.
 */
class LambdaIntegrationFilterTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final DefaultListableBeanFactory beans = new DefaultListableBeanFactory();

	private final TemplateRenderer renderer = new TemplateRenderer(RenderOffload.defaults());

	private final LambdaIntegrationFilter phase;

	private final StageHarness stage = StageHarness.deploy(Api.builder("shop")
		.resource(Resource.of("/proxy/{name}", function("POST", IntegrationType.AWS_PROXY, "echo")))
		.resource(Resource.of("/malformed", function("GET", IntegrationType.AWS_PROXY, "malformed")))
		.resource(Resource.of("/scalar", function("GET", IntegrationType.AWS_PROXY, "scalar")))
		.resource(Resource.of("/boom", function("GET", IntegrationType.AWS_PROXY, "boom")))
		.resource(Resource.of("/missing", function("GET", IntegrationType.AWS_PROXY, "missing")))
		.resource(Resource.of("/orders", function("POST", IntegrationType.AWS, "orders")))
		.stage(Stage.of("dev", Map.of()))
		.source("test")
		.build(), "dev");

	private final GatewayFilter filter;

	LambdaIntegrationFilterTests() {
		this.beans.registerSingleton("echo", (RequestStreamHandler) (input, output, context) -> {
			JsonNode event = JSON.readTree(input);
			Map<String, Object> result = new LinkedHashMap<>();
			result.put("statusCode", 201);
			result.put("headers", Map.of("x-resource", event.get("resource").asString(), "x-name",
					event.get("pathParameters").get("name").asString(), "x-function",
					context.getInvokedFunctionArn()));
			result.put("body", "got " + event.get("body").asString());
			output.write(JSON.writeValueAsBytes(result));
		});
		this.beans.registerSingleton("malformed", (RequestStreamHandler) (input, output, context) -> output
			.write("{\"statusCode\": 200, \"wrongValue\": \"value\"}".getBytes(StandardCharsets.UTF_8)));
		this.beans.registerSingleton("scalar", (RequestStreamHandler) (input, output, context) -> output
			.write("\"justAString\"".getBytes(StandardCharsets.UTF_8)));
		this.beans.registerSingleton("boom", (RequestStreamHandler) (input, output, context) -> {
			throw new OrderException("boom");
		});
		this.beans.registerSingleton("orders", (RequestStreamHandler) (input, output, context) -> {
			JsonNode payload = JSON.readTree(input);
			if (payload.has("fail")) {
				throw new OrderException(payload.get("fail").asString());
			}
			output.write(JSON.writeValueAsBytes(Map.of("received", payload)));
		});
		LambdaFunctionRegistry registry = new LambdaFunctionRegistry(this.beans, Map.of(), null);
		IntegrationResponder responder = new IntegrationResponder(new MappingTemplates(this.renderer));
		GatewayEnvironment environment = new GatewayEnvironment("us-east-1", "123456789012");
		this.phase = new LambdaIntegrationFilter(registry, responder, environment, 2, 10);
		this.filter = this.stage.compile(this.phase);
	}

	@AfterEach
	void stopThreads() {
		this.phase.destroy();
		this.renderer.close();
	}

	@Test
	void aProxyFunctionGetsTheProxyEventAndItsResultIsTheResponse() {
		MockServerWebExchange exchange = invoke(this.stage.request(HttpMethod.POST, "/proxy/rex").body("hello"));
		HttpHeaders headers = exchange.getResponse().getHeaders();
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(headers.getFirst("x-resource")).isEqualTo("/proxy/{name}");
		assertThat(headers.getFirst("x-name")).isEqualTo("rex");
		assertThat(headers.getFirst("x-function")).isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:echo");
		assertThat(headers.getFirst("X-Amzn-Trace-Id")).isEqualTo(StageHarness.invocation(exchange).traceId());
		assertThat(headers.getContentLength()).isEqualTo(9);
		assertThat(body(exchange)).isEqualTo("got hello");
	}

	@Test
	void aProxyResultWithAKeyOutsideTheContractIsAnsweredBadGateway() {
		assertBadGateway(invoke(this.stage.request(HttpMethod.GET, "/malformed").build()));
	}

	@Test
	void aProxyResultThatIsNotAnObjectIsAnsweredBadGateway() {
		assertBadGateway(invoke(this.stage.request(HttpMethod.GET, "/scalar").build()));
	}

	@Test
	void aProxyFunctionThatThrowsIsAnsweredBadGateway() {
		assertBadGateway(invoke(this.stage.request(HttpMethod.GET, "/boom").build()));
	}

	@Test
	void aFunctionThatIsNotRegisteredIsAnsweredInternalServerError() {
		MockServerWebExchange exchange = invoke(this.stage.request(HttpMethod.GET, "/missing").build());
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
		assertThat(body(exchange)).isEqualTo("{\"message\": \"Internal server error\"}");
	}

	@Test
	void aFunctionsResultGoesThroughTheDefaultResponseEvenWhenAPatternWouldMatchItsStatus() {
		MockServerWebExchange exchange = invoke(this.stage.request(HttpMethod.POST, "/orders")
			.header(HttpHeaders.CONTENT_TYPE, "application/json")
			.body("{\"item\": \"book\"}"));
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(exchange.getResponse().getHeaders().getContentType()).hasToString("application/json");
		assertThat(body(exchange)).isEqualTo("{\"received\":{\"item\":\"book\"}}");
		assertThat(StageHarness.invocation(exchange).integrationStatus()).isEqualTo(200);
	}

	@Test
	void anEmptyPayloadReachesTheFunctionAsAnEmptyObject() {
		MockServerWebExchange exchange = invoke(this.stage.request(HttpMethod.POST, "/orders").build());
		assertThat(body(exchange)).isEqualTo("{\"received\":{}}");
	}

	@Test
	void aFunctionErrorSelectsTheResponseWhosePatternMatchesItsErrorMessage() {
		MockServerWebExchange exchange = invoke(
				this.stage.request(HttpMethod.POST, "/orders").body("{\"fail\": \"Not found: order 7\"}"));
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(body(exchange)).isEqualTo("{\"errorMessage\":\"Not found: order 7\",\"errorType\":\""
				+ OrderException.class.getName() + "\",\"stackTrace\":[]}");
	}

	@Test
	void aFunctionErrorMatchingNoPatternGetsTheDefaultResponse() {
		MockServerWebExchange exchange = invoke(
				this.stage.request(HttpMethod.POST, "/orders").body("{\"fail\": \"out of stock\"}"));
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(body(exchange)).startsWith("{\"errorMessage\":\"out of stock\",");
	}

	@Test
	void aPayloadThatIsNotJsonIsLambdasParseErrorSelectedByItsMessage() {
		MockServerWebExchange exchange = invoke(this.stage.request(HttpMethod.POST, "/orders")
			.header(HttpHeaders.CONTENT_TYPE, "text/csv")
			.body("a,b,c"));
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		JsonNode error = JSON.readTree(body(exchange));
		assertThat(error.get("errorMessage").asString()).startsWith("Could not parse request body into json: ");
		assertThat(error.get("errorType").asString()).isEqualTo("java.lang.IllegalArgumentException");
	}

	@Test
	void aRequestRoutedElsewhereGoesOnWithoutInvokingAFunction() {
		MockServerWebExchange exchange = this.stage.exchange(this.stage.request(HttpMethod.GET, "/boom").build());
		exchange.getAttributes()
			.put(ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR, URI.create("http://backend.test/boom"));
		RecordingChain chain = new RecordingChain();
		assertThat(StageHarness.run(this.filter, exchange, chain)).isNull();
		assertThat(chain.called()).isTrue();
		assertThat(exchange.getResponse().getStatusCode()).isNull();
	}

	@Test
	void aStageWithoutLambdaIntegrationsDoesNotPassThroughThePhase() {
		StageHarness mocks = StageHarness.deploy(Api.builder("shop")
			.resource(Resource.of("/pets", Method.builder("GET")
				.integration(Integration.builder(IntegrationType.MOCK).build())
				.build()))
			.stage(Stage.of("dev", Map.of()))
			.source("test")
			.build(), "dev");
		assertThat(mocks.compile(this.phase)).isNull();
	}

	/** Runs a request as the integration request phase leaves it: routed to the function with its body as payload. */
	private MockServerWebExchange invoke(MockServerHttpRequest request) {
		MockServerWebExchange exchange = this.stage.exchange(request);
		byte[] body = request.getBody()
			.reduce(new StringBuilder(), (text, buffer) -> text.append(buffer.toString(StandardCharsets.UTF_8)))
			.map(StringBuilder::toString)
			.defaultIfEmpty("")
			.block(Duration.ofSeconds(5))
			.getBytes(StandardCharsets.UTF_8);
		exchange.getAttributes()
			.put(ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR, IntegrationRequestFilter.LAMBDA_URI);
		StageHarness.invocation(exchange)
			.handoffs()
			.integrationPayload(new IntegrationPayload(body, request.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE),
					new String(body, StandardCharsets.UTF_8)));
		StageHarness.respond(this.filter, exchange, new RecordingChain());
		return exchange;
	}

	private static void assertBadGateway(MockServerWebExchange exchange) {
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.BAD_GATEWAY);
		assertThat(exchange.getResponse().getHeaders().getFirst("x-amzn-ErrorType"))
			.isEqualTo("InternalServerErrorException");
		assertThat(body(exchange)).isEqualTo("{\"message\": \"Internal server error\"}");
	}

	private static String body(MockServerWebExchange exchange) {
		return exchange.getResponse().getBodyAsString().block(Duration.ofSeconds(5));
	}

	private static Method function(String verb, IntegrationType type, String name) {
		Integration.Builder integration = Integration.builder(type).uri(name);
		if (type == IntegrationType.AWS) {
			integration.response(IntegrationResponse.of(null, "200"))
				.response(IntegrationResponse.of("2\\d{2}", "201"))
				.response(IntegrationResponse.of("Not found: .*", "404"))
				.response(IntegrationResponse.of("Could not parse .*", "400"));
		}
		return Method.builder(verb).integration(integration.build()).build();
	}

	/** A function's failure, without a stack trace so that Lambda's error document is known to the byte. */
	static final class OrderException extends RuntimeException {

		OrderException(String message) {
			super(message, null, false, false);
		}

	}

}
