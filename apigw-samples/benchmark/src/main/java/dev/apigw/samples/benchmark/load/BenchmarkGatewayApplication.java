package dev.apigw.samples.benchmark.load;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The gateway under load: bare Spring Cloud Gateway (profiles {@code scg}, {@code scg-3000},
 * with apigw switched off) or apigw (profiles {@code apigw-*}), against
 * {@link BenchmarkBackend}. The variants are described in {@code bench.sh} and
 * docs/benchmarks.md.
 */
@SpringBootApplication
public class BenchmarkGatewayApplication {

	public static void main(String[] args) {
		SpringApplication.run(BenchmarkGatewayApplication.class, args);
	}

}
