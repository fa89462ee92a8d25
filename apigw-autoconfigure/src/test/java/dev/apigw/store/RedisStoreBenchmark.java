package dev.apigw.store;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntFunction;

import dev.apigw.store.AdmissionRequest.Bucket;
import dev.apigw.store.AdmissionRequest.Metering;
import dev.apigw.store.AdmissionRequest.Quota;
import dev.apigw.test.TestRedis;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.AsyncBucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.github.bucket4j.redis.lettuce.cas.LettuceBasedProxyManager;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * Bucket4j's Lettuce integration against apigw's own Lua admission script, on a local
 * redis-server, one Lettuce connection each, 1 and 64 admissions in flight, all on the same
 * buckets (as every request shares the account bucket). Not a test: run with
 * {@code mvn -o -pl apigw-autoconfigure test -Dtest=RedisStoreBenchmark -Dapigw.benchmark=true}
 * and read the figures it prints (recorded in docs/benchmarks.md).
 */
@EnabledIfSystemProperty(named = "apigw.benchmark", matches = "true")
class RedisStoreBenchmark {

	private static final int OPERATIONS = 5_000;

	private static final int[] CONCURRENCY = { 1, 64 };

	private static final int ROUNDS = 3;

	@Test
	void bucket4jVersusLua() {
		try (TestRedis redis = TestRedis.start()) {
			RedisClient client = RedisClient.create(RedisURI.create("127.0.0.1", redis.port()));
			StatefulRedisConnection<byte[], byte[]> connection = client.connect(ByteArrayCodec.INSTANCE);
			LettuceBasedProxyManager<byte[]> bucket4j = Bucket4jLettuce.casBasedBuilder(connection)
				.expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
						Duration.ofSeconds(10)))
				.build();
			BucketConfiguration configuration = BucketConfiguration.builder()
				.addLimit((limit) -> limit.capacity(1_000_000_000L).refillGreedy(1_000_000_000L, Duration.ofSeconds(1)))
				.build();
			LettuceConnectionFactory factory = new LettuceConnectionFactory(
					new RedisStandaloneConfiguration("127.0.0.1", redis.port()));
			factory.afterPropertiesSet();
			factory.start();
			RedisRateLimitStore lua = new RedisRateLimitStore(factory, "bench:");
			Variant[] variants = {
					new Variant("Bucket4j, 1 bucket", (i) -> Mono.fromFuture(() -> proxy(bucket4j, configuration, "b1")
						.tryConsume(1))),
					new Variant("apigw Lua, 1 bucket", (i) -> lua.admit(new AdmissionRequest(System.currentTimeMillis(),
							List.of(new Bucket("b1", 1e9, 1_000_000_000)), null, null))),
					new Variant("Bucket4j, 3 buckets (3 round trips, not atomic)", (i) -> Mono
						.fromFuture(() -> proxy(bucket4j, configuration, "p")
							.tryConsume(1)
							.thenCompose((a) -> proxy(bucket4j, configuration, "m").tryConsume(1))
							.thenCompose((b) -> proxy(bucket4j, configuration, "a").tryConsume(1)))),
					new Variant("apigw Lua, 3 buckets + quota + usage (1 round trip)", (i) -> {
						long now = System.currentTimeMillis();
						return lua.admit(new AdmissionRequest(now,
								List.of(new Bucket("p", 1e9, 1_000_000_000), new Bucket("m", 1e9, 1_000_000_000),
										new Bucket("a", 1e9, 1_000_000_000)),
								new Quota("q", Long.MAX_VALUE / 2, 0, now - 1000, now + 86_400_000, "f"),
								new Metering("d", now + 86_400_000, "k", "key")));
					}) };
			for (Variant variant : variants) {
				run(variant.operation(), OPERATIONS, CONCURRENCY[1]);
			}
			StringBuilder table = new StringBuilder("\n| variant | in flight | admissions/s (median of "
					+ ROUNDS + ") | µs per admission |\n| --- | --- | --- | --- |\n");
			for (int concurrency : CONCURRENCY) {
				List<List<Double>> figures = new ArrayList<>();
				for (Variant variant : variants) {
					figures.add(new ArrayList<>());
				}
				for (int round = 0; round < ROUNDS; round++) {
					for (int v = 0; v < variants.length; v++) {
						figures.get(v).add(run(variants[v].operation(), OPERATIONS, concurrency));
					}
				}
				for (int v = 0; v < variants.length; v++) {
					List<Double> rates = figures.get(v);
					rates.sort(Double::compare);
					double median = rates.get(rates.size() / 2);
					table.append(String.format(Locale.ROOT, "| %s | %d | %,.0f | %.1f |%n", variants[v].name(),
							concurrency, median, 1_000_000 / median));
				}
			}
			System.out.println(table);
			connection.close();
			client.shutdown();
			factory.destroy();
		}
	}

	private static AsyncBucketProxy proxy(LettuceBasedProxyManager<byte[]> manager, BucketConfiguration configuration,
			String key) {
		return manager.asAsync()
			.builder()
			.build(key.getBytes(StandardCharsets.UTF_8), () -> CompletableFuture.completedFuture(configuration));
	}

	private static double run(IntFunction<Mono<?>> operation, int count, int concurrency) {
		long start = System.nanoTime();
		Flux.range(0, count).flatMap(operation::apply, concurrency).blockLast();
		return count / ((System.nanoTime() - start) / 1e9);
	}

	private record Variant(String name, IntFunction<Mono<?>> operation) {

	}

}
