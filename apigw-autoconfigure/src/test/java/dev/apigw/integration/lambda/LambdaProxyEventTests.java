package dev.apigw.integration.lambda;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.apigw.deploy.DeploymentRegistry;
import dev.apigw.routing.ResourceRuntime;
import dev.apigw.routing.StageRuntime;
import dev.apigw.test.GatewayTestApplication;
import dev.apigw.test.RawHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The LAMBDA_PROXY event a handler receives, field by field, for requests sent byte by byte
 * through real Netty.
 */
@SpringBootTest(classes = { GatewayTestApplication.class, LambdaTestHandlers.class },
		webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("lambda")
class LambdaProxyEventTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	private int port;

	@Autowired
	private DeploymentRegistry registry;

	@BeforeEach
	void reset() {
		LambdaTestHandlers.captured.set(null);
	}

	@Test
	void getWithRepeatedQueryKeysAndMultiValueHeaders() throws IOException {
		RawHttp.Response response = send("GET /lambda/dev/items?category=electronics&category=books&q=a+b%20c%2Bd&flag"
				+ "#fragment HTTP/1.1\r\nHost: localhost\r\nauthorization: Bearer abc\r\nuser-agent: test-agent\r\n"
				+ "X-Multi: one\r\nX-Multi: two\r\nx-lower: kept\r\nConnection: close\r\n\r\n");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("captured");
		Map<String, Object> event = captured();
		assertThat(event.keySet()).containsExactly("resource", "path", "httpMethod", "headers", "multiValueHeaders",
				"queryStringParameters", "multiValueQueryStringParameters", "pathParameters", "stageVariables",
				"requestContext", "body", "isBase64Encoded");
		assertThat(event).containsEntry("resource", "/items")
			.containsEntry("path", "/items")
			.containsEntry("httpMethod", "GET")
			.containsEntry("pathParameters", null)
			.containsEntry("body", null)
			.containsEntry("isBase64Encoded", false);
		Map<String, Object> headers = new LinkedHashMap<>();
		headers.put("Host", "localhost");
		headers.put("Authorization", "Bearer abc");
		headers.put("User-Agent", "test-agent");
		headers.put("X-Multi", "two");
		headers.put("x-lower", "kept");
		headers.put("X-Forwarded-For", "127.0.0.1");
		headers.put("X-Forwarded-Port", String.valueOf(this.port));
		headers.put("X-Forwarded-Proto", "http");
		headers.put("X-Amzn-Trace-Id", response.headers().get("x-amzn-trace-id"));
		assertThat(map(event.get("headers"))).containsExactlyEntriesOf(headers);
		Map<String, Object> multiValueHeaders = new LinkedHashMap<>();
		headers.forEach((name, value) -> multiValueHeaders.put(name, List.of(value)));
		multiValueHeaders.put("X-Multi", List.of("one", "two"));
		assertThat(map(event.get("multiValueHeaders"))).containsExactlyEntriesOf(multiValueHeaders);
		assertThat(map(event.get("queryStringParameters"))).containsExactlyEntriesOf(
				ordered("category", "books", "q", "a b c+d", "flag", ""));
		assertThat(map(event.get("multiValueQueryStringParameters"))).containsExactlyEntriesOf(
				ordered("category", List.of("electronics", "books"), "q", List.of("a b c+d"), "flag", List.of("")));
		assertThat(map(event.get("stageVariables"))).containsExactlyEntriesOf(ordered("fn", "capture", "color", "blue"));
		StageRuntime stage = stage("lambda", "dev");
		Map<String, Object> identity = new LinkedHashMap<>();
		for (String key : List.of("accessKey", "accountId", "caller", "cognitoAuthenticationProvider",
				"cognitoAuthenticationType", "cognitoIdentityId", "cognitoIdentityPoolId", "principalOrgId")) {
			identity.put(key, null);
		}
		identity.put("sourceIp", "127.0.0.1");
		identity.put("user", null);
		identity.put("userAgent", "test-agent");
		identity.put("userArn", null);
		Map<String, Object> context = new LinkedHashMap<>();
		context.put("resourceId", resource(stage, "/items").id());
		context.put("resourcePath", "/items");
		context.put("httpMethod", "GET");
		context.put("extendedRequestId", response.headers().get("x-amz-apigw-id"));
		context.put("requestTime", "04/Mar/2026:19:15:17 +0000");
		context.put("path", "/dev/items");
		context.put("accountId", "123456789012");
		context.put("protocol", "HTTP/1.1");
		context.put("stage", "dev");
		context.put("domainPrefix", "localhost");
		context.put("requestTimeEpoch", 1772651717000L);
		context.put("requestId", response.headers().get("x-amzn-requestid"));
		context.put("identity", identity);
		context.put("domainName", "localhost");
		context.put("deploymentId", stage.deploymentId());
		context.put("apiId", "lambda");
		assertThat(map(event.get("requestContext"))).containsExactlyEntriesOf(context);
	}

	@Test
	void greedyPathKeepsEncodedCharactersInPathAndProxyParameter() throws IOException {
		RawHttp.Response response = send("GET /lambda/dev/api/user/test%2Balias@gmail.com/plus/test+alias@gmail.com/"
				+ " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
		assertThat(response.status()).isEqualTo(200);
		Map<String, Object> event = captured();
		assertThat(event).containsEntry("resource", "/{proxy+}")
			.containsEntry("path", "/api/user/test%2Balias@gmail.com/plus/test+alias@gmail.com/")
			.containsEntry("queryStringParameters", null)
			.containsEntry("multiValueQueryStringParameters", null);
		assertThat(map(event.get("pathParameters")))
			.containsExactlyEntriesOf(ordered("proxy", "api/user/test%2Balias@gmail.com/plus/test+alias@gmail.com"));
		assertThat(map(event.get("requestContext"))).containsEntry("resourcePath", "/{proxy+}")
			.containsEntry("path", "/dev/api/user/test%2Balias@gmail.com/plus/test+alias@gmail.com/");
	}

	@Test
	void doubleSlashesInsideThePathStayAndALeadingDoubleSlashCollapses() throws IOException {
		send("GET /lambda/dev/proxy-value//double-slash HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
		Map<String, Object> event = captured();
		assertThat(event).containsEntry("path", "/proxy-value//double-slash");
		assertThat(map(event.get("pathParameters"))).containsEntry("proxy", "proxy-value//double-slash");
		send("GET /lambda/dev//hardcoded HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
		event = captured();
		assertThat(event).containsEntry("resource", "/hardcoded").containsEntry("path", "/hardcoded");
		assertThat(map(event.get("requestContext"))).containsEntry("path", "/dev//hardcoded");
	}

	@Test
	void pathParametersAndOperationName() throws IOException {
		send("GET /lambda/dev/items/42%20x HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
		Map<String, Object> event = captured();
		assertThat(event).containsEntry("resource", "/items/{id}").containsEntry("path", "/items/42%20x");
		assertThat(map(event.get("pathParameters"))).containsExactlyEntriesOf(ordered("id", "42%20x"));
		assertThat(map(event.get("requestContext"))).containsEntry("operationName", "getItem");
	}

	@Test
	void binaryMediaTypeBodyIsBase64Encoded() throws IOException {
		byte[] png = { (byte) 0x89, 'P', 'N', 'G', 0, (byte) 0xff, '\r', '\n' };
		String head = "POST /lambda/dev/items HTTP/1.1\r\nHost: localhost\r\nContent-Type: image/png\r\n"
				+ "Content-Length: " + png.length + "\r\nConnection: close\r\n\r\n";
		RawHttp.Response response = send(head + new String(png, StandardCharsets.ISO_8859_1));
		assertThat(response.status()).isEqualTo(200);
		Map<String, Object> event = captured();
		assertThat(event).containsEntry("httpMethod", "POST")
			.containsEntry("body", Base64.getEncoder().encodeToString(png))
			.containsEntry("isBase64Encoded", true);
		assertThat(map(event.get("headers"))).containsEntry("Content-Type", "image/png").doesNotContainKey("Content-Length");
	}

	@Test
	void textBodyIsAStringAndStageVariablesAreNullWithoutVariables() throws IOException {
		String body = "{\"name\": \"Zoë\"}";
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		send("POST /lambdatext/bare/capture HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
				+ "Content-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n"
				+ new String(bytes, StandardCharsets.ISO_8859_1));
		Map<String, Object> event = captured();
		assertThat(event).containsEntry("body", body)
			.containsEntry("isBase64Encoded", false)
			.containsEntry("stageVariables", null);
	}

	@Test
	void pojoHandlerGetsTheEventAndAnswersWithThePojo() throws IOException {
		RawHttp.Response response = send("GET /lambda/dev/pojo?x=1&x=2 HTTP/1.1\r\nHost: localhost\r\n"
				+ "Connection: close\r\n\r\n");
		assertThat(response.status()).isEqualTo(201);
		assertThat(response.headers()).containsEntry("x-pojo", "yes").containsEntry("content-type", "text/plain");
		assertThat(response.body()).isEqualTo("GET /pojo /pojo stage=dev ip=127.0.0.1 q={x=2} id="
				+ response.headers().get("x-amzn-requestid"));
	}

	@Test
	void functionBeanOverMapGetsTheEvent() throws IOException {
		RawHttp.Response response = send("GET /lambda/dev/function HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("function GET /function");
	}

	@Test
	void functionNamesInStageVariablesResolvePerStage() throws IOException {
		assertThat(send("GET /lambda/dev/per-stage HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").body())
			.isEqualTo("captured");
		assertThat(send("GET /lambda/prod/per-stage HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").body())
			.startsWith("GET /per-stage /per-stage stage=prod");
	}

	@Test
	void handlersMappedOrNamedByClassAreCreatedFromTheirClass() throws IOException {
		assertThat(send("GET /lambda/dev/by-class HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").body())
			.isEqualTo("plain class mapped-class");
		assertThat(send("GET /lambda/dev/by-class-name HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").body())
			.isEqualTo("plain class dev.apigw.integration.lambda.LambdaTestHandlers$PlainClassHandler");
	}

	@Test
	void contextCarriesRequestIdFunctionAndRemainingTimeAndRunsOffTheEventLoop() throws IOException {
		RawHttp.Response response = send("GET /lambda/dev/context HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
		Map<String, Object> context = map(JSON.readValue(response.body(), Map.class));
		assertThat(context).containsEntry("awsRequestId", response.headers().get("x-amzn-requestid"))
			.containsEntry("functionName", "context")
			.containsEntry("functionVersion", "$LATEST")
			.containsEntry("invokedFunctionArn", "arn:aws:lambda:us-east-1:123456789012:function:context:live")
			.containsEntry("logGroupName", "/aws/lambda/context");
		assertThat((Integer) context.get("remainingTimeInMillis")).isBetween(1, 5000);
		assertThat((String) context.get("thread")).startsWith("apigw-lambda");
	}

	private RawHttp.Response send(String request) throws IOException {
		return RawHttp.send(this.port, request);
	}

	private Map<String, Object> captured() {
		byte[] bytes = LambdaTestHandlers.captured.get();
		assertThat(bytes).as("the handler was invoked").isNotNull();
		return map(JSON.readValue(bytes, LinkedHashMap.class));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		return (Map<String, Object>) value;
	}

	private static Map<String, Object> ordered(Object... pairs) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			map.put((String) pairs[i], pairs[i + 1]);
		}
		return map;
	}

	private StageRuntime stage(String api, String stage) {
		return this.registry.snapshot()
			.stages()
			.stream()
			.filter((runtime) -> runtime.api().id().equals(api) && runtime.stageName().equals(stage))
			.findFirst()
			.orElseThrow();
	}

	private static ResourceRuntime resource(StageRuntime stage, String path) {
		List<ResourceRuntime> matches = new ArrayList<>(
				stage.resourceList().stream().filter((resource) -> resource.path().equals(path)).toList());
		return matches.get(0);
	}

}
