package dev.apigw.integration;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import dev.apigw.template.TemplateRenderer;
import dev.apigw.test.GatewayTestApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Latency of a cheap route and of {@code /actuator/health} while eight clients call a template
 * that runs until the render budget stops it (three nested {@code #foreach} over 1,000 items:
 * a second of CPU per request, answered 500), and the throughput of cheap routes alone (one
 * rendered on the event loop, one with a {@code #foreach}, rendered on a render thread). Not a test: run with
 * {@code mvn -o -pl apigw-autoconfigure test -Dtest=TemplateOffloadBenchmark -Dapigw.benchmark=true}
 * (add {@code -Dapigw.templates.render-threads=N} and the like to try other settings,
 * {@code -Dbench.seconds=N} for other phase lengths) and read the figures it prints (recorded
 * in docs/benchmarks.md). {@code TemplateRendererBenchmark} measures what the renderer's
 * decision costs a render that stays on the event loop.
 */
@EnabledIfSystemProperty(named = "apigw.benchmark", matches = "true")
@SpringBootTest(classes = GatewayTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "logging.level.dev.apigw=error", "logging.level.root=warn" })
@ActiveProfiles("templates-offload-bench")
class TemplateOffloadBenchmark {

	private static final Duration PHASE = Duration.ofSeconds(Long.getLong("bench.seconds", 15));

	private static final int ATTACKERS = 8;

	private static final String ITEMS = "{\"items\": ["
			+ IntStream.range(0, 1000).mapToObj(Integer::toString).collect(Collectors.joining(",")) + "]}";

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@LocalServerPort
	int port;

	@Autowired
	TemplateRenderer renderer;

	@Test
	void latencyOfOtherRoutesWhileExpensiveRendersRun() throws Exception {
		// warm-up: the JIT, both templates, the actuator
		for (int i = 0; i < 5_000; i++) {
			get("/bench/live/fast?id=" + i + "&name=x");
		}
		for (int i = 0; i < 3; i++) {
			post("/bench/live/expensive", ITEMS);
			get("/actuator/health");
		}
		long start = System.nanoTime();
		int warm = 0;
		while (System.nanoTime() - start < Duration.ofSeconds(5).toNanos()) {
			get("/actuator/health");
			warm++;
		}
		System.out.printf("warm-up done (%d health checks in 5 s)%n", warm);

		report("idle", measure(false));
		report("8 clients on the expensive template", measure(true));
		renders("after the latency phases");
		throughput();
	}

	private Samples measure(boolean attack) throws Exception {
		AtomicBoolean running = new AtomicBoolean(true);
		AtomicLong expensiveStopped = new AtomicLong();
		AtomicLong expensiveOther = new AtomicLong();
		List<Long> expensiveNanos = java.util.Collections.synchronizedList(new ArrayList<>());
		ExecutorService pool = Executors.newFixedThreadPool(ATTACKERS);
		List<Future<?>> attackers = new ArrayList<>();
		if (attack) {
			for (int i = 0; i < ATTACKERS; i++) {
				attackers.add(pool.submit(() -> {
					while (running.get()) {
						long t = System.nanoTime();
						int status = post("/bench/live/expensive", ITEMS);
						expensiveNanos.add(System.nanoTime() - t);
						(status == 500 ? expensiveStopped : expensiveOther).incrementAndGet();
					}
					return null;
				}));
			}
		}
		List<Long> fast = new ArrayList<>();
		List<Long> health = new ArrayList<>();
		long end = System.nanoTime() + PHASE.toNanos();
		int i = 0;
		while (System.nanoTime() < end) {
			long t = System.nanoTime();
			get("/bench/live/fast?id=" + i + "&name=x");
			fast.add(System.nanoTime() - t);
			t = System.nanoTime();
			get("/actuator/health");
			health.add(System.nanoTime() - t);
			i++;
		}
		running.set(false);
		for (Future<?> attacker : attackers) {
			attacker.get();
		}
		pool.shutdown();
		return new Samples(fast, health, expensiveStopped.get(), expensiveOther.get(), expensiveNanos);
	}

	private void throughput() throws Exception {
		for (int i = 0; i < 5_000; i++) {
			get("/bench/live/fast-loop?id=" + i + "&name=x");
		}
		int threads = 16;
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		for (int round = 0; round < 6; round++) {
			String route = (round % 2 == 0) ? "fast" : "fast-loop";
			AtomicLong count = new AtomicLong();
			Map<Long, Long> cpuBefore = gatewayCpuNanos();
			long end = System.nanoTime() + PHASE.toNanos();
			List<Future<?>> clients = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				clients.add(pool.submit(() -> {
					int i = 0;
					while (System.nanoTime() < end) {
						get("/bench/live/" + route + "?id=" + i++ + "&name=x");
						count.incrementAndGet();
					}
					return null;
				}));
			}
			for (Future<?> client : clients) {
				client.get();
			}
			long cpu = cpuSince(cpuBefore);
			System.out.printf("%s alone, %d clients, round %d: %.0f req/s, %.1f µs of gateway CPU per request%n", route,
					threads, round / 2 + 1, count.get() / (PHASE.toNanos() / 1e9), cpu / 1e3 / count.get());
			renders("after it");
		}
		pool.shutdown();
	}

	/**
	 * CPU time of the threads that serve requests: the server's event loops ({@code webflux-http-*})
	 * and the render threads (the client's threads are not counted), a figure that means something
	 * on a shared machine, which requests per second do not.
	 */
	private static Map<Long, Long> gatewayCpuNanos() {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		Map<Long, Long> cpu = new LinkedHashMap<>();
		for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
			if (info != null && (info.getThreadName().startsWith("webflux-http")
					|| info.getThreadName().startsWith("reactor-http")
					|| info.getThreadName().startsWith("apigw-render"))) {
				cpu.put(info.getThreadId(), Math.max(0, threads.getThreadCpuTime(info.getThreadId())));
			}
		}
		return cpu;
	}

	/** CPU the threads used since {@code before}; a thread that ended in between is left out. */
	private static long cpuSince(Map<Long, Long> before) {
		long total = 0;
		for (Map.Entry<Long, Long> now : gatewayCpuNanos().entrySet()) {
			total += now.getValue() - before.getOrDefault(now.getKey(), 0L);
		}
		return total;
	}

	private void renders(String when) {
		System.out.printf("  renders %s: %d sent to a render thread, %d of them preempted on an event loop, %d refused%n",
				when, this.renderer.offloaded(), this.renderer.preempted(), this.renderer.refused());
	}

	private static void report(String phase, Samples samples) {
		System.out.printf("%s: cheap route %s; /actuator/health %s%s%n", phase, percentiles(samples.fast()),
				percentiles(samples.health()),
				samples.expensiveStopped() + samples.expensiveOther() > 0
						? String.format("; expensive: %d x 500 (budget), %d other, %s", samples.expensiveStopped(),
								samples.expensiveOther(), percentiles(samples.expensive()))
						: "");
	}

	private static String percentiles(List<Long> nanos) {
		long[] sorted = nanos.stream().mapToLong(Long::longValue).toArray();
		Arrays.sort(sorted);
		if (sorted.length == 0) {
			return "no samples";
		}
		return String.format("n=%d p50 %.2f ms, p99 %.2f ms, max %.2f ms", sorted.length, sorted[sorted.length / 2] / 1e6,
				sorted[Math.min(sorted.length - 1, sorted.length * 99 / 100)] / 1e6, sorted[sorted.length - 1] / 1e6);
	}

	private int get(String path) {
		return send(HttpRequest.newBuilder(uri(path)).GET().build());
	}

	private int post(String path, String body) {
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	private int send(HttpRequest request) {
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private record Samples(List<Long> fast, List<Long> health, long expensiveStopped, long expensiveOther,
			List<Long> expensive) {
	}

}
