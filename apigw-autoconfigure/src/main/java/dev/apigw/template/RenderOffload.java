package dev.apigw.template;

import java.time.Duration;

/**
 * How a {@link TemplateRenderer} keeps renders off the Netty event loops.
 *
 * @param eventLoopSlice how long a render may run on an event loop; a render still running
 * then is stopped and run again from the start on a render thread
 * @param eventLoopMaxBodyChars the largest body (in characters) a template renders over on an
 * event loop; larger bodies render on a render thread
 * @param threads the render threads
 * @param queueCapacity how many renders may wait for a render thread; beyond that a render is
 * refused with {@link RenderRejectedException}
 */
public record RenderOffload(Duration eventLoopSlice, int eventLoopMaxBodyChars, int threads, int queueCapacity) {

	public RenderOffload {
		if (eventLoopSlice == null || eventLoopSlice.isNegative()) {
			throw new IllegalArgumentException("eventLoopSlice must be zero or positive, was " + eventLoopSlice);
		}
		if (eventLoopMaxBodyChars < 0) {
			throw new IllegalArgumentException("eventLoopMaxBodyChars must be zero or positive, was "
					+ eventLoopMaxBodyChars);
		}
		if (threads < 1) {
			throw new IllegalArgumentException("threads must be at least 1, was " + threads);
		}
		if (queueCapacity < 0) {
			throw new IllegalArgumentException("queueCapacity must be zero or positive, was " + queueCapacity);
		}
	}

	/**
	 * A 2 ms slice, 16 KiB bodies on the event loops, half the processors as render threads
	 * (at least one) and 256 waiting renders.
	 * @return the defaults
	 */
	public static RenderOffload defaults() {
		return new RenderOffload(Duration.ofMillis(2), 16 * 1024, defaultThreads(), 256);
	}

	/** @return half the available processors, at least one */
	public static int defaultThreads() {
		return Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
	}

}
