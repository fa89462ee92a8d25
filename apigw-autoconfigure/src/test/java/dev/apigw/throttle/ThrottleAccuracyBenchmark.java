package dev.apigw.throttle;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import dev.apigw.test.GatewayTestApplication;
import dev.apigw.test.TestRedis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import reactor.core.publisher.Flux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * How closely a usage plan throttle of 200 requests/s with a burst of 50 holds under 10 s of
 * traffic offered at 400 requests/s: on one gateway with the memory store, one gateway on
 * Redis, and two gateways sharing Redis (requests alternating). The theoretical count is
 * burst + rate x duration = 2,050 (computed from the measured span between the first and
 * the last request sent, which is 10 s give or take a few milliseconds). Not a test: run with
 * {@code mvn -o -pl apigw-autoconfigure test -Dtest=ThrottleAccuracyBenchmark -Dapigw.benchmark=true}
 * and read the figures it prints (recorded in docs/benchmarks.md).
 */
@EnabledIfSystemProperty(named = "apigw.benchmark", matches = "true")
class ThrottleAccuracyBenchmark {

	private static final String KEY = "accuracy-key-0123456789abcdef";

	private static final double RATE = 200;

	private static final int BURST = 50;

	private static final Duration DURATION = Duration.ofSeconds(10);

	private static final int OFFERED = 400;

	@Test
	void throttleAccuracy() {
		List<String> lines = new ArrayList<>();
		try (TestRedis redis = TestRedis.start()) {
			ConnectionProvider connections = ConnectionProvider.builder("accuracy").maxConnections(2000).pendingAcquireMaxCount(-1).build();
			WebClient client = WebClient.builder()
				.clientConnector(new ReactorClientHttpConnector(HttpClient.create(connections)))
				.build();
			ConfigurableApplicationContext memory = gateway(redis, "memory");
			ConfigurableApplicationContext first = gateway(redis, "redis");
			ConfigurableApplicationContext second = gateway(redis, "redis");
			// warm-up: JIT and connections, on another key's bucket
			measure(client, "warmup-key-0123456789abcdefgh", port(memory), port(first), port(second));
			for (int round = 1; round <= 2; round++) {
				lines.add(line("1 node, memory store", round, measure(client, KEY + "m" + round, port(memory))));
				lines.add(line("1 node, Redis", round, measure(client, KEY + "r" + round, port(first))));
				lines.add(line("2 nodes, Redis", round,
						measure(client, KEY + "t" + round, port(first), port(second))));
			}
			memory.close();
			first.close();
			second.close();
			connections.dispose();
		}
		System.out.println(String.format(Locale.ROOT,
				"%n| setup | round | sent | admitted | theoretical | deviation |%n| --- | --- | --- | --- | --- | --- |"));
		lines.forEach(System.out::println);
	}

	private static String line(String setup, int round, long[] result) {
		double theoretical = BURST + RATE * result[2] / 1000.0;
		return String.format(Locale.ROOT, "| %s | %d | %,d in %.3f s | %,d | %,.0f | %+.1f %% |", setup, round,
				result[1], result[2] / 1000.0, result[0], theoretical, (result[0] - theoretical) / theoretical * 100);
	}

	/** Sends at the offered rate for the duration, spread over the ports: admitted, sent, span in ms. */
	private static long[] measure(WebClient client, String key, int... ports) {
		AtomicInteger admitted = new AtomicInteger();
		AtomicInteger sent = new AtomicInteger();
		long[] span = new long[2];
		long total = OFFERED * DURATION.toSeconds();
		Flux.interval(Duration.ofNanos(1_000_000_000L / OFFERED))
			.take(total)
			.onBackpressureBuffer()
			.flatMap((i) -> {
				long now = System.nanoTime();
				if (sent.getAndIncrement() == 0) {
					span[0] = now;
				}
				span[1] = now;
				return client.get()
					.uri("http://127.0.0.1:" + ports[(int) (i % ports.length)] + "/shop/live/items")
					.header("x-api-key", key)
					.exchangeToMono((response) -> response.releaseBody().thenReturn(response.statusCode().value()));
			}, Integer.MAX_VALUE)
			.doOnNext((status) -> {
				if (status == 200) {
					admitted.incrementAndGet();
				}
			})
			.blockLast(DURATION.plusSeconds(60));
		return new long[] { admitted.get(), sent.get(), (span[1] - span[0]) / 1_000_000 };
	}

	private static ConfigurableApplicationContext gateway(TestRedis redis, String store) {
		List<String> properties = new ArrayList<>(List.of("server.port=0", "apigw.store.type=" + store,
				"apigw.store.redis.timeout=5s", "spring.data.redis.host=127.0.0.1",
				"spring.data.redis.port=" + redis.port(), "logging.level.root=warn"));
		List<String> keys = List.of(KEY + "m1", KEY + "m2", KEY + "r1", KEY + "r2", KEY + "t1", KEY + "t2",
				"warmup-key-0123456789abcdefgh");
		for (int i = 0; i < keys.size(); i++) {
			properties.add("apigw.api-keys.k" + i + ".value=" + keys.get(i));
			properties.add("apigw.usage-plans.accuracy.keys[" + i + "]=k" + i);
		}
		properties.add("apigw.usage-plans.accuracy.api-stages[0].api=shop");
		properties.add("apigw.usage-plans.accuracy.api-stages[0].stage=live");
		properties.add("apigw.usage-plans.accuracy.throttle.rate-limit=" + RATE);
		properties.add("apigw.usage-plans.accuracy.throttle.burst-limit=" + BURST);
		return new SpringApplicationBuilder(GatewayTestApplication.class).profiles("redis")
			.properties(properties.toArray(String[]::new))
			.run();
	}

	private static int port(ConfigurableApplicationContext gateway) {
		return ((WebServerApplicationContext) gateway).getWebServer().getPort();
	}

}
