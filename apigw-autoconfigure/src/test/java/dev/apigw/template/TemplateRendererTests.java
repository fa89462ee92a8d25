package dev.apigw.template;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Where {@link TemplateRenderer} renders: on the calling thread off the event loops; on a render
 * thread for large bodies asked on an event loop; on the loop within a slice otherwise, run again
 * on a render thread when the slice runs out; refused when the render threads and their queue
 * are full. Renders are held on latches and slices run out on a clock the test moves, never
 * timed.
 */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TemplateRendererTests {

	private static final String LOOP_THREAD = "test-loop";

	/** Stands in for a Netty event loop: Reactor's parallel threads are {@code NonBlocking} too. */
	private final Scheduler loop = Schedulers.newParallel(LOOP_THREAD, 1);

	private final List<String> renderThreads = new CopyOnWriteArrayList<>();

	private final AtomicLong nanos = new AtomicLong();

	/** Over the renderer's 4,096-character threshold. */
	private static final String LARGE = " ".repeat(4097);

	/** Long enough for a regular expression over it to read the clock. */
	private static final String SLOW = "slow" + " ".repeat(3000);

	/**
	 * Moved forward by renders of bodies starting with "slow" while they run on the loop; renders
	 * of bodies containing "hold" wait for {@link #release} off the loop.
	 */
	private final TemplateEngine engine = new TemplateEngine(TemplateLimits.defaults(), this.nanos::get,
			(template, input) -> {
				this.renderThreads.add(Thread.currentThread().getName());
				if (input.body().startsWith("slow") && Schedulers.isInNonBlockingThread()) {
					this.nanos.addAndGet(Duration.ofMillis(50).toNanos());
				}
				if (input.body().contains("hold") && !Schedulers.isInNonBlockingThread()) {
					this.started.countDown();
					await(this.release);
				}
			});

	private CountDownLatch started = new CountDownLatch(0);

	private final CountDownLatch release = new CountDownLatch(1);

	private final TemplateRenderer renderer = new TemplateRenderer(
			new RenderOffload(Duration.ofMillis(2), 4096, 1, 1));

	@AfterEach
	void close() {
		this.release.countDown();
		this.renderer.close();
		this.loop.dispose();
	}

	@Test
	void rendersOnTheCallingThreadOffTheEventLoops() {
		MappingTemplate template = this.engine.compile("t", "#foreach($i in [1..3])$i#end $input.body");
		assertThat(this.renderer.render(template, input("{\"big\": \"" + "x".repeat(2000) + "\"}")).block().output())
			.startsWith("123 {\"big\"");
		assertThat(this.renderThreads).containsExactly(Thread.currentThread().getName());
	}

	@Test
	void smallLoopFreeRendersStayOnTheEventLoop() {
		MappingTemplate template = this.engine.compile("t", "{\"a\": $input.json('$.a')}");
		assertThat(renderOnLoop(template, input("{\"a\": [1, 2]}")).output()).isEqualTo("{\"a\": [1,2]}");
		assertThat(this.renderThreads).satisfiesExactly(TemplateRendererTests::onTheLoop);
	}

	@Test
	void loopsStayOnTheEventLoopWhileTheyFitTheSlice() {
		MappingTemplate template = this.engine.compile("t", "#foreach($i in $input.path('$'))$i#end");
		assertThat(renderOnLoop(template, input("[1, 2, 3]")).output()).isEqualTo("123");
		assertThat(this.renderThreads).satisfiesExactly(TemplateRendererTests::onTheLoop);
	}

	@Test
	void bodiesOverTheThresholdRenderOnARenderThread() {
		MappingTemplate template = this.engine.compile("t", "$input.body.length()");
		assertThat(renderOnLoop(template, input("x".repeat(4096))).output()).isEqualTo("4096");
		assertThat(renderOnLoop(template, input("x".repeat(4097))).output()).isEqualTo("4097");
		assertThat(this.renderThreads).satisfiesExactly(TemplateRendererTests::onTheLoop,
				TemplateRendererTests::onARenderThread);
	}

	@Test
	void aZeroSliceRendersNothingOnTheEventLoops() {
		try (TemplateRenderer offLoop = new TemplateRenderer(new RenderOffload(Duration.ZERO, 4096, 1, 1))) {
			MappingTemplate template = this.engine.compile("t", "{\"a\": 1}");
			Mono<TemplateRenderer.Rendered> rendered = Mono.fromCallable(() -> offLoop.render(template, input("{}")))
				.subscribeOn(this.loop)
				.block();
			assertThat(rendered.block().output()).isEqualTo("{\"a\": 1}");
		}
		assertThat(this.renderThreads).satisfiesExactly(TemplateRendererTests::onARenderThread);
	}

	@Test
	void aRenderThatRunsOutOfItsSliceRunsAgainOnARenderThreadWithTheFullBudget() {
		// the clock moves 50 ms when the render starts on the loop; the regex reads the clock
		MappingTemplate template = this.engine.compile("t", "$input.body.matches('[a-z ]*') $input.body.length()");
		assertThat(renderOnLoop(template, input(SLOW)).output()).isEqualTo("true 3004");
		assertThat(this.renderThreads).satisfiesExactly(TemplateRendererTests::onTheLoop,
				TemplateRendererTests::onARenderThread);
	}

	@Test
	void aTemplateThatRanOutOfItsSliceSkipsTheLoopUntilOneOfItsRendersFitsTheSliceAgain() {
		MappingTemplate template = this.engine.compile("t", "$input.body.matches('[a-z ]*')");
		this.started = new CountDownLatch(1);
		Mono<TemplateRenderer.Rendered> first = onLoop(template, input(SLOW + " hold")).cache();
		first.subscribe();
		// it ran out of its slice on the loop and is now held on the render thread
		await(this.started);
		Mono<TemplateRenderer.Rendered> second = onLoop(template, input("abc")).cache();
		second.subscribe();
		this.release.countDown();
		assertThat(first.block().output()).isEqualTo("true");
		assertThat(second.block().output()).isEqualTo("true");
		assertThat(renderOnLoop(template, input("abc")).output()).isEqualTo("true");
		assertThat(this.renderThreads).satisfiesExactly(TemplateRendererTests::onTheLoop,
				TemplateRendererTests::onARenderThread, TemplateRendererTests::onARenderThread,
				TemplateRendererTests::onTheLoop);
	}

	@Test
	void whatAStoppedRenderWroteIntoTheContextIsNotSeenByItsSecondRun() {
		Map<String, Object> requestOverride = Map.of("header", Map.of("trail", "-"));
		MappingTemplate template = this.engine.compile("t",
				"#set($context.requestOverride.header.trail = \"${context.requestOverride.header.trail}x\")"
						+ "$input.body.matches('[a-z ]*')");
		Supplier<TemplateInput> inputs = () -> TemplateInput.builder()
			.body(SLOW)
			.context(new java.util.LinkedHashMap<>(Map.of("requestOverride", requestOverride)))
			.build();
		TemplateRenderer.Rendered rendered = renderOnLoop(template, inputs);
		assertThat(rendered.output()).isEqualTo("true");
		assertThat(ContextOverrides.of(rendered.input().context()).requestHeaders()).containsEntry("trail", "-x");
		assertThat(this.renderThreads).hasSize(2);
	}

	@Test
	void refusesARenderWhenEveryRenderThreadIsBusyAndTheQueueIsFull() {
		// bodies over the threshold render on the render thread
		MappingTemplate template = this.engine.compile("t", "#foreach($i in [1..2])$i#end");
		this.started = new CountDownLatch(1);
		Mono<TemplateRenderer.Rendered> running = onLoop(template, input("hold" + LARGE)).cache();
		running.subscribe();
		await(this.started);
		// subscribing queues the render at once: the one render thread is held
		Mono<TemplateRenderer.Rendered> queued = onLoop(template, input(LARGE)).cache();
		queued.subscribe();
		assertThatExceptionOfType(RenderRejectedException.class)
			.isThrownBy(() -> onLoop(template, input(LARGE)).block())
			.withMessage("Mapping template 't' was not rendered: every render thread is busy and the queue of "
					+ "waiting renders is full");
		this.release.countDown();
		assertThat(running.block().output()).isEqualTo("12");
		assertThat(queued.block().output()).isEqualTo("12");
	}

	@Test
	void renderFailuresReachTheSubscriberWhereverTheTemplateRendered() {
		MappingTemplate looping = this.engine.compile("t", "#foreach($i in [0..1000])#end");
		assertThatExceptionOfType(TemplateRenderException.class)
			.isThrownBy(() -> onLoop(looping, input("{}")).block())
			.withMessageContaining("more than 1000 iterations");
		MappingTemplate failing = this.engine.compile("t", "$input.path('$.a').substring(5)");
		assertThatExceptionOfType(TemplateRenderException.class)
			.isThrownBy(() -> onLoop(failing, input("{\"a\": \"b\"}")).block())
			.withMessageStartingWith("Mapping template 't' failed");
	}

	private TemplateRenderer.Rendered renderOnLoop(MappingTemplate template, Supplier<TemplateInput> inputs) {
		return onLoop(template, inputs).block();
	}

	/** Asks for the render on the loop thread; the render itself runs where the renderer decides. */
	private Mono<TemplateRenderer.Rendered> onLoop(MappingTemplate template, Supplier<TemplateInput> inputs) {
		return Mono.fromCallable(() -> this.renderer.render(template, inputs)).subscribeOn(this.loop).block();
	}

	private static void onTheLoop(String thread) {
		assertThat(thread).startsWith(LOOP_THREAD);
	}

	private static void onARenderThread(String thread) {
		assertThat(thread).startsWith("apigw-render-");
	}

	private static Supplier<TemplateInput> input(String body) {
		return () -> TemplateInput.builder().body(body).build();
	}

	private static void await(CountDownLatch latch) {
		try {
			if (!latch.await(20, TimeUnit.SECONDS)) {
				throw new IllegalStateException("latch not released");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
