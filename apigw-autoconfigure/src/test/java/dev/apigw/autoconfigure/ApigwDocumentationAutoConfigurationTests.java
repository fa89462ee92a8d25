package dev.apigw.autoconfigure;

import dev.apigw.actuate.DocumentationEndpointSection;
import dev.apigw.actuate.ExportEndpointSection;
import dev.apigw.documentation.ApiExports;
import dev.apigw.documentation.DocumentationVersions;
import dev.apigw.validation.RequestValidationFilter;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.cloud.gateway.config.GatewayAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Request validation, documentation, exports and the Swagger UI pages as configured by their
 * auto-configurations, with and without their optional libraries.
 */
class ApigwDocumentationAutoConfigurationTests {

	private final ReactiveWebApplicationContextRunner runner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, WebFluxAutoConfiguration.class,
				GatewayAutoConfiguration.class, ApigwAutoConfiguration.class, ApigwOpenApiAutoConfiguration.class,
				ApigwValidationAutoConfiguration.class, ApigwDocumentationAutoConfiguration.class,
				ApigwEndpointAutoConfiguration.class))
		.withUserConfiguration(ServerPropertiesConfiguration.class)
		.withPropertyValues("apigw.apis.shop.resources[0].path=/items",
				"apigw.apis.shop.resources[0].methods.GET.integration.type=MOCK",
				"apigw.apis.shop.stages.dev.description=development", "apigw.apis.shop.documentation-version=v1");

	@Test
	void validationDocumentationAndExportsAreOnWithTheStarterSwaggerUiIsOff() {
		this.runner.withPropertyValues("management.endpoints.web.exposure.include=apigw").run((context) -> {
			assertThat(context).hasNotFailed()
				.hasSingleBean(RequestValidationFilter.class)
				.hasSingleBean(DocumentationVersions.class)
				.hasSingleBean(ApiExports.class)
				.hasSingleBean(ExportEndpointSection.class)
				.hasSingleBean(DocumentationEndpointSection.class)
				.doesNotHaveBean("apigwSwaggerUiRouter");
			assertThat(context.getBean(DocumentationVersions.class).versions("shop")).singleElement()
				.satisfies((version) -> assertThat(version.version()).isEqualTo("v1"));
		});
	}

	@Test
	void swaggerUiIsServedWhenEnabled() {
		this.runner.withPropertyValues("apigw.swagger-ui.enabled=true")
			.run((context) -> assertThat(context).hasNotFailed().hasBean("apigwSwaggerUiRouter"));
	}

	@Test
	void swaggerUiNeedsItsWebjar() {
		this.runner.withPropertyValues("apigw.swagger-ui.enabled=true")
			.withClassLoader(new FilteredClassLoader(new ClassPathResource("META-INF/maven/org.webjars/swagger-ui/pom.properties")))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean("apigwSwaggerUiRouter"));
	}

	@Test
	void exportsNeedOpenApiSupportDocumentationDoesNot() {
		this.runner.withClassLoader(new FilteredClassLoader("io.swagger.v3.parser"))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(DocumentationVersions.class)
				.doesNotHaveBean(ApiExports.class)
				.doesNotHaveBean(ExportEndpointSection.class));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(ServerProperties.class)
	static class ServerPropertiesConfiguration {

	}

}
