package dev.apigw.template;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Renders mapping templates where they cannot stall the Netty event loops. Asked on an event
 * loop (any {@link reactor.core.scheduler.NonBlocking} thread), it renders a template over a body
 * larger than {@link RenderOffload#eventLoopMaxBodyChars()} on its own bounded pool of render
 * threads, as one step over such a body (parsing it, say) could outlast the slice; any other
 * render runs on the loop within {@link RenderOffload#eventLoopSlice()}, and a render that runs
 * out of the slice is run again from the start on a render thread, with the full
 * {@link TemplateLimits#maxRenderTime()}. A template whose render ran out of the slice goes
 * straight to the render threads until one of its renders there fits the slice again, so that
 * renders made expensive on purpose do not each waste a slice of the loop. A slice of zero
 * renders nothing on the event loops. Asked on any other thread, it renders right there.
 *
 * <p>When every render thread is busy and {@link RenderOffload#queueCapacity()} renders wait, a
 * render is refused with {@link RenderRejectedException} rather than queued without bound.
 * Thread-safe; {@link #close()} stops the render threads.
 */
public final class TemplateRenderer implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(TemplateRenderer.class);

	/** One refusal in this many is logged, so that a flood of them cannot flood the log. */
	private static final long REFUSALS_PER_LOG_LINE = 1000;

	private final RenderOffload settings;

	private final long sliceNanos;

	private final ThreadPoolExecutor executor;

	private final Scheduler scheduler;

	private final AtomicLong refused = new AtomicLong();

	private final LongAdder preempted = new LongAdder();

	private final LongAdder offloaded = new LongAdder();

	/** @param settings the slice, body threshold, render threads and queue */
	public TemplateRenderer(RenderOffload settings) {
		this.settings = settings;
		this.sliceNanos = settings.eventLoopSlice().toNanos();
		BlockingQueue<Runnable> queue = (settings.queueCapacity() > 0)
				? new ArrayBlockingQueue<>(settings.queueCapacity()) : new SynchronousQueue<>();
		this.executor = new ThreadPoolExecutor(settings.threads(), settings.threads(), 60, TimeUnit.SECONDS, queue,
				new RenderThreads(), new ThreadPoolExecutor.AbortPolicy());
		this.executor.allowCoreThreadTimeOut(true);
		this.scheduler = Schedulers.fromExecutorService(this.executor, "apigw-render");
	}

	/** @return the slice, body threshold, render threads and queue this renderer works with */
	public RenderOffload settings() {
		return this.settings;
	}

	/**
	 * Renders a template for one input, deciding on the calling thread where.
	 * @param template the template
	 * @param inputs builds the render's input; called once per attempt (a render stopped at the
	 * end of its slice may have written into its input's context, so it is run again on a new
	 * one), on the thread that renders
	 * @return the output and the input it was rendered from, whose context holds what the
	 * template wrote into {@code $context.requestOverride} and {@code $context.responseOverride};
	 * a {@link TemplateRenderException} when the render fails, a
	 * {@link RenderRejectedException} when it cannot be queued
	 */
	public Mono<Rendered> render(MappingTemplate template, Supplier<TemplateInput> inputs) {
		if (!Schedulers.isInNonBlockingThread()) {
			return Mono.fromSupplier(() -> renderHere(template, inputs.get()));
		}
		TemplateInput input = null;
		if (this.sliceNanos > 0 && !template.slow) {
			input = inputs.get();
			if (input.body().length() <= this.settings.eventLoopMaxBodyChars()) {
				try {
					String output = template.render(input, this.sliceNanos);
					if (output != null) {
						return Mono.just(new Rendered(output, input));
					}
				}
				catch (RuntimeException ex) {
					return Mono.error(ex);
				}
				this.preempted.increment();
				template.slow = true;
				input = null;
			}
		}
		this.offloaded.increment();
		TemplateInput built = input;
		return Mono.fromSupplier(() -> renderOffLoop(template, (built != null) ? built : inputs.get()))
			.subscribeOn(this.scheduler)
			.onErrorMap(RejectedExecutionException.class, (ex) -> refused(template));
	}

	private static Rendered renderHere(MappingTemplate template, TemplateInput input) {
		return new Rendered(template.render(input), input);
	}

	private Rendered renderOffLoop(MappingTemplate template, TemplateInput input) {
		long start = template.nanoTime();
		String output = template.render(input);
		if (template.slow && template.nanoTime() - start <= this.sliceNanos) {
			template.slow = false;
		}
		return new Rendered(output, input);
	}

	private RenderRejectedException refused(MappingTemplate template) {
		long count = this.refused.incrementAndGet();
		if (count % REFUSALS_PER_LOG_LINE == 1) {
			logger.warn("Mapping template renders refused (" + count + " so far): all " + this.settings.threads()
					+ " render threads are busy and " + this.settings.queueCapacity()
					+ " renders wait; see apigw.templates.render-threads and apigw.templates.render-queue-capacity");
		}
		return new RenderRejectedException(template.name());
	}

	/**
	 * @return how many renders asked for on an event loop were handed to the render threads
	 * (refused ones included)
	 */
	public long offloaded() {
		return this.offloaded.sum();
	}

	/** @return how many renders ran out of their slice on an event loop (and were run again) */
	public long preempted() {
		return this.preempted.sum();
	}

	/** @return how many renders were refused because the render threads and their queue were full */
	public long refused() {
		return this.refused.get();
	}

	/** Stops the render threads; renders still waiting are dropped. */
	@Override
	public void close() {
		this.scheduler.dispose();
		this.executor.shutdownNow();
	}

	@Override
	public String toString() {
		return "TemplateRenderer " + this.settings;
	}

	/**
	 * A finished render.
	 *
	 * @param output the rendered text
	 * @param input the input it was rendered from
	 */
	public record Rendered(String output, TemplateInput input) {

	}

	/** Daemon threads named {@code apigw-render-N}: a render never keeps the JVM alive. */
	private static final class RenderThreads implements ThreadFactory {

		private final AtomicInteger count = new AtomicInteger();

		@Override
		public Thread newThread(Runnable task) {
			Thread thread = new Thread(task, "apigw-render-" + this.count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		}

	}

}
