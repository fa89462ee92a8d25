package dev.apigw.samples.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.function.Supplier;

/**
 * Renders of the benchmark's templates per second of CPU time of the rendering thread: a per-core
 * figure that, unlike JMH's wall-clock throughput, holds on a machine shared with other work. Run
 * with {@code java -cp benchmarks.jar dev.apigw.samples.benchmark.RendersPerCpuSecond}.
 */
public final class RendersPerCpuSecond {

	private RendersPerCpuSecond() {
	}

	public static void main(String[] args) {
		MappingTemplateBenchmark benchmark = new MappingTemplateBenchmark();
		benchmark.compile();
		long checksum = measure("typicalTemplate", benchmark::typicalTemplate)
				+ measure("passThroughJson", benchmark::passThroughJson);
		System.out.println("(checksum " + checksum + ")");
	}

	private static long measure(String name, Supplier<String> render) {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		long checksum = 0;
		double best = 0;
		double sum = 0;
		for (int round = 0; round < 8; round++) {
			long cpuStart = threads.getCurrentThreadCpuTime();
			int renders = 0;
			while (threads.getCurrentThreadCpuTime() - cpuStart < 5_000_000_000L) {
				for (int i = 0; i < 1000; i++) {
					checksum += render.get().length();
				}
				renders += 1000;
			}
			double rate = renders / ((threads.getCurrentThreadCpuTime() - cpuStart) / 1e9);
			if (round >= 3) {
				sum += rate;
				best = Math.max(best, rate);
			}
			System.out.printf("%s %s round %d: %.0f renders per CPU second%n", name,
					(round < 3) ? "warmup" : "measure", round, rate);
		}
		System.out.printf("%s: mean %.0f, best %.0f renders per CPU second over 5 x 5 s%n", name, sum / 5, best);
		return checksum;
	}

}
