package dev.apigw.samples.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.function.ToLongFunction;

/**
 * Counts operations per second of CPU time of the measuring thread: a per-core figure that,
 * unlike JMH's wall-clock throughput, holds on a machine shared with other work.
 */
final class CpuTimeRunner {

	private CpuTimeRunner() {
	}

	/**
	 * Runs an operation for 3 warm-up and 5 measured rounds of 5 CPU-seconds each.
	 * @param name the name printed with the figures
	 * @param operation the operation; its result is summed into the returned checksum
	 * @return a checksum, so the work cannot be optimised away
	 */
	static long measure(String name, ToLongFunction<Integer> operation) {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		long checksum = 0;
		double best = 0;
		double sum = 0;
		for (int round = 0; round < 8; round++) {
			long cpuStart = threads.getCurrentThreadCpuTime();
			long operations = 0;
			while (threads.getCurrentThreadCpuTime() - cpuStart < 5_000_000_000L) {
				for (int i = 0; i < 1000; i++) {
					checksum += operation.applyAsLong(i);
				}
				operations += 1000;
			}
			double rate = operations / ((threads.getCurrentThreadCpuTime() - cpuStart) / 1e9);
			if (round >= 3) {
				sum += rate;
				best = Math.max(best, rate);
			}
			System.out.printf("%s %s round %d: %.0f per CPU second%n", name, (round < 3) ? "warmup" : "measure",
					round, rate);
		}
		System.out.printf("%s: mean %.0f, best %.0f per CPU second over 5 x 5 s (%.1f ns each)%n", name, sum / 5, best,
				1e9 / (sum / 5));
		return checksum;
	}

}
