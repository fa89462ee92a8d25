package dev.apigw.throttle;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;

import dev.apigw.definition.Problems;
import dev.apigw.pipeline.FilterOrders;
import dev.apigw.pipeline.PipelinePhase;
import dev.apigw.routing.ApiInvocation;
import dev.apigw.routing.StageRuntime;
import dev.apigw.test.GatewayTestApplication;
import dev.apigw.test.MutableClock;
import dev.apigw.test.TestBackend;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * API keys, usage plans, quotas and throttles end to end, on the in-memory store, with the
 * gateway's clock in the test's hands.
 */
@SpringBootTest(classes = { GatewayTestApplication.class, UsagePlanGatewayTests.TestClock.class },
		webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@ActiveProfiles("usageplans")
class UsagePlanGatewayTests {

	private static final TestBackend backend = TestBackend.start();

	private static final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));

	private static final String ALPHA = "alpha-key-0123456789abcdef";

	private static final String THROTTLED = "throttled-key-0123456789abcdef";

	@Autowired
	private WebTestClient client;

	@Autowired
	private MeterRegistry meters;

	@DynamicPropertySource
	static void backend(DynamicPropertyRegistry registry) {
		registry.add("apigw.apis.shop.stages.dev.variables.backend", backend::address);
		registry.add("apigw.apis.shop.stages.prod.variables.backend", backend::address);
	}

	@AfterAll
	static void stopBackend() {
		backend.close();
	}

	@BeforeEach
	void startInAFreshMonth() {
		// every bucket refilled, every quota period new; time only moves forward
		clock.advance(Duration.ofDays(40));
	}

	@Test
	void missingKeyIsForbiddenAsOnAws() {
		this.client.get()
			.uri("/shop/dev/items")
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.valueEquals("x-amzn-ErrorType", "ForbiddenException")
			.expectHeader()
			.valueEquals("Content-Type", "application/json")
			.expectHeader()
			.contentLength(23)
			.expectBody(String.class)
			.isEqualTo("{\"message\":\"Forbidden\"}");
	}

	@Test
	void unknownDisabledAndPlanlessKeysAreForbidden() {
		forbidden("/shop/dev/items", "not-a-key-0123456789abcdef");
		forbidden("/shop/dev/items", "disabled-key-0123456789abcdef");
		forbidden("/shop/dev/items", "orphan-key-0123456789abcdef");
		// the daily plan covers dev only
		forbidden("/shop/prod/items", ALPHA);
		forbidden("/shop/dev/items", "");
	}

	@Test
	void validKeySetsTheIdentityOfTheRequest() {
		Map<String, Object> echo = TestBackend.echo(get("/shop/dev/items", ALPHA).expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody());
		assertThat(headers(echo)).containsEntry("x-key-id", List.of("alpha")).containsEntry("x-key", List.of(ALPHA));
	}

	@Test
	void headerNameIsCaseInsensitiveAndHashedKeysWork() {
		this.client.get()
			.uri("/shop/dev/items")
			.header("X-API-KEY", "beta-key-0123456789abcdef")
			.exchange()
			.expectStatus()
			.isOk();
		get("/shop/prod/items", "headers-key-0123456789abcdef").expectStatus().isOk();
	}

	@Test
	void methodsThatRequireNoKeyIgnoreKeysAndHaveNoKeyIdentity() {
		Map<String, Object> echo = TestBackend.echo(get("/shop/dev/open", "not-a-key-0123456789abcdef").expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody());
		assertThat(headers(echo)).doesNotContainKey("x-key-id");
	}

	@Test
	void quotaExceededIsLimitExceededUntilTheNextUtcDay() {
		moveTo(clock.instant().atZone(ZoneOffset.UTC).toLocalDate().plusDays(1).atTime(23, 59, 59));
		for (int i = 0; i < 5; i++) {
			get("/shop/dev/items", ALPHA).expectStatus().isOk();
		}
		get("/shop/dev/items", ALPHA).expectStatus()
			.isEqualTo(429)
			.expectHeader()
			.valueEquals("x-amzn-ErrorType", "LimitExceededException")
			.expectBody(String.class)
			.isEqualTo("{\"message\":\"Limit Exceeded\"}");
		clock.advance(Duration.ofSeconds(1));
		get("/shop/dev/items", ALPHA).expectStatus().isOk();
	}

	@Test
	void planThrottleRefusesBeyondTheBurstAndRefillsAtTheRate() {
		for (int i = 0; i < 3; i++) {
			get("/shop/dev/items", THROTTLED).expectStatus().isOk();
		}
		get("/shop/dev/items", THROTTLED).expectStatus()
			.isEqualTo(429)
			.expectHeader()
			.valueEquals("x-amzn-ErrorType", "TooManyRequestsException")
			.expectBody(String.class)
			.isEqualTo("{\"message\":\"Too Many Requests\"}");
		clock.advance(Duration.ofMillis(499));
		get("/shop/dev/items", THROTTLED).expectStatus().isEqualTo(429);
		clock.advance(Duration.ofMillis(1));
		get("/shop/dev/items", THROTTLED).expectStatus().isOk();
	}

	@Test
	void throttledRequestsDoNotUseUpTheQuota() {
		for (int i = 0; i < 3; i++) {
			get("/shop/dev/items", THROTTLED).expectStatus().isOk();
		}
		for (int i = 0; i < 5; i++) {
			get("/shop/dev/items", THROTTLED).expectStatus().isEqualTo(429).expectBody(String.class)
				.isEqualTo("{\"message\":\"Too Many Requests\"}");
		}
		clock.advance(Duration.ofSeconds(10));
		get("/shop/dev/items", THROTTLED).expectStatus().isOk();
		get("/shop/dev/items", THROTTLED).expectStatus().isEqualTo(429).expectBody(String.class)
			.isEqualTo("{\"message\":\"Limit Exceeded\"}");
		LocalDate today = clock.instant().atZone(ZoneOffset.UTC).toLocalDate();
		assertThat(usage("tight", today, today, null)).containsEntry("values",
				Map.of("throttled", List.of(List.of(4, 0))));
	}

	@Test
	void perMethodThrottleOfAPlanReplacesThePlanThrottleForThatMethod() {
		this.client.post().uri("/shop/dev/items").header("x-api-key", THROTTLED).exchange().expectStatus().isOk();
		this.client.post()
			.uri("/shop/dev/items")
			.header("x-api-key", THROTTLED)
			.exchange()
			.expectStatus()
			.isEqualTo(429);
		// GET still has the plan's burst of 3
		get("/shop/dev/items", THROTTLED).expectStatus().isOk();
	}

	@Test
	void stageMethodSettingsThrottleTheMethod() {
		this.client.get().uri("/shop/dev/limited").exchange().expectStatus().isOk();
		this.client.get().uri("/shop/dev/limited").exchange().expectStatus().isOk();
		this.client.get()
			.uri("/shop/dev/limited")
			.exchange()
			.expectStatus()
			.isEqualTo(429)
			.expectBody(String.class)
			.isEqualTo("{\"message\":\"Too Many Requests\"}");
		// prod has no method settings
		this.client.get().uri("/shop/prod/limited").exchange().expectStatus().isOk();
		clock.advance(Duration.ofSeconds(1));
		this.client.get().uri("/shop/dev/limited").exchange().expectStatus().isOk();
	}

	@Test
	void accountThrottleCoversEveryRequest() {
		for (int i = 0; i < 150; i++) {
			this.client.get().uri("/shop/prod/free").exchange().expectStatus().isOk();
		}
		this.client.get().uri("/shop/dev/free").exchange().expectStatus().isEqualTo(429);
		assertThat(this.meters.get("apigw.throttled").tag("plan", "none").tag("level", "account").counter().count())
			.isGreaterThanOrEqualTo(1);
	}

	@Test
	void weeklyQuotaStartsOnMondayAndItsOffsetAppliesToTheFirstWeekOnly() {
		String weekly = "weekly-key-0123456789abcdef";
		LocalDate monday = clock.instant()
			.atZone(ZoneOffset.UTC)
			.toLocalDate()
			.plusDays(1)
			.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
		moveTo(monday.minusDays(1).atTime(12, 0));
		// first week (ends Sunday 24:00): limit 3 less offset 1
		get("/shop/dev/items", weekly).expectStatus().isOk();
		get("/shop/dev/items", weekly).expectStatus().isOk();
		get("/shop/dev/items", weekly).expectStatus().isEqualTo(429);
		moveTo(monday.atTime(LocalTime.MIDNIGHT));
		for (int i = 0; i < 3; i++) {
			get("/shop/dev/items", weekly).expectStatus().isOk();
		}
		get("/shop/dev/items", weekly).expectStatus().isEqualTo(429);
		moveTo(monday.plusDays(6).atTime(23, 0));
		get("/shop/dev/items", weekly).expectStatus().isEqualTo(429);
	}

	@Test
	void monthlyQuotaLastsTheCalendarMonth() {
		String monthly = "monthly-key-0123456789abcdef";
		LocalDate first = clock.instant().atZone(ZoneOffset.UTC).toLocalDate().plusMonths(1).withDayOfMonth(1);
		moveTo(first.atTime(0, 0));
		get("/shop/dev/items", monthly).expectStatus().isOk();
		moveTo(first.plusDays(20).atTime(0, 0));
		get("/shop/dev/items", monthly).expectStatus().isOk();
		get("/shop/dev/items", monthly).expectStatus().isEqualTo(429);
		moveTo(first.plusMonths(1).atTime(0, 0));
		get("/shop/dev/items", monthly).expectStatus().isOk();
	}

	@Test
	void rateLimitHeadersDescribeTheTightestLimit() {
		get("/shop/dev/items", THROTTLED).expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("X-RateLimit-Limit", "3")
			.expectHeader()
			.valueEquals("X-RateLimit-Remaining", "2")
			.expectHeader()
			.valueEquals("X-RateLimit-Reset", "1");
		get("/shop/dev/items", THROTTLED).expectStatus().isOk();
		get("/shop/dev/items", THROTTLED).expectStatus().isOk();
		get("/shop/dev/items", THROTTLED).expectStatus()
			.isEqualTo(429)
			.expectHeader()
			.valueEquals("X-RateLimit-Remaining", "0")
			.expectHeader()
			.valueEquals("Retry-After", "1")
			.expectHeader()
			.exists("x-amzn-RequestId");
	}

	@Test
	void usageReportHasAwsGetUsageShape() {
		LocalDate today = clock.instant().atZone(ZoneOffset.UTC).toLocalDate();
		get("/shop/dev/items", ALPHA).expectStatus().isOk();
		get("/shop/dev/items", ALPHA).expectStatus().isOk();
		clock.advance(Duration.ofDays(1));
		get("/shop/dev/items", ALPHA).expectStatus().isOk();
		Map<String, Object> report = usage("daily", today.minusDays(1), today.plusDays(1), null);
		assertThat(report).containsEntry("usagePlanId", "daily")
			.containsEntry("startDate", today.minusDays(1).toString())
			.containsEntry("endDate", today.plusDays(1).toString())
			.containsEntry("values", Map.of("alpha", List.of(List.of(0, 5), List.of(2, 3), List.of(1, 4))));
		assertThat(usage("open", today, today, "beta")).containsEntry("values",
				Map.of("beta", List.of(java.util.Arrays.asList(0, null))));
		this.client.get()
			.uri("/actuator/apigw/usage/daily?startDate=" + today)
			.exchange()
			.expectStatus()
			.isBadRequest();
		this.client.get()
			.uri("/actuator/apigw/usage/nope?startDate=" + today + "&endDate=" + today)
			.exchange()
			.expectStatus()
			.isNotFound();
		assertThat(this.meters.get("apigw.usage").tag("plan", "daily").counter().count()).isGreaterThanOrEqualTo(3);
	}

	@Test
	void quotaExceededIsCounted() {
		String monthly = "monthly-key-0123456789abcdef";
		double before = counter("apigw.quota.exceeded", "monthly");
		get("/shop/dev/items", monthly).expectStatus().isOk();
		get("/shop/dev/items", monthly).expectStatus().isOk();
		get("/shop/dev/items", monthly).expectStatus().isEqualTo(429);
		assertThat(counter("apigw.quota.exceeded", "monthly")).isEqualTo(before + 1);
	}

	private double counter(String name, String plan) {
		var counter = this.meters.find(name).tag("plan", plan).counter();
		return (counter != null) ? counter.count() : 0;
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> usage(String plan, LocalDate start, LocalDate end, String keyId) {
		return this.client.get()
			.uri("/actuator/apigw/usage/" + plan + "?startDate=" + start + "&endDate=" + end
					+ ((keyId != null) ? "&keyId=" + keyId : ""))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
	}

	private static void moveTo(java.time.LocalDateTime time) {
		Instant target = time.toInstant(ZoneOffset.UTC);
		assertThat(target).isAfterOrEqualTo(clock.instant());
		clock.set(target);
	}

	private WebTestClient.ResponseSpec get(String uri, String key) {
		return this.client.get().uri(uri).header("x-api-key", key).exchange();
	}

	private void forbidden(String uri, String key) {
		get(uri, key).expectStatus()
			.isForbidden()
			.expectHeader()
			.valueEquals("x-amzn-ErrorType", "ForbiddenException")
			.expectBody(String.class)
			.isEqualTo("{\"message\":\"Forbidden\"}");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, List<String>> headers(Map<String, Object> echo) {
		return (Map<String, List<String>>) echo.get("headers");
	}

	@Test
	void authorizerKeySourceTakesTheKeyTheAuthorizerReturned() {
		String beta = "beta-key-0123456789abcdef";
		get("/authorized/dev/items", beta).expectStatus().isForbidden();
		this.client.get()
			.uri("/authorized/dev/items")
			.header("X-Test-Usage-Identifier-Key", beta)
			.exchange()
			.expectStatus()
			.isOk();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class TestClock {

		@Bean
		MutableClock apigwClock() {
			return clock;
		}

		/** Stands in for a Lambda authorizer that returns a usageIdentifierKey. */
		@Bean
		PipelinePhase testAuthorizer() {
			return new PipelinePhase() {

				@Override
				public GatewayFilter compile(StageRuntime stage, Problems problems) {
					return (exchange, chain) -> {
						ApiInvocation.required(exchange)
							.usageIdentifierKey(exchange.getRequest().getHeaders().getFirst("X-Test-Usage-Identifier-Key"));
						return chain.filter(exchange);
					};
				}

				@Override
				public int getOrder() {
					return FilterOrders.AUTHORIZATION;
				}

			};
		}

	}

}
