package dev.apigw.pipeline;

import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.apigw.model.Api;
import dev.apigw.model.GatewayResponseType;
import dev.apigw.model.Integration;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.Method;
import dev.apigw.model.Resource;
import dev.apigw.model.Stage;
import dev.apigw.response.GatewayResponseException;
import dev.apigw.response.GatewayResponseWriter;
import dev.apigw.routing.ApiInvocation;
import dev.apigw.test.StageHarness;
import dev.apigw.test.StageHarness.RecordingChain;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest.BodyBuilder;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ResponseStatusException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The invocation phase compiled for a stage: matches the resource and method of a started
 * invocation (403 {@code Missing Authentication Token} otherwise, as AWS answers an unknown
 * route or verb), refuses dot segments and bodies over the size limit (413 in plain text,
 * counted up front or while a chunked body streams), turns the failures of later phases
 * into the gateway responses AWS sends, stamps the request ids on every response, and tells
 * its listeners the status sent.
 */
class InvocationFilterTests {

	private static final int LIMIT = 16;

	private final List<Integer> statuses = new ArrayList<>();

	private final InvocationFilter phase = new InvocationFilter(new GatewayResponseWriter(), LIMIT,
			List.of((invocation, status, duration) -> this.statuses.add(status)));

	private final StageHarness stage = StageHarness.deploy(Api.builder("shop")
		.resource(Resource.of("/pets", mock("GET")))
		.resource(Resource.of("/pets/{petId}", mock("GET")))
		.stage(Stage.of("dev", Map.of()))
		.source("test")
		.build(), "dev");

	private final GatewayFilter filter = this.stage.compile(this.phase);

	@Test
	void aMatchedRequestGoesOnWithItsMethodAndPathParameters() {
		MockServerWebExchange exchange = this.stage.started(this.stage.request(HttpMethod.GET, "/pets/7").build());
		RecordingChain chain = new RecordingChain();
		assertThat(StageHarness.run(this.filter, exchange, chain)).isNull();
		assertThat(chain.called()).isTrue();
		ApiInvocation invocation = StageHarness.invocation(chain.exchange());
		assertThat(invocation.requiredMethod().resource().path()).isEqualTo("/pets/{petId}");
		assertThat(invocation.requiredMethod().method().httpMethod()).isEqualTo("GET");
		assertThat(invocation.pathParameters()).containsExactly(Map.entry("petId", "7"));
	}

	@Test
	void aPathNoResourceMatchesIsAnsweredMissingAuthenticationToken() {
		MockServerWebExchange exchange = this.stage.started(this.stage.request(HttpMethod.GET, "/owners").build());
		RecordingChain chain = new RecordingChain();
		assertThat(StageHarness.run(this.filter, exchange, chain)).isNull();
		assertThat(chain.called()).isFalse();
		assertAnswered(exchange, HttpStatus.FORBIDDEN, "MissingAuthenticationTokenException",
				"{\"message\":\"Missing Authentication Token\"}");
	}

	@Test
	void aVerbTheResourceDoesNotDefineIsAnsweredMissingAuthenticationToken() {
		MockServerWebExchange exchange = this.stage.started(this.stage.request(HttpMethod.DELETE, "/pets").build());
		RecordingChain chain = new RecordingChain();
		assertThat(StageHarness.run(this.filter, exchange, chain)).isNull();
		assertThat(chain.called()).isFalse();
		assertAnswered(exchange, HttpStatus.FORBIDDEN, "MissingAuthenticationTokenException",
				"{\"message\":\"Missing Authentication Token\"}");
	}

	@Test
	void aPathWithADotSegmentIsAnsweredBadRequestWithoutMatching() {
		MockServerWebExchange exchange = this.stage.started(this.stage.request(HttpMethod.GET, "/pets/..").build());
		RecordingChain chain = new RecordingChain();
		assertThat(StageHarness.run(this.filter, exchange, chain)).isNull();
		assertThat(chain.called()).isFalse();
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(body(exchange)).isEqualTo("{\"message\":\"Invalid path: dot segments are not allowed\"}");
	}

	@Test
	void aBodyWhoseLengthExceedsTheLimitIsAnswered413InPlainTextWithoutGoingOn() {
		MockServerWebExchange exchange = this.stage.started(this.stage.request(HttpMethod.GET, "/pets")
			.contentLength(LIMIT + 1)
			.body("x".repeat(LIMIT + 1)));
		RecordingChain chain = new RecordingChain();
		assertThat(StageHarness.run(this.filter, exchange, chain)).isNull();
		assertThat(chain.called()).isFalse();
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
		assertThat(exchange.getResponse().getHeaders().getContentType()).isEqualTo(MediaType.TEXT_PLAIN);
		assertThat(exchange.getResponse().getHeaders().getContentLength()).isEqualTo(38);
		assertThat(body(exchange)).isEqualTo("HTTP content length exceeded 16 bytes.");
	}

	@Test
	void aChunkedBodyThatOutgrowsTheLimitWhileAPhaseReadsItIsAnswered413() {
		BodyBuilder request = this.stage.request(HttpMethod.GET, "/pets")
			.header(HttpHeaders.TRANSFER_ENCODING, "chunked");
		MockServerWebExchange exchange = this.stage.started(request.body("x".repeat(LIMIT + 1)));
		RecordingChain chain = new RecordingChain((read) -> DataBufferUtils.join(read.getRequest().getBody())
			.flatMap((body) -> write(read.getResponse(), HttpStatus.OK, "read")));
		assertThat(StageHarness.run(this.filter, exchange, chain)).isNull();
		assertThat(chain.called()).isTrue();
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
		assertThat(body(exchange)).isEqualTo("HTTP content length exceeded 16 bytes.");
	}

	@Test
	void aChunkedBodyWithinTheLimitReachesTheLaterPhasesWhole() {
		BodyBuilder request = this.stage.request(HttpMethod.GET, "/pets")
			.header(HttpHeaders.TRANSFER_ENCODING, "chunked");
		MockServerWebExchange exchange = this.stage.started(request.body("x".repeat(LIMIT)));
		RecordingChain chain = new RecordingChain((read) -> DataBufferUtils.join(read.getRequest().getBody())
			.flatMap((body) -> write(read.getResponse(), HttpStatus.OK, body.toString(StandardCharsets.UTF_8))));
		assertThat(StageHarness.run(this.filter, exchange, chain)).isNull();
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(body(exchange)).isEqualTo("x".repeat(LIMIT));
	}

	@Test
	void aGatewayResponseOfALaterPhaseIsAnsweredWithItsStatusBodyAndErrorType() {
		MockServerWebExchange exchange = failWith(new GatewayResponseException(GatewayResponseType.THROTTLED));
		assertAnswered(exchange, HttpStatus.TOO_MANY_REQUESTS, "TooManyRequestsException",
				"{\"message\":\"Too Many Requests\"}");
		assertThat(StageHarness.invocation(exchange).errorType()).isEqualTo(GatewayResponseType.THROTTLED);
	}

	@Test
	void anIntegrationThatTimesOutIsAnsweredEndpointRequestTimedOut() {
		MockServerWebExchange exchange = failWith(new ResponseStatusException(HttpStatus.GATEWAY_TIMEOUT));
		assertAnswered(exchange, HttpStatus.GATEWAY_TIMEOUT, "InternalServerErrorException",
				"{\"message\": \"Endpoint request timed out\"}");
	}

	@Test
	void anIntegrationThatCannotBeReachedIsAnsweredIntegrationFailure() {
		MockServerWebExchange exchange = failWith(
				new IllegalStateException("connecting failed", new ConnectException("Connection refused")));
		assertAnswered(exchange, HttpStatus.GATEWAY_TIMEOUT, "InternalServerErrorException",
				"{\"message\": \"Internal server error\"}");
		assertThat(StageHarness.invocation(exchange).errorType()).isEqualTo(GatewayResponseType.INTEGRATION_FAILURE);
	}

	@Test
	void anUnexpectedFailureIsAnsweredInternalServerError() {
		MockServerWebExchange exchange = failWith(new IllegalStateException("bug"));
		assertAnswered(exchange, HttpStatus.INTERNAL_SERVER_ERROR, "InternalServerErrorException",
				"{\"message\": \"Internal server error\"}");
		assertThat(StageHarness.invocation(exchange).errorType())
			.isEqualTo(GatewayResponseType.API_CONFIGURATION_ERROR);
	}

	@Test
	void aResponseOfTheLaterPhasesCarriesTheRequestIds() {
		MockServerWebExchange exchange = this.stage.started(this.stage.request(HttpMethod.GET, "/pets").build());
		RecordingChain chain = new RecordingChain((ok) -> write(ok.getResponse(), HttpStatus.OK, "[]"));
		assertThat(StageHarness.run(this.filter, exchange, chain)).isNull();
		ApiInvocation invocation = StageHarness.invocation(exchange);
		HttpHeaders headers = exchange.getResponse().getHeaders();
		assertThat(headers.getFirst("x-amzn-RequestId")).isEqualTo(invocation.requestId());
		assertThat(headers.getFirst("x-amz-apigw-id")).isEqualTo(invocation.extendedRequestId());
		assertThat(body(exchange)).isEqualTo("[]");
		assertThat(exchange.getLogPrefix()).contains(invocation.requestId());
	}

	@Test
	void listenersAreToldTheStatusSentOnceTheRequestCompletes() {
		MockServerWebExchange found = this.stage.started(this.stage.request(HttpMethod.GET, "/pets").build());
		StageHarness.run(this.filter, found,
				new RecordingChain((ok) -> write(ok.getResponse(), HttpStatus.CREATED, "")));
		MockServerWebExchange missing = this.stage.started(this.stage.request(HttpMethod.GET, "/owners").build());
		StageHarness.run(this.filter, missing, new RecordingChain());
		assertThat(this.statuses).containsExactly(201, 403);
	}

	@Test
	void aFailingListenerDoesNotChangeTheResponse() {
		InvocationFilter failingListener = new InvocationFilter(new GatewayResponseWriter(), LIMIT,
				List.of((invocation, status, duration) -> {
					throw new IllegalStateException("listener failed");
				}));
		MockServerWebExchange exchange = this.stage.started(this.stage.request(HttpMethod.GET, "/pets").build());
		RecordingChain chain = new RecordingChain((ok) -> write(ok.getResponse(), HttpStatus.OK, "[]"));
		assertThat(StageHarness.run(this.stage.compile(failingListener), exchange, chain)).isNull();
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(body(exchange)).isEqualTo("[]");
	}

	@Test
	void anExchangeOutsideEveryMountGoesOnUntouched() {
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/actuator/health"));
		RecordingChain chain = new RecordingChain();
		assertThat(StageHarness.run(this.filter, exchange, chain)).isNull();
		assertThat(chain.exchange()).isSameAs(exchange);
		assertThat(exchange.getResponse().getHeaders().containsHeader("x-amzn-RequestId")).isFalse();
		assertThat(this.statuses).isEmpty();
	}

	private MockServerWebExchange failWith(Throwable failure) {
		MockServerWebExchange exchange = this.stage.started(this.stage.request(HttpMethod.GET, "/pets").build());
		GatewayFilterChain failing = (failed) -> Mono.error(failure);
		assertThat(StageHarness.run(this.filter, exchange, new RecordingChain(failing))).isNull();
		return exchange;
	}

	private static void assertAnswered(MockServerWebExchange exchange, HttpStatus status, String errorType,
			String body) {
		HttpHeaders headers = exchange.getResponse().getHeaders();
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(status);
		assertThat(headers.getFirst("x-amzn-ErrorType")).isEqualTo(errorType);
		assertThat(headers.getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
		assertThat(headers.getContentLength()).isEqualTo(body.getBytes(StandardCharsets.UTF_8).length);
		assertThat(headers.getFirst("x-amzn-RequestId")).isEqualTo(StageHarness.invocation(exchange).requestId());
		assertThat(body(exchange)).isEqualTo(body);
	}

	private static Mono<Void> write(ServerHttpResponse response, HttpStatus status, String body) {
		response.setStatusCode(status);
		return response.writeWith(Mono.just(response.bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8))));
	}

	private static String body(MockServerWebExchange exchange) {
		return exchange.getResponse().getBodyAsString().block(Duration.ofSeconds(5));
	}

	private static Method mock(String verb) {
		return Method.builder(verb).integration(Integration.builder(IntegrationType.MOCK).build()).build();
	}

}
