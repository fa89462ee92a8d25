package dev.apigw.samples.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Renders of the benchmark's typical template per second of CPU time of the rendering thread: a
 * per-core figure that, unlike JMH's wall-clock throughput, holds on a machine shared with other
 * work. Run with {@code java -cp benchmarks.jar dev.apigw.samples.benchmark.RendersPerCpuSecond}.
 */
public final class RendersPerCpuSecond {

	private RendersPerCpuSecond() {
	}

	public static void main(String[] args) {
		MappingTemplateBenchmark benchmark = new MappingTemplateBenchmark();
		benchmark.compile();
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		long sink = 0;
		for (int round = 0; round < 8; round++) {
			long cpuStart = threads.getCurrentThreadCpuTime();
			int renders = 0;
			while (threads.getCurrentThreadCpuTime() - cpuStart < 5_000_000_000L) {
				for (int i = 0; i < 1000; i++) {
					sink += benchmark.typicalTemplate().length();
				}
				renders += 1000;
			}
			double seconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
			System.out.printf("%s round %d: %.0f renders per CPU second%n", (round < 3) ? "warmup" : "measure", round,
					renders / seconds);
		}
		System.out.println("(checksum " + sink + ")");
	}

}
