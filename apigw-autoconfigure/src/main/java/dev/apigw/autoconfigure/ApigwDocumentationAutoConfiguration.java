package dev.apigw.autoconfigure;

import java.time.Clock;
import java.util.List;

import dev.apigw.definition.ApigwProperties;
import dev.apigw.deploy.Deployment;
import dev.apigw.deploy.DeploymentRegistry;
import dev.apigw.documentation.ApiExports;
import dev.apigw.documentation.DocumentationEndpointSection;
import dev.apigw.documentation.DocumentationVersions;
import dev.apigw.documentation.ExportEndpointSection;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Documentation: the documentation history of every API (with the versions configured by
 * {@code apigw.apis.<id>.documentation-version} published at start-up), exports of deployed
 * stages, and their sections of the {@code apigw} actuator endpoint.
 */
@AutoConfiguration(after = ApigwAutoConfiguration.class)
@ConditionalOnBean(DeploymentRegistry.class)
public final class ApigwDocumentationAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	DocumentationVersions apigwDocumentationVersions(DeploymentRegistry registry, ApigwProperties properties,
			@Qualifier("apigwClock") Clock clock) {
		DocumentationVersions versions = new DocumentationVersions(clock);
		properties.getApis().forEach((id, api) -> {
			List<Deployment> deployments = registry.deployments(id);
			if (api.getDocumentationVersion() != null && !deployments.isEmpty()) {
				versions.create(deployments.get(deployments.size() - 1).api(), api.getDocumentationVersion(),
						"Published at start-up (apigw.apis." + id + ".documentation-version)");
			}
		});
		return versions;
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
	static class DocumentationEndpointConfiguration {

		@Bean
		@ConditionalOnMissingBean
		DocumentationEndpointSection apigwDocumentationEndpointSection(DeploymentRegistry registry,
				DocumentationVersions versions) {
			return new DocumentationEndpointSection(registry, versions);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "io.swagger.v3.parser.OpenAPIV3Parser")
	static class ExportConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ApiExports apigwApiExports(DeploymentRegistry registry, DocumentationVersions versions) {
			return new ApiExports(registry, versions);
		}

		@Configuration(proxyBeanMethods = false)
		@ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
		static class ExportEndpointConfiguration {

			@Bean
			@ConditionalOnMissingBean
			ExportEndpointSection apigwExportEndpointSection(ApiExports exports) {
				return new ExportEndpointSection(exports);
			}

		}

	}

}
