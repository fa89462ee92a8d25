package dev.apigw.samples.benchmark;

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
		return CpuTimeRunner.measure(name, (i) -> render.get().length());
	}

}
