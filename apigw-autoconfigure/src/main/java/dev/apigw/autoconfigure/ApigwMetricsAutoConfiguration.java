package dev.apigw.autoconfigure;

import dev.apigw.observe.RequestMetrics;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Records {@code apigw.*} Micrometer meters when a {@link MeterRegistry} is available.
 */
@AutoConfiguration(afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean(MeterRegistry.class)
@ConditionalOnBooleanProperty(name = "apigw.enabled", matchIfMissing = true)
public final class ApigwMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	RequestMetrics apigwRequestMetrics(MeterRegistry registry) {
		return new RequestMetrics(registry);
	}

}
