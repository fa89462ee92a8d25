package dev.apigw.auth;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.apigw.auth.SecurityTestConfiguration.Calls;
import dev.apigw.test.MutableClock;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lambda authorizers end to end: the events functions receive, field by field; caching by
 * identity source within the TTL (and the cached-policy pitfall of {@code {proxy+}}); the
 * 401, 403 and 500 answers with AWS's bodies.
 */
class LambdaAuthorizerTests extends SecurityGatewayTest {

	private static final String ARN = "arn:aws:execute-api:us-east-1:123456789012:auth/dev/";

	@Autowired
	private WebTestClient client;

	@Autowired
	private Calls calls;

	@Autowired
	private MutableClock clock;

	@BeforeEach
	void clear() {
		this.calls.clear();
	}

	@Test
	void tokenEventReachesTheFunctionAndItsContextTheMethod() {
		EntityExchangeResult<String> result = get("/auth/dev/token", "Authorization", "allow-alice").expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult();
		assertThat(result.getResponseBody())
			.isEqualTo("{\"principalId\":\"alice\",\"user\":\"alice\",\"number\":\"1\",\"flag\":\"true\"}");
		List<Map<String, Object>> events = this.calls.of("tokenAuthorizer");
		assertThat(events).hasSize(1);
		assertThat(events.get(0)).containsExactly(Map.entry("type", "TOKEN"),
				Map.entry("authorizationToken", "allow-alice"), Map.entry("methodArn", ARN + "GET/token"));
		String requestId = result.getResponseHeaders().getFirst("x-amzn-RequestId");
		// listeners hear of the request when it completes, which may be after the client has the response
		Awaitility.await()
			.atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(this.calls.usageKeys).containsEntry(requestId, "key-alice"));
	}

	@Test
	void resultIsCachedByTokenForTheTtl() {
		get("/auth/dev/token", "Authorization", "allow-cached").expectStatus().isOk();
		get("/auth/dev/token", "Authorization", "allow-cached").expectStatus().isOk();
		assertThat(this.calls.of("tokenAuthorizer")).hasSize(1);
		get("/auth/dev/token", "Authorization", "allow-other").expectStatus().isOk();
		assertThat(this.calls.of("tokenAuthorizer")).hasSize(2);
		this.clock.advance(Duration.ofSeconds(299));
		get("/auth/dev/token", "Authorization", "allow-cached").expectStatus().isOk();
		assertThat(this.calls.of("tokenAuthorizer")).hasSize(2);
		this.clock.advance(Duration.ofSeconds(2));
		get("/auth/dev/token", "Authorization", "allow-cached").expectStatus().isOk();
		assertThat(this.calls.of("tokenAuthorizer")).hasSize(3);
	}

	@Test
	void ttlZeroInvokesTheFunctionForEveryRequest() {
		get("/auth/dev/uncached", "Authorization", "allow-uncached").expectStatus().isOk();
		get("/auth/dev/uncached", "Authorization", "allow-uncached").expectStatus().isOk();
		assertThat(this.calls.of("tokenAuthorizer")).hasSize(2);
	}

	@Test
	void cachedPolicyScopedToTheFirstPathDeniesOtherPathsOfTheProxyUntilItExpires() {
		get("/auth/dev/pets/1", "X-Token", "pitfall").expectStatus().isOk();
		assertDenied(get("/auth/dev/orders/7", "X-Token", "pitfall"),
				"{\"Message\":\"User is not authorized to access this resource\"}");
		List<Map<String, Object>> events = this.calls.of("scopedAuthorizer");
		assertThat(events).hasSize(1);
		assertThat(events.get(0)).containsEntry("methodArn", ARN + "GET/pets/1");
		this.clock.advance(Duration.ofSeconds(301));
		get("/auth/dev/orders/7", "X-Token", "pitfall").expectStatus().isOk();
		assertThat(this.calls.of("scopedAuthorizer")).hasSize(2);
	}

	@Test
	void missingTokenIsUnauthorizedWithoutInvokingTheFunction() {
		assertUnauthorized(this.client.get().uri("/auth/dev/token").exchange());
		assertThat(this.calls.events).isEmpty();
	}

	@Test
	void tokenFailingTheValidationExpressionIsUnauthorizedWithoutInvokingTheFunction() {
		assertUnauthorized(get("/auth/dev/token", "Authorization", "Bearer allow-mallory"));
		assertUnauthorized(get("/auth/dev/token", "Authorization", ""));
		assertThat(this.calls.events).isEmpty();
	}

	@Test
	void functionSayingUnauthorizedIsUnauthorized() {
		assertUnauthorized(get("/auth/dev/token", "Authorization", "unauthorized-eve"));
		assertUnauthorized(get("/auth/dev/token", "Authorization", "unauthorized-eve"));
		assertThat(this.calls.of("tokenAuthorizer")).hasSize(2);
	}

	@Test
	void explicitDenyIsForbiddenWithCapitalMessage() {
		EntityExchangeResult<byte[]> result = assertDenied(get("/auth/dev/token", "Authorization", "deny-bob"),
				"{\"Message\":\"User is not authorized to access this resource with an explicit deny\"}");
		assertThat(result.getResponseHeaders().getContentLength()).isEqualTo(82);
	}

	@Test
	void allowForAnotherResourceIsForbidden() {
		assertDenied(get("/auth/dev/token", "Authorization", "other-bob"),
				"{\"Message\":\"User is not authorized to access this resource\"}");
	}

	@Test
	void failingOrMalformedFunctionsAreAuthorizerConfigurationErrors() {
		for (String token : List.of("error-x", "badcontext-x", "noprincipal-x")) {
			get("/auth/dev/token", "Authorization", token).expectStatus()
				.isEqualTo(500)
				.expectHeader()
				.valueEquals("x-amzn-ErrorType", "AuthorizerConfigurationException")
				.expectBody(String.class)
				.isEqualTo("{\"message\": null}");
		}
	}

	@Test
	@SuppressWarnings("unchecked")
	void requestEventCarriesTheRequestFieldByField() {
		EntityExchangeResult<String> result = this.client.get()
			.uri("/auth/dev/request/42?tenant=acme&tenant=beta&x=1")
			.header("X-User", "bob")
			.header("user-agent", "tests")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult();
		assertThat(result.getResponseBody()).startsWith("{\"principalId\":\"bob\",\"user\":\"bob\"");
		List<Map<String, Object>> events = this.calls.of("requestAuthorizer");
		assertThat(events).hasSize(1);
		Map<String, Object> event = events.get(0);
		assertThat(event).containsOnlyKeys("type", "methodArn", "resource", "path", "httpMethod", "headers",
				"multiValueHeaders", "queryStringParameters", "multiValueQueryStringParameters", "pathParameters",
				"stageVariables", "requestContext");
		assertThat(event).containsEntry("type", "REQUEST")
			.containsEntry("methodArn", ARN + "GET/request/42")
			.containsEntry("resource", "/request/{id}")
			.containsEntry("path", "/request/42")
			.containsEntry("httpMethod", "GET")
			.containsEntry("queryStringParameters", Map.of("tenant", "beta", "x", "1"))
			.containsEntry("multiValueQueryStringParameters", Map.of("tenant", List.of("acme", "beta"), "x", List.of("1")))
			.containsEntry("pathParameters", Map.of("id", "42"))
			.containsEntry("stageVariables", Map.of("region", "eu"));
		assertThat((Map<String, String>) event.get("headers")).containsEntry("X-User", "bob")
			.containsEntry("User-Agent", "tests");
		assertThat((Map<String, List<String>>) event.get("multiValueHeaders")).containsEntry("X-User", List.of("bob"));
		Map<String, Object> context = (Map<String, Object>) event.get("requestContext");
		assertThat(context).containsEntry("accountId", "123456789012")
			.containsEntry("apiId", "auth")
			.containsEntry("stage", "dev")
			.containsEntry("httpMethod", "GET")
			.containsEntry("path", "/dev/request/42")
			.containsEntry("resourcePath", "/request/{id}")
			.containsEntry("protocol", "HTTP/1.1")
			.containsEntry("requestId", result.getResponseHeaders().getFirst("x-amzn-RequestId"));
		assertThat((Map<String, Object>) context.get("identity")).containsEntry("sourceIp", "127.0.0.1")
			.containsEntry("userAgent", "tests")
			.containsEntry("apiKey", null);
	}

	@Test
	void requestAuthorizerIsCachedByAllIdentitySourcesAndNeedsEachOfThem() {
		this.client.get().uri("/auth/dev/request/1?tenant=acme").header("X-User", "carol").exchange().expectStatus().isOk();
		this.client.get().uri("/auth/dev/request/2?tenant=acme").header("X-User", "carol").exchange().expectStatus().isOk();
		assertThat(this.calls.of("requestAuthorizer")).hasSize(1);
		this.client.get().uri("/auth/dev/request/1?tenant=beta").header("X-User", "carol").exchange().expectStatus().isOk();
		assertThat(this.calls.of("requestAuthorizer")).hasSize(2);
		assertUnauthorized(this.client.get().uri("/auth/dev/request/1").header("X-User", "carol").exchange());
		assertUnauthorized(this.client.get().uri("/auth/dev/request/1?tenant=acme").exchange());
		assertThat(this.calls.of("requestAuthorizer")).hasSize(2);
	}

	@Test
	void lambdaRequestHandlerWrittenAgainstAwsTypesIsAnAuthorizer() {
		get("/auth/dev/handler", "Authorization", "anything").expectStatus()
			.isOk()
			.expectBody(String.class)
			.isEqualTo("{\"principalId\":\"handler-user\",\"user\":\"from-handler\",\"number\":\"\",\"flag\":\"\"}");
		assertThat(this.calls.of("awsHandlerAuthorizer")).containsExactly(Map.of("type", "TOKEN", "authorizationToken",
				"anything", "methodArn", ARN + "GET/handler", "function", "awsHandlerAuthorizer"));
	}

	private WebTestClient.ResponseSpec get(String path, String header, String value) {
		return this.client.get().uri(path).header(header, value).exchange();
	}

	private static void assertUnauthorized(WebTestClient.ResponseSpec response) {
		response.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.valueEquals("x-amzn-ErrorType", "UnauthorizedException")
			.expectBody(String.class)
			.isEqualTo("{\"message\":\"Unauthorized\"}");
	}

	private static EntityExchangeResult<byte[]> assertDenied(WebTestClient.ResponseSpec response, String body) {
		EntityExchangeResult<byte[]> result = response.expectStatus()
			.isForbidden()
			.expectHeader()
			.valueEquals("x-amzn-ErrorType", "AccessDeniedException")
			.expectBody()
			.returnResult();
		assertThat(new String(result.getResponseBodyContent(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(body);
		return result;
	}

}
