package dev.apigw.autoconfigure;

import dev.apigw.observe.AccessLogFilter;
import dev.apigw.observe.IntegrationObservationFilter;
import dev.apigw.observe.ObservationFilter;
import dev.apigw.observe.ProxyIntegrationTimingFilter;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Stage access logs, integration timings of proxied integrations, and the phase observations of stages with tracing enabled when an
 * {@link ObservationRegistry} is available (spans with a Micrometer Tracing bridge such as
 * Brave or OpenTelemetry, timers with a meter registry).
 */
@AutoConfiguration(after = ApigwAutoConfiguration.class,
		afterName = "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnBooleanProperty(name = "apigw.enabled", matchIfMissing = true)
public final class ApigwObservabilityAutoConfiguration {

	@Bean
	AccessLogFilter apigwAccessLogFilter() {
		return new AccessLogFilter();
	}

	@Bean
	ProxyIntegrationTimingFilter apigwProxyIntegrationTimingFilter() {
		return new ProxyIntegrationTimingFilter();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(ObservationRegistry.class)
	@ConditionalOnBean(ObservationRegistry.class)
	static class Observations {

		@Bean
		ObservationFilter apigwObservationFilter(ObservationRegistry registry) {
			return new ObservationFilter(registry);
		}

		@Bean
		IntegrationObservationFilter apigwIntegrationObservationFilter() {
			return new IntegrationObservationFilter();
		}

		@Bean
		IntegrationObservationFilter.TraceHeaders apigwTraceHeadersFilter() {
			return new IntegrationObservationFilter.TraceHeaders();
		}

	}

}
