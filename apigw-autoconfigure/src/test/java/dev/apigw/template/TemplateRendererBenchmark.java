package dev.apigw.template;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * What the {@link TemplateRenderer}'s decision costs a render that stays on the event loop: a
 * small template rendered a million times directly and a million times through the renderer, on
 * a {@code NonBlocking} thread, alternating, in CPU time of that thread (a figure that means
 * something on a shared machine). Not a test: run with
 * {@code mvn -o -pl apigw-autoconfigure test -Dtest=TemplateRendererBenchmark -Dapigw.benchmark=true}
 * and read the figures it prints (recorded in docs/benchmarks.md).
 */
@EnabledIfSystemProperty(named = "apigw.benchmark", matches = "true")
class TemplateRendererBenchmark {

	private static final int RENDERS = 1_000_000;

	@Test
	void costOfTheRendererOnTheEventLoop() {
		MappingTemplate template = new TemplateEngine().compile("fast",
				"{\"id\": \"$input.params('id')\", \"requestId\": \"$context.requestId\", "
						+ "\"name\": \"$util.escapeJavaScript($input.params('name'))\"}");
		Supplier<TemplateInput> input = () -> TemplateInput.builder()
			.queryParams(Map.of("id", "42", "name", "x"))
			.context(new LinkedHashMap<>(Map.of("requestId", "r-1")))
			.build();
		Scheduler loop = Schedulers.newParallel("bench-loop", 1);
		try (TemplateRenderer renderer = new TemplateRenderer(RenderOffload.defaults())) {
			List<Double> direct = new ArrayList<>();
			List<Double> throughRenderer = new ArrayList<>();
			for (int round = 0; round < 14; round++) {
				boolean isDirect = round % 2 == 0;
				long cpu = Mono.fromCallable(() -> {
					ThreadMXBean threads = ManagementFactory.getThreadMXBean();
					long start = threads.getCurrentThreadCpuTime();
					AtomicLong length = new AtomicLong();
					for (int i = 0; i < RENDERS; i++) {
						if (isDirect) {
							length.addAndGet(template.render(input.get()).length());
						}
						else {
							renderer.render(template, input)
								.subscribe((rendered) -> length.addAndGet(rendered.output().length()));
						}
					}
					return threads.getCurrentThreadCpuTime() - start;
				}).subscribeOn(loop).block();
				// the first two rounds of each are warm-up
				if (round >= 4) {
					(isDirect ? direct : throughRenderer).add((double) cpu / RENDERS);
				}
			}
			System.out.printf("MappingTemplate.render: %s ns of CPU per render; through TemplateRenderer.render, "
					+ "staying on the loop: %s ns%n", rounds(direct), rounds(throughRenderer));
		}
		finally {
			loop.dispose();
		}
	}

	private static String rounds(List<Double> nanos) {
		List<Double> sorted = new ArrayList<>(nanos);
		sorted.sort(null);
		return String.format("median %.0f (rounds: %s)", sorted.get(sorted.size() / 2),
				nanos.stream().map((n) -> String.format("%.0f", n)).collect(Collectors.joining(", ")));
	}

}
