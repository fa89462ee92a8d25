package dev.apigw.resilience;

import java.net.ConnectException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import dev.apigw.model.Api;
import dev.apigw.model.GatewayResponseType;
import dev.apigw.model.Integration;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.Method;
import dev.apigw.model.Resource;
import dev.apigw.model.Stage;
import dev.apigw.response.GatewayResponseException;
import dev.apigw.test.MutableClock;
import dev.apigw.test.StageHarness;
import dev.apigw.test.StageHarness.RecordingChain;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The circuit breaker phase compiled for a stage: one Resilience4j breaker per method that
 * calls something (none for MOCK), named after API, stage and method and kept across
 * deployments. Integration 5xx statuses, timeouts and unreachable integrations count as
 * failures, client errors do not; while a breaker is open its integration is not called and
 * the request gets the {@code INTEGRATION_FAILURE} gateway response with status 503; after
 * the wait a trial call that succeeds closes it. The breakers' clock is the test's: two
 * failures of two calls open a breaker for 30 seconds, and nothing sleeps.
 */
class CircuitBreakerFilterTests {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));

	private final CircuitBreakerRegistry registry = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
		.slidingWindowSize(2)
		.minimumNumberOfCalls(2)
		.failureRateThreshold(50)
		.waitDurationInOpenState(WAIT)
		.permittedNumberOfCallsInHalfOpenState(1)
		.clock(this.clock)
		.build());

	private final CircuitBreakerFilter phase = new CircuitBreakerFilter(this.registry);

	private final Api api = Api.builder("shop")
		.resource(Resource.of("/pets", http("GET"), http("POST")))
		.resource(Resource.of("/health",
				Method.builder("GET").integration(Integration.builder(IntegrationType.MOCK).build()).build()))
		.stage(Stage.of("dev", Map.of()))
		.source("test")
		.build();

	private final StageHarness stage = StageHarness.deploy(this.api, "dev");

	private final GatewayFilter filter = this.stage.compile(this.phase);

	private int integrationCalls;

	@Test
	void integrationServerErrorsOpenTheBreakerAndAnOpenBreakerAnswers503WithoutCallingTheIntegration() {
		call(HttpMethod.GET, answering(HttpStatus.BAD_GATEWAY));
		call(HttpMethod.GET, answering(HttpStatus.INTERNAL_SERVER_ERROR));
		MockServerWebExchange refused = call(HttpMethod.GET, answering(HttpStatus.OK));
		assertThat(this.integrationCalls).isEqualTo(2);
		assertThat(refused.getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(refused.getResponse().getHeaders().getFirst("x-amzn-ErrorType"))
			.isEqualTo("InternalServerErrorException");
		assertThat(refused.getResponse().getHeaders().getContentLength()).isEqualTo(36);
		assertThat(body(refused)).isEqualTo("{\"message\": \"Internal server error\"}");
		assertThat(StageHarness.invocation(refused).errorType()).isEqualTo(GatewayResponseType.INTEGRATION_FAILURE);
	}

	@Test
	void timeoutsAndUnreachableIntegrationsCountAsFailures() {
		call(HttpMethod.GET, failing(new GatewayResponseException(GatewayResponseType.INTEGRATION_TIMEOUT)));
		call(HttpMethod.GET, failing(new IllegalStateException("down", new ConnectException("Connection refused"))));
		assertThat(breaker("GET").getState()).isEqualTo(CircuitBreaker.State.OPEN);
	}

	@Test
	void theIntegrationsStatusCountsEvenWhenTheMethodResponseMapsItToASuccess() {
		GatewayFilterChain mapped = (exchange) -> {
			StageHarness.invocation(exchange).integrationStatus(503);
			return answering(HttpStatus.OK).filter(exchange);
		};
		call(HttpMethod.GET, mapped);
		call(HttpMethod.GET, mapped);
		assertThat(breaker("GET").getState()).isEqualTo(CircuitBreaker.State.OPEN);
	}

	@Test
	void clientErrorsAndGatewayResponsesOfOtherKindsDoNotOpenTheBreaker() {
		call(HttpMethod.GET, answering(HttpStatus.NOT_FOUND));
		call(HttpMethod.GET, failing(new GatewayResponseException(GatewayResponseType.UNSUPPORTED_MEDIA_TYPE)));
		call(HttpMethod.GET, answering(HttpStatus.TOO_MANY_REQUESTS));
		MockServerWebExchange passed = call(HttpMethod.GET, answering(HttpStatus.OK));
		assertThat(this.integrationCalls).isEqualTo(4);
		assertThat(passed.getResponse().getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(breaker("GET").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
	}

	@Test
	void afterTheWaitATrialCallIsLetThroughAndItsSuccessClosesTheBreaker() {
		open("GET");
		this.clock.advance(WAIT.minusSeconds(1));
		assertThat(call(HttpMethod.GET, answering(HttpStatus.OK)).getResponse().getStatusCode())
			.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		this.clock.advance(Duration.ofSeconds(2));
		assertThat(call(HttpMethod.GET, answering(HttpStatus.OK)).getResponse().getStatusCode())
			.isEqualTo(HttpStatus.OK);
		assertThat(breaker("GET").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
		assertThat(call(HttpMethod.GET, answering(HttpStatus.OK)).getResponse().getStatusCode())
			.isEqualTo(HttpStatus.OK);
	}

	@Test
	void eachMethodHasItsOwnBreakerNamedAfterItsApiStageVerbAndResource() {
		open("GET");
		assertThat(this.registry.find("shop/dev/GET /pets")).isPresent();
		assertThat(call(HttpMethod.POST, answering(HttpStatus.CREATED)).getResponse().getStatusCode())
			.isEqualTo(HttpStatus.CREATED);
		assertThat(breaker("POST").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
	}

	@Test
	void aMethodKeepsItsBreakerAcrossDeployments() {
		open("GET");
		StageHarness redeployed = StageHarness.deploy(this.api, "dev");
		MockServerWebExchange exchange = redeployed.exchange(redeployed.request(HttpMethod.GET, "/pets").build());
		StageHarness.respond(redeployed.compile(this.phase), exchange, new RecordingChain(answering(HttpStatus.OK)));
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
	}

	@Test
	void aMockIntegrationHasNoBreaker() {
		assertThat(this.registry.find("shop/dev/GET /health")).isEmpty();
		StageHarness mocks = StageHarness.deploy(Api.builder("shop")
			.resource(Resource.of("/health",
					Method.builder("GET").integration(Integration.builder(IntegrationType.MOCK).build()).build()))
			.stage(Stage.of("dev", Map.of()))
			.source("test")
			.build(), "dev");
		assertThat(mocks.compile(this.phase)).isNull();
	}

	private void open(String verb) {
		call(HttpMethod.valueOf(verb), answering(HttpStatus.BAD_GATEWAY));
		call(HttpMethod.valueOf(verb), answering(HttpStatus.BAD_GATEWAY));
		assertThat(breaker(verb).getState()).isEqualTo(CircuitBreaker.State.OPEN);
	}

	private CircuitBreaker breaker(String verb) {
		return this.registry.find("shop/dev/" + verb + " /pets").orElseThrow();
	}

	private MockServerWebExchange call(HttpMethod method, GatewayFilterChain integration) {
		MockServerWebExchange exchange = this.stage.exchange(this.stage.request(method, "/pets").build());
		StageHarness.respond(this.filter, exchange, new RecordingChain(integration));
		return exchange;
	}

	private GatewayFilterChain answering(HttpStatus status) {
		return (exchange) -> {
			this.integrationCalls++;
			exchange.getResponse().setStatusCode(status);
			return exchange.getResponse().setComplete();
		};
	}

	private GatewayFilterChain failing(Throwable failure) {
		return (exchange) -> {
			this.integrationCalls++;
			return Mono.error(failure);
		};
	}

	private static String body(MockServerWebExchange exchange) {
		return exchange.getResponse().getBodyAsString().block(Duration.ofSeconds(5));
	}

	private static Method http(String verb) {
		return Method.builder(verb)
			.integration(Integration.builder(IntegrationType.HTTP_PROXY).uri("http://backend.test/pets").build())
			.build();
	}

}
