package dev.apigw.autoconfigure;

import java.time.Clock;
import java.util.List;

import dev.apigw.actuate.DocumentationEndpointSection;
import dev.apigw.actuate.ExportEndpointSection;
import dev.apigw.definition.ApigwProperties;
import dev.apigw.deploy.DeploymentRegistry;
import dev.apigw.documentation.ApiExports;
import dev.apigw.documentation.DocumentationVersions;
import dev.apigw.documentation.SwaggerUiProperties;
import dev.apigw.documentation.SwaggerUiRoutes;
import dev.apigw.model.Deployment;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnResource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Documentation: the documentation history of every API (with the versions configured by
 * {@code apigw.apis.<id>.documentation-version} published at start-up), exports of deployed
 * stages, their sections of the {@code apigw} actuator endpoint, and the Swagger UI pages
 * ({@code apigw.swagger-ui.enabled}, with {@code org.webjars:swagger-ui}).
 */
@AutoConfiguration(after = ApigwAutoConfiguration.class)
@ConditionalOnBean(DeploymentRegistry.class)
@EnableConfigurationProperties(SwaggerUiProperties.class)
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
			return new ApiExports(() -> registry.snapshot().stages(), versions);
		}

		@Bean
		@ConditionalOnMissingBean(name = "apigwSwaggerUiRouter")
		@ConditionalOnBooleanProperty("apigw.swagger-ui.enabled")
		@ConditionalOnResource(resources = "classpath:META-INF/maven/org.webjars/swagger-ui/pom.properties")
		RouterFunction<ServerResponse> apigwSwaggerUiRouter(ApiExports exports, SwaggerUiProperties properties) {
			return new SwaggerUiRoutes(exports, properties.getPath()).routes();
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
