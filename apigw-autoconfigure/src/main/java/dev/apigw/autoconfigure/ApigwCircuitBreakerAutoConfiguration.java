package dev.apigw.autoconfigure;

import dev.apigw.resilience.CircuitBreakerFilter;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/**
 * A circuit breaker per integration ({@code apigw.circuit-breaker.enabled}), with
 * Resilience4j on the classpath
 * ({@code spring-cloud-starter-circuitbreaker-reactor-resilience4j}). Breakers come from
 * the application's {@link CircuitBreakerRegistry} (configured with
 * {@code resilience4j.circuitbreaker.*}), else from one with Resilience4j's defaults.
 */
@AutoConfiguration(after = ApigwAutoConfiguration.class,
		afterName = "io.github.resilience4j.springboot3.circuitbreaker.autoconfigure.CircuitBreakerAutoConfiguration")
@ConditionalOnClass(CircuitBreakerRegistry.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnBooleanProperty(name = "apigw.circuit-breaker.enabled")
public final class ApigwCircuitBreakerAutoConfiguration {

	@Bean
	CircuitBreakerFilter apigwCircuitBreakerFilter(ObjectProvider<CircuitBreakerRegistry> registry) {
		return new CircuitBreakerFilter(registry.getIfAvailable(CircuitBreakerRegistry::ofDefaults));
	}

}
