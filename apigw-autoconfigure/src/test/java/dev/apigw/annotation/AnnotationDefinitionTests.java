package dev.apigw.annotation;

import java.util.List;

import dev.apigw.autoconfigure.ApigwAnnotationAutoConfiguration;
import dev.apigw.autoconfigure.ApigwAutoConfiguration;
import dev.apigw.autoconfigure.ApigwLambdaAutoConfiguration;
import dev.apigw.deploy.DeploymentRegistry;
import dev.apigw.model.Api;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.Method;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.cloud.gateway.config.GatewayAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the annotations define, how they merge with application properties, and the
 * start-up errors they can cause.
 */
class AnnotationDefinitionTests {

	private final ReactiveWebApplicationContextRunner runner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, WebFluxAutoConfiguration.class,
				GatewayAutoConfiguration.class, ApigwAutoConfiguration.class, ApigwLambdaAutoConfiguration.class,
				ApigwAnnotationAutoConfiguration.class))
		.withUserConfiguration(ServerPropertiesConfiguration.class);

	@Test
	void annotatedMethodsBecomeForwardAndLambdaIntegrationsMergedWithProperties() {
		this.runner.withUserConfiguration(OrderController.class)
			.withPropertyValues("apigw.apis.shop.resources[0].path=/health",
					"apigw.apis.shop.resources[0].methods.GET.integration.type=MOCK",
					"apigw.apis.shop.stages.dev.variables.owner=team-a")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				Api api = context.getBean(DeploymentRegistry.class).snapshot().stages().get(0).api();
				assertThat(api.source())
					.isEqualTo("application properties and @ApiResource dev.apigw.annotation.OrderController");
				assertThat(api.resources()).extracting("path").containsExactly("/health", "/orders", "/orders/{id}",
						"/orders/{id}/status");
				assertThat(api.stages()).containsOnlyKeys("dev");
				assertThat(api.stages().get("dev").variables()).containsEntry("owner", "team-a");
				Method get = api.resource("/orders/{id}").methods().get("GET");
				assertThat(get.integration().type()).isEqualTo(IntegrationType.HTTP_PROXY);
				assertThat(get.integration().uri()).isEqualTo("forward:/internal/orders/{id}");
				Method post = api.resource("/orders").methods().get("POST");
				assertThat(post.operationName()).isEqualTo("createOrder");
				assertThat(post.integration().type()).isEqualTo(IntegrationType.AWS_PROXY);
				assertThat(post.integration().uri()).isEqualTo("orderController.create");
				assertThat(api.resource("/orders/{id}").methods().get("PUT").integration().type())
					.isEqualTo(IntegrationType.AWS);
			});
	}

	@Test
	void sameMethodFromPropertiesAndAnnotationsFailsStartUpNamingBothSources() {
		this.runner.withUserConfiguration(OrderController.class)
			.withPropertyValues("apigw.apis.shop.resources[0].path=/orders",
					"apigw.apis.shop.resources[0].methods.POST.integration.type=MOCK")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessage("API 'shop', resource '/orders', method POST, field 'method' "
						+ "(@ApiResource dev.apigw.annotation.OrderController): The method is defined both by "
						+ "application properties and by @ApiResource dev.apigw.annotation.OrderController; "
						+ "remove one of the two definitions"));
	}

	@Test
	void twoClassesDefiningTheSameMethodFailStartUpNamingBoth() {
		this.runner.withUserConfiguration(OrderController.class, OtherOrders.class)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("method GET")
				.hasMessageContaining("The method is defined both by @ApiResource dev.apigw.annotation.")
				.hasMessageContaining("and by @ApiResource dev.apigw.annotation."));
	}

	@Test
	void handlerPathVariablesMustBeResourceVariables() {
		this.runner.withUserConfiguration(MismatchedController.class)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("API 'mismatch', resource '/things', method GET, field '@ApiMethod path'")
				.hasMessageContaining("uses {id}, which the resource path /things does not have"));
	}

	@Test
	void aMethodThatIsNeitherHandlerNorLambdaStyleIsReported() {
		this.runner.withUserConfiguration(NeitherController.class)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("NeitherController.compute is neither a WebFlux handler method"));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(ServerProperties.class)
	static class ServerPropertiesConfiguration {

	}

	@RestController
	@ApiResource(api = "shop", path = "/orders", stages = "dev")
	static class OtherOrders {

		@GetMapping("/other/{id}")
		@ApiMethod(path = "/{id}")
		Mono<String> order() {
			return Mono.just("other");
		}

	}

	@RestController
	@RequestMapping("/mismatch")
	@ApiResource(api = "mismatch", path = "/things", stages = "dev")
	static class MismatchedController {

		@GetMapping("/{id}")
		@ApiMethod
		Mono<String> thing() {
			return Mono.just("thing");
		}

	}

	@RestController
	@ApiResource(api = "neither", path = "/x", stages = "dev")
	static class NeitherController {

		@ApiMethod
		List<String> compute(String input) {
			return List.of(input);
		}

	}

}
