package dev.apigw.samples.benchmark;

import java.util.concurrent.TimeUnit;

import dev.apigw.auth.ApiKeyHashes;
import dev.apigw.auth.ApiKeyProperties;
import dev.apigw.auth.PropertiesApiKeyRepository;
import dev.apigw.model.ApiKey;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the API key phase does per request: hash the presented value (SHA-256), look the
 * hash up in the configured keys, compare in constant time. With 1 and 10,000 keys, for a
 * known and an unknown value.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ApiKeyLookupBenchmark {

	@Param({ "1", "10000" })
	public int keys;

	private PropertiesApiKeyRepository repository;

	private String known;

	private final String unknown = "not-a-configured-key-0123456789";

	@Setup(Level.Trial)
	public void setUp() {
		ApiKeyProperties properties = new ApiKeyProperties();
		for (int i = 0; i < this.keys; i++) {
			ApiKeyProperties.Key key = new ApiKeyProperties.Key();
			key.setValue("bench-key-" + i + "-0123456789abcdef");
			properties.getApiKeys().put("key" + i, key);
		}
		this.repository = new PropertiesApiKeyRepository(properties);
		this.known = "bench-key-" + (this.keys - 1) + "-0123456789abcdef";
	}

	@Benchmark
	public ApiKey knownKey() {
		return lookup(this.known);
	}

	@Benchmark
	public ApiKey unknownKey() {
		return lookup(this.unknown);
	}

	private ApiKey lookup(String value) {
		String hash = ApiKeyHashes.sha256(value);
		ApiKey key = this.repository.findByValueSha256(hash).block();
		return (key != null && ApiKeyHashes.matches(key.valueSha256(), hash)) ? key : null;
	}

}
