package dev.apigw.autoconfigure;

import java.time.Clock;

import dev.apigw.actuate.AuditEndpointSection;
import dev.apigw.actuate.DeploymentsEndpointSection;
import dev.apigw.definition.ApiDefinitions;
import dev.apigw.deploy.DefinitionRefreshListener;
import dev.apigw.deploy.DeploymentProperties;
import dev.apigw.deploy.DeploymentRegistry;
import dev.apigw.observe.AuditLog;
import dev.apigw.observe.AuditProperties;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Deployments at runtime: the audit log of management actions, the {@code deployments}
 * and {@code audit} sections of the actuator endpoint, and deployment of definitions a
 * configuration refresh changed. The deployment store itself is chosen by
 * {@link ApigwStoreAutoConfiguration}.
 */
@AutoConfiguration(after = ApigwAutoConfiguration.class)
@ConditionalOnBean(DeploymentRegistry.class)
@ConditionalOnBooleanProperty(name = "apigw.enabled", matchIfMissing = true)
@EnableConfigurationProperties({ AuditProperties.class, DeploymentProperties.class })
public final class ApigwDeploymentAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.web.WebEndpointResponse")
	static class EndpointSections {

		@Bean
		@ConditionalOnMissingBean
		DeploymentsEndpointSection apigwDeploymentsEndpointSection(DeploymentRegistry registry,
				ApiDefinitions definitions) {
			return new DeploymentsEndpointSection(registry, definitions);
		}

		@Bean
		@ConditionalOnMissingBean
		AuditEndpointSection apigwAuditEndpointSection(AuditLog audit) {
			return new AuditEndpointSection(audit);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.cloud.context.scope.refresh.RefreshScopeRefreshedEvent")
	@ConditionalOnBooleanProperty(name = "apigw.deployments.deploy-on-refresh", matchIfMissing = true)
	static class Refresh {

		@Bean
		DefinitionRefreshListener apigwDefinitionRefreshListener(DeploymentRegistry registry,
				ApiDefinitions definitions) {
			return new DefinitionRefreshListener(registry, definitions);
		}

	}

	/**
	 * The audit log, created before the deployment registry records its first deployment.
	 */
	@Configuration(proxyBeanMethods = false)
	static class Audit {

		@Bean
		@ConditionalOnMissingBean
		AuditLog apigwAuditLog(@Qualifier("apigwClock") Clock clock, AuditProperties properties) {
			return new AuditLog(clock, properties.getCapacity());
		}

	}

}
