package dev.apigw.cache;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.apigw.test.GatewayTestApplication;
import dev.apigw.test.MutableClock;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stage response cache through a real gateway, in memory: MOCK responses carry the
 * request id of the request that produced them, so a response with an earlier request's
 * id came from the cache.
 */
@SpringBootTest(classes = GatewayTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@ActiveProfiles("cache")
@Import(ResponseCacheGatewayTests.Clocks.class)
class ResponseCacheGatewayTests {

	static final String ALICE = "alice-key-0123456789abcdef";

	static final String BOB = "bob-key-0123456789abcdef";

	static final String OPS = "ops-key-0123456789abcdef";

	@Autowired
	private WebTestClient client;

	@Autowired
	private MutableClock clock;

	@Autowired
	private MeterRegistry meters;

	@TestConfiguration(proxyBeanMethods = false)
	static class Clocks {

		@Bean
		MutableClock apigwClock() {
			return new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
		}

	}

	@BeforeEach
	void emptyCaches() {
		flush("live");
	}

	@Test
	void secondRequestIsAHitUntilTheTimeToLiveRunsOut() {
		String first = get("/cached/live/items");
		assertThat(get("/cached/live/items")).isEqualTo(first);
		this.clock.advance(Duration.ofSeconds(299));
		assertThat(get("/cached/live/items")).isEqualTo(first);
		this.clock.advance(Duration.ofSeconds(2));
		String fresh = get("/cached/live/items");
		assertThat(fresh).isNotEqualTo(first);
		assertThat(get("/cached/live/items")).isEqualTo(fresh);
		assertThat(counter("/items", "hit")).isGreaterThanOrEqualTo(3);
		assertThat(counter("/items", "miss")).isGreaterThanOrEqualTo(2);
	}

	@Test
	void cacheKeyParametersSeparateEntriesAndOtherParametersDoNot() {
		String dogs = get("/cached/live/items?type=dogs");
		String cats = get("/cached/live/items?type=cats");
		assertThat(dogs).contains("\"type\": \"dogs\"");
		assertThat(cats).contains("\"type\": \"cats\"").isNotEqualTo(dogs);
		assertThat(get("/cached/live/items?type=dogs&page=2")).isEqualTo(dogs);
	}

	@Test
	void onlyGetMethodsAreCachedByTheStageWideSetting() {
		String first = this.client.post().uri("/cached/live/items").exchange().expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody();
		String second = this.client.post().uri("/cached/live/items").exchange().expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody();
		assertThat(second).isNotEqualTo(first);
	}

	@Test
	void stagesWithoutCacheClusterNeverCache() {
		assertThat(get("/cached/uncached/items")).isNotEqualTo(get("/cached/uncached/items"));
	}

	@Test
	void entriesOfMethodsWithApiKeysBelongToOneCaller() {
		String alice = get("/cached/live/private", ALICE);
		String bob = get("/cached/live/private", BOB);
		assertThat(alice).contains("\"key\": \"alice\"");
		assertThat(bob).contains("\"key\": \"bob\"");
		assertThat(get("/cached/live/private", ALICE)).isEqualTo(alice);
		assertThat(get("/cached/live/private", BOB)).isEqualTo(bob);
		this.client.get().uri("/cached/live/private").exchange().expectStatus().isForbidden();
	}

	@Test
	void allowedCallerInvalidatesAndReplacesTheEntry() {
		String first = get("/cached/live/private", OPS);
		EntityExchangeResult<String> invalidated = this.client.get()
			.uri("/cached/live/private")
			.header("x-api-key", OPS)
			.header("Cache-Control", "max-age=0")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult();
		assertThat(invalidated.getResponseBody()).isNotEqualTo(first);
		assertThat(invalidated.getResponseHeaders().containsHeader("Warning")).isFalse();
		assertThat(get("/cached/live/private", OPS)).isEqualTo(invalidated.getResponseBody());
	}

	@Test
	void unauthorizedInvalidationIsIgnoredWithAWarningByDefault() {
		String first = get("/cached/live/private", ALICE);
		this.client.get()
			.uri("/cached/live/private")
			.header("x-api-key", ALICE)
			.header("Cache-Control", "max-age=0")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("Warning", ResponseCacheFilter.WARNING)
			.expectBody(String.class)
			.isEqualTo(first);
	}

	@Test
	void unauthorizedInvalidationFailsWith403WhenConfigured() {
		get("/cached/live/forbidding");
		this.client.get()
			.uri("/cached/live/forbidding")
			.header("Cache-Control", "max-age=0")
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.valueEquals("x-amzn-ErrorType", "AccessDeniedException")
			.expectBody(String.class)
			.isEqualTo("{\"Message\":\"User is not authorized to access this resource\"}");
	}

	@Test
	void unauthorizedInvalidationIsIgnoredSilentlyWhenConfigured() {
		String first = get("/cached/live/quiet");
		EntityExchangeResult<String> result = this.client.get()
			.uri("/cached/live/quiet")
			.header("Cache-Control", "max-age=0")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult();
		assertThat(result.getResponseBody()).isEqualTo(first);
		assertThat(result.getResponseHeaders().containsHeader("Warning")).isFalse();
	}

	@Test
	void anyoneInvalidatesWhenAuthorizationIsNotRequired() {
		String first = get("/cached/live/open");
		String fresh = this.client.get()
			.uri("/cached/live/open")
			.header("Cache-Control", "no-cache, max-age=0")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(fresh).isNotEqualTo(first);
		assertThat(get("/cached/live/open")).isEqualTo(fresh);
	}

	@Test
	void privateResponsesAndErrorsAreNotCached() {
		assertThat(get("/cached/live/nostore")).isNotEqualTo(get("/cached/live/nostore"));
		String failed = this.client.get().uri("/cached/live/failing").exchange().expectStatus().isEqualTo(500)
			.expectBody(String.class).returnResult().getResponseBody();
		this.client.get().uri("/cached/live/failing").exchange().expectStatus().isEqualTo(500)
			.expectBody(String.class).value((body) -> assertThat(body).isNotEqualTo(failed));
	}

	@Test
	@SuppressWarnings("unchecked")
	void flushEmptiesTheStageCacheAndIsAudited() {
		String first = get("/cached/live/items?type=flushed");
		assertThat(get("/cached/live/items?type=flushed")).isEqualTo(first);
		Map<String, Object> flushed = flush("live");
		assertThat(flushed).containsEntry("apiId", "cached").containsEntry("stage", "live");
		assertThat((Integer) flushed.get("entries")).isPositive();
		assertThat(get("/cached/live/items?type=flushed")).isNotEqualTo(first);
		this.client.get()
			.uri("/actuator/apigw/audit")
			.exchange()
			.expectBody()
			.jsonPath("$.entries[?(@.action == 'cache-flush')].stage")
			.value((stages) -> assertThat((List<Object>) stages).contains("live"));
	}

	@Test
	void cachedResponsesCarryTheirOwnRequestIds() {
		EntityExchangeResult<String> first = this.client.get().uri("/cached/live/items?type=ids").exchange()
			.expectBody(String.class).returnResult();
		EntityExchangeResult<String> second = this.client.get().uri("/cached/live/items?type=ids").exchange()
			.expectBody(String.class).returnResult();
		assertThat(second.getResponseBody()).isEqualTo(first.getResponseBody());
		assertThat(second.getResponseHeaders().getFirst("x-amzn-RequestId"))
			.isNotEqualTo(first.getResponseHeaders().getFirst("x-amzn-RequestId"));
		assertThat(second.getResponseHeaders().get("x-amzn-RequestId")).hasSize(1);
		assertThat(second.getResponseHeaders().getContentLength()).isEqualTo(first.getResponseBody().length());
	}

	private String get(String path) {
		return this.client.get().uri(path).exchange().expectStatus().isOk().expectBody(String.class).returnResult()
			.getResponseBody();
	}

	private String get(String path, String key) {
		return this.client.get().uri(path).header("x-api-key", key).exchange().expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody();
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> flush(String stage) {
		return this.client.post()
			.uri("/actuator/apigw/cache/flush")
			.bodyValue(Map.of("apiId", "cached", "stage", stage))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
	}

	private double counter(String resource, String result) {
		return this.meters.get("apigw.cache.requests")
			.tag("api", "cached")
			.tag("resource", resource)
			.tag("result", result)
			.counter()
			.count();
	}

}
