package dev.apigw.samples.benchmark;

/**
 * Route resolutions per second of CPU time for an API with 1 and with 3,000 methods (request
 * to the first and to the last defined resource), alternating variants. Run with
 * {@code java -cp benchmarks.jar dev.apigw.samples.benchmark.RouteResolutionPerCpuSecond}.
 */
public final class RouteResolutionPerCpuSecond {

	private RouteResolutionPerCpuSecond() {
	}

	public static void main(String[] args) {
		long checksum = 0;
		for (String[] variant : new String[][] { { "1", "first" }, { "3000", "first" }, { "3000", "last" },
				{ "1", "last" } }) {
			RouteResolutionBenchmark benchmark = new RouteResolutionBenchmark();
			benchmark.methods = Integer.parseInt(variant[0]);
			benchmark.target = variant[1];
			benchmark.setUp();
			checksum += CpuTimeRunner.measure("methods=" + variant[0] + " target=" + variant[1],
					(i) -> benchmark.resolve().resource().id().length());
		}
		System.out.println("(checksum " + checksum + ")");
	}

}
