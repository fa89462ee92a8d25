package dev.apigw.autoconfigure;

import dev.apigw.actuate.ApigwEndpoint;
import dev.apigw.actuate.ApigwEndpointSection;
import dev.apigw.definition.ApigwProperties;
import dev.apigw.deploy.DeploymentRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The {@code apigw} actuator endpoint, when actuator is present and the endpoint is
 * available.
 */
@AutoConfiguration(after = ApigwAutoConfiguration.class)
@ConditionalOnClass(ConditionalOnAvailableEndpoint.class)
@ConditionalOnBean(DeploymentRegistry.class)
@ConditionalOnAvailableEndpoint(ApigwEndpoint.class)
public final class ApigwEndpointAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ApigwEndpoint apigwEndpoint(DeploymentRegistry registry, ObjectProvider<ApigwEndpointSection> sections,
			ApigwProperties properties) {
		return new ApigwEndpoint(registry, sections.orderedStream().toList(),
				properties.getEndpoint().isWriteOperationsEnabled());
	}

}
