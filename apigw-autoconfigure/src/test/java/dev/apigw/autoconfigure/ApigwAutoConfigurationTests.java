package dev.apigw.autoconfigure;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import dev.apigw.actuate.ApigwEndpoint;
import dev.apigw.definition.ApiDefinitions;
import dev.apigw.definition.OpenApiLoader;
import dev.apigw.definition.PropertiesApiSource;
import dev.apigw.deploy.DeploymentRegistry;
import dev.apigw.integration.MappingTemplates;
import dev.apigw.model.Api;
import dev.apigw.model.Integration;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.Method;
import dev.apigw.model.Resource;
import dev.apigw.model.Stage;
import dev.apigw.observe.RequestMetrics;
import dev.apigw.pipeline.ApiMountWebFilter;
import dev.apigw.response.GatewayResponseWriter;
import dev.apigw.template.RenderOffload;
import dev.apigw.template.TemplateRenderer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.cloud.gateway.config.GatewayAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class ApigwAutoConfigurationTests {

	private final ReactiveWebApplicationContextRunner runner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, WebFluxAutoConfiguration.class,
				GatewayAutoConfiguration.class, ApigwAutoConfiguration.class,
				ApigwOpenApiAutoConfiguration.class, ApigwMetricsAutoConfiguration.class,
				ApigwEndpointAutoConfiguration.class))
		.withUserConfiguration(ServerPropertiesConfiguration.class)
		.withPropertyValues("apigw.apis.shop.resources[0].path=/items",
				"apigw.apis.shop.resources[0].methods.GET.integration.type=MOCK",
				"apigw.apis.shop.stages.dev.description=development");

	@Test
	void configuresTheGatewayFromProperties() {
		this.runner.withPropertyValues("management.endpoints.web.exposure.include=apigw").run((context) -> {
			assertThat(context).hasNotFailed()
				.hasSingleBean(ApiMountWebFilter.class)
				.hasSingleBean(DeploymentRegistry.class)
				.hasSingleBean(OpenApiLoader.class)
				.hasSingleBean(ApigwEndpoint.class);
			assertThat(context.getBean(DeploymentRegistry.class).snapshot().stages()).singleElement()
				.satisfies((stage) -> assertThat(stage.api().id()).isEqualTo("shop"));
		});
	}

	@Test
	void staysOffWhenDisabled() {
		this.runner.withPropertyValues("apigw.enabled=false", "management.endpoints.web.exposure.include=apigw")
			.withBean(SimpleMeterRegistry.class).run((context) -> {
			assertThat(context).hasNotFailed()
				.doesNotHaveBean(ApiMountWebFilter.class)
				.doesNotHaveBean(DeploymentRegistry.class)
				.doesNotHaveBean(PropertiesApiSource.class)
				.doesNotHaveBean(OpenApiLoader.class)
				.doesNotHaveBean(RequestMetrics.class)
				.doesNotHaveBean(ApigwEndpoint.class);
		});
	}

	@Test
	void backsOffWhenTheUserDefinesTheSameBeans() {
		this.runner.withUserConfiguration(UserBeans.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(GatewayResponseWriter.class)).isSameAs(UserBeans.RESPONSES);
			assertThat(context.getBean(MappingTemplates.class)).isSameAs(UserBeans.TEMPLATES);
			assertThat(context.getBean(TemplateRenderer.class)).isSameAs(UserBeans.RENDERER);
			assertThat(context.getBean("apigwClock")).isSameAs(UserBeans.CLOCK);
			assertThat(context).getBean(ApiDefinitions.class).isSameAs(UserBeans.DEFINITIONS);
			assertThat(context.getBean(DeploymentRegistry.class).snapshot().stages()).singleElement()
				.satisfies((stage) -> {
					assertThat(stage.api().id()).isEqualTo("user");
					assertThat(stage.deployedAt()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
				});
		});
	}

	@Test
	void templateThatDoesNotParseFailsStartUpNamingWhereItIs() {
		this.runner
			.withPropertyValues("apigw.apis.shop.resources[0].methods.GET.integration.request-templates[application/json]="
					+ "#if($x) unclosed")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(dev.apigw.definition.InvalidApiDefinitionException.class)
				.hasMessageContaining("API 'shop', resource '/items', method GET, field "
						+ "'integration.request-templates[application/json]'")
				.hasMessageContaining("syntax error"));
	}

	@Test
	void rendersTemplatesAsTheTemplatePropertiesSay() {
		this.runner.run((context) -> assertThat(context.getBean(TemplateRenderer.class).settings())
			.isEqualTo(new RenderOffload(Duration.ofMillis(2), 16 * 1024, RenderOffload.defaultThreads(), 256)));
		this.runner
			.withPropertyValues("apigw.templates.event-loop-render-time=0", "apigw.templates.event-loop-max-body-size=1KB",
					"apigw.templates.render-threads=3", "apigw.templates.render-queue-capacity=0")
			.run((context) -> assertThat(context.getBean(TemplateRenderer.class).settings())
				.isEqualTo(new RenderOffload(Duration.ZERO, 1024, 3, 0)));
	}

	@Test
	void endpointIsOnlyCreatedWhenExposed() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean(ApigwEndpoint.class));
	}

	@Test
	void recordsMetricsWhenARegistryIsPresent() {
		this.runner.withBean(SimpleMeterRegistry.class)
			.run((context) -> assertThat(context).hasSingleBean(RequestMetrics.class));
		this.runner.run((context) -> assertThat(context).doesNotHaveBean(RequestMetrics.class));
	}

	@Test
	void worksWithoutOpenApiSupportOnTheClasspath() {
		this.runner.withClassLoader(new FilteredClassLoader("io.swagger.v3.parser"))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(OpenApiLoader.class)
				.hasSingleBean(DeploymentRegistry.class));
	}

	@Test
	void openApiDefinitionsNeedOpenApiSupport() {
		this.runner.withClassLoader(new FilteredClassLoader("io.swagger.v3.parser"))
			.withPropertyValues("apigw.apis.other.openapi=classpath:openapi/e2e-imported.yaml")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("OpenAPI support needs io.swagger.parser.v3:swagger-parser-v3"));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(ServerProperties.class)
	static class ServerPropertiesConfiguration {

	}

	@Configuration(proxyBeanMethods = false)
	static class UserBeans {

		static final GatewayResponseWriter RESPONSES = new GatewayResponseWriter();

		static final TemplateRenderer RENDERER = new TemplateRenderer(RenderOffload.defaults());

		static final MappingTemplates TEMPLATES = new MappingTemplates(RENDERER);

		static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

		static final ApiDefinitions DEFINITIONS = new ApiDefinitions(List.of(() -> List.of(Api.builder("user")
			.resource(Resource.of("/x", Method.builder("GET").integration(Integration.builder(IntegrationType.MOCK).build())
				.build()))
			.stage(Stage.of("live", java.util.Map.of()))
			.build())));

		@Bean
		GatewayResponseWriter userResponses() {
			return RESPONSES;
		}

		@Bean
		MappingTemplates userTemplates() {
			return TEMPLATES;
		}

		@Bean
		TemplateRenderer userRenderer() {
			return RENDERER;
		}

		@Bean
		Clock apigwClock() {
			return CLOCK;
		}

		@Bean
		ApiDefinitions userDefinitions() {
			return DEFINITIONS;
		}

	}

}
