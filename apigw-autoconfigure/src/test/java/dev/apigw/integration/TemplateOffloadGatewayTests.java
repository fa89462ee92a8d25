package dev.apigw.integration;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import dev.apigw.template.TemplateEngine;
import dev.apigw.template.TemplateLimits;
import dev.apigw.template.TestTemplateEngines;
import dev.apigw.test.GatewayTestApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.scheduler.Schedulers;
import reactor.netty.resources.LoopResources;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mapping templates cannot stall the event loops: while more renders than there are event loops
 * are held inside their render (on latches the test controls, never timed), another route and
 * the actuator still answer, and the held requests then complete with their own bodies; a render
 * that runs out of its slice on a loop is run again off it; saturated render threads answer 429;
 * a failed render's log line names its own method and leaves out what the request put into the
 * failure. Were renders run on the event loops, the held
 * renders would block every loop and the guard timeouts below would fail the test.
 */
@SpringBootTest(classes = GatewayTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("templates-offload")
@Import(TemplateOffloadGatewayTests.HookedEngine.class)
@ExtendWith(OutputCaptureExtension.class)
class TemplateOffloadGatewayTests {

	/** More held renders than event loops, so that renders run on the loops would block all of them. */
	private static final int HELD = Math.max(8, LoopResources.DEFAULT_IO_WORKER_COUNT);

	private static final Duration GUARD = Duration.ofSeconds(20);

	/** Makes a body larger than the profile's 4 KB: it renders on a render thread. */
	private static final String PAD = "\"pad\": \"" + "x".repeat(5000) + "\"";

	private static final AtomicLong clockOffset = new AtomicLong();

	private static volatile CountDownLatch started = new CountDownLatch(HELD);

	private static volatile CountDownLatch release = new CountDownLatch(1);

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void renderThreads(DynamicPropertyRegistry registry) {
		registry.add("apigw.templates.render-threads", () -> HELD);
	}

	@AfterEach
	void releaseHeldRenders() {
		release.countDown();
	}

	@Test
	void otherRoutesAndTheActuatorAnswerWhileRendersAreHeld() throws Exception {
		started = new CountDownLatch(HELD);
		release = new CountDownLatch(1);
		List<CompletableFuture<HttpResponse<String>>> held = new ArrayList<>();
		for (int i = 0; i < HELD; i++) {
			held.add(send(post("/offload/test/held?n=" + i, "{\"items\": [1, 2, 3], \"hold\": true, " + PAD + "}")));
		}
		assertThat(started.await(GUARD.toSeconds(), TimeUnit.SECONDS)).as("all renders held").isTrue();

		HttpResponse<String> fast = send(get("/offload/test/fast")).get(GUARD.toSeconds(), TimeUnit.SECONDS);
		assertThat(fast.statusCode()).isEqualTo(200);
		assertThat(fast.body()).isEqualTo("{\"fast\": true}");
		HttpResponse<String> health = send(get("/actuator/health")).get(GUARD.toSeconds(), TimeUnit.SECONDS);
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).contains("\"status\":\"UP\"");
		// every render thread is held and none may wait: one more render is refused, not queued
		HttpResponse<String> refused = send(post("/offload/test/held?n=x", "{\"items\": [], " + PAD + "}"))
			.get(GUARD.toSeconds(), TimeUnit.SECONDS);
		assertThat(refused.statusCode()).isEqualTo(429);
		assertThat(refused.headers().firstValue("x-amzn-ErrorType")).hasValue("TooManyRequestsException");
		assertThat(refused.body()).isEqualTo("{\"message\":\"Too Many Requests\"}");
		assertThat(held).allSatisfy((response) -> assertThat(response).isNotDone());

		release.countDown();
		for (int i = 0; i < HELD; i++) {
			HttpResponse<String> response = held.get(i).get(GUARD.toSeconds(), TimeUnit.SECONDS);
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.body()).isEqualTo("{\"n\": \"" + i + "\"}");
		}
	}

	@Test
	void aRenderThatRunsOutOfItsSliceOnTheEventLoopIsRunAgainOffIt() throws Exception {
		// on the event loop the test's clock jumps 2 s, past the slice and the 1 s budget alike
		HttpResponse<String> response = send(post("/offload/test/sliced", "slow" + " ".repeat(3000)))
			.get(GUARD.toSeconds(), TimeUnit.SECONDS);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("{\"sliced\": true}");
	}

	@Test
	void theLogNamesTheMethodWhoseTemplateFailedEvenWhenAnotherHasTheSameText(CapturedOutput output)
			throws Exception {
		HttpResponse<String> response = send(get("/offload/test/names/second")).get(GUARD.toSeconds(),
				TimeUnit.SECONDS);
		assertThat(response.statusCode()).isEqualTo(500);
		assertThat(response.body()).isEqualTo("{\"message\": \"Internal server error\"}");
		assertThat(output).contains("Execution failed: Mapping template 'offload GET /names/second "
				+ "integration.request-templates[application/json]' was stopped: it #foreach ran more than 1000 "
				+ "iterations")
			.doesNotContain("/names/first");
	}

	@Test
	void theWarningAboutAFailedRenderLeavesOutWhatTheRequestPutIntoTheFailure(CapturedOutput output)
			throws Exception {
		HttpResponse<String> response = send(get("/offload/test/parse?q=attacker-chosen-text"))
			.get(GUARD.toSeconds(), TimeUnit.SECONDS);
		assertThat(response.statusCode()).isEqualTo(500);
		assertThat(output).contains("Execution failed: Mapping template 'offload GET /parse "
				+ "integration.request-templates[application/json]' failed: NumberFormatException in a method it called")
			.doesNotContain("attacker-chosen-text");
	}

	private CompletableFuture<HttpResponse<String>> send(HttpRequest request) {
		return this.http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest get(String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).timeout(GUARD).GET().build();
	}

	private HttpRequest post(String path, String body) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(GUARD)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(GUARD.toSeconds(), TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * The template engine of the test: holds renders of bodies that say "hold" until the test
	 * releases them, and moves its clock 2 s when a body starting with "slow" renders on an
	 * event loop.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class HookedEngine {

		@Bean
		TemplateEngine apigwTemplateEngine() {
			return TestTemplateEngines.withHook(TemplateLimits.defaults(), () -> System.nanoTime() + clockOffset.get(),
					(name, input) -> {
						if (input.body().contains("\"hold\"")) {
							started.countDown();
							await(release);
						}
						if (input.body().startsWith("slow") && Schedulers.isInNonBlockingThread()) {
							clockOffset.addAndGet(Duration.ofSeconds(2).toNanos());
						}
					});
		}

	}

}
