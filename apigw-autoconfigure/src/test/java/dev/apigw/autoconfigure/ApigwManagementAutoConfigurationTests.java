package dev.apigw.autoconfigure;

import dev.apigw.auth.iam.IamCredentials;
import dev.apigw.auth.iam.InMemoryIamCredentials;
import dev.apigw.management.ManagementWebFilter;
import dev.apigw.pipeline.ApiMountWebFilter;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.cloud.gateway.config.GatewayAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

class ApigwManagementAutoConfigurationTests {

	private final ReactiveWebApplicationContextRunner runner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, WebFluxAutoConfiguration.class,
				GatewayAutoConfiguration.class, ApigwAutoConfiguration.class, ApigwOpenApiAutoConfiguration.class,
				ApigwManagementAutoConfiguration.class))
		.withUserConfiguration(ApigwAutoConfigurationTests.ServerPropertiesConfiguration.class)
		.withPropertyValues("apigw.apis.shop.resources[0].path=/items",
				"apigw.apis.shop.resources[0].methods.GET.integration.type=MOCK",
				"apigw.apis.shop.stages.dev.description=development");

	@Test
	void isOffByDefault() {
		this.runner.withBean(InMemoryIamCredentials.class, ApigwManagementAutoConfigurationTests::credentials)
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(ManagementWebFilter.class));
	}

	@Test
	void servesTheManagementApiAheadOfTheApiMountsWhenEnabled() {
		this.runner.withPropertyValues("apigw.management.enabled=true")
			.withBean(InMemoryIamCredentials.class, ApigwManagementAutoConfigurationTests::credentials)
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(ManagementWebFilter.class);
				assertThat(context.getBean(ManagementWebFilter.class).getOrder())
					.isLessThan(context.getBean(ApiMountWebFilter.class).getOrder() - 1);
			});
	}

	@Test
	void refusesToStartWithoutCredentialsToAuthenticateCallersWith() {
		this.runner.withPropertyValues("apigw.management.enabled=true").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageStartingWith("apigw.management.enabled is true but there is no IamCredentialsRepository bean: "
						+ "the management API authenticates every call with Signature Version 4 and has no anonymous "
						+ "mode.");
		});
	}

	private static InMemoryIamCredentials credentials() {
		return new InMemoryIamCredentials(IamCredentials.of("AKIDADMIN", "secret", "arn:aws:iam::123456789012:user/a"));
	}

}
