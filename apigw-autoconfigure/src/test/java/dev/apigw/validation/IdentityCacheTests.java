package dev.apigw.validation;

import java.util.concurrent.atomic.AtomicInteger;

import dev.apigw.model.Api;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What is compiled for a deployed API is compiled once per API instance (a deployment), found
 * by identity (not by the record's value equality), and put there at start-up when known.
 */
class IdentityCacheTests {

	private final AtomicInteger compilations = new AtomicInteger();

	private final IdentityCache<Api, String> cache = new IdentityCache<>(
			(api) -> api.id() + "#" + this.compilations.incrementAndGet());

	@Test
	void computesOncePerInstance() {
		Api deployment = Api.builder("shop").build();
		assertThat(this.cache.get(deployment)).isEqualTo("shop#1");
		assertThat(this.cache.get(deployment)).isEqualTo("shop#1");
		Api equalButNewDeployment = Api.builder("shop").build();
		assertThat(equalButNewDeployment).isEqualTo(deployment);
		assertThat(this.cache.get(equalButNewDeployment)).isEqualTo("shop#2");
		assertThat(this.compilations).hasValue(2);
	}

	@Test
	void startUpCompilationIsUsedByRequests() {
		Api deployment = Api.builder("shop").build();
		this.cache.put(deployment, "compiled at start-up");
		assertThat(this.cache.get(deployment)).isEqualTo("compiled at start-up");
		assertThat(this.compilations).hasValue(0);
	}

}
