package dev.apigw.autoconfigure;

import java.util.Map;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.apigw.definition.InvalidApiDefinitionException;
import dev.apigw.deploy.DeploymentRegistry;
import dev.apigw.integration.lambda.LambdaFunctionRegistry;
import dev.apigw.integration.lambda.LambdaIntegrationFilter;
import dev.apigw.routing.FunctionReference;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.cloud.gateway.config.GatewayAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class ApigwLambdaAutoConfigurationTests {

	private static final String METHOD = "apigw.apis.shop.resources[0].methods.GET.integration.";

	private final ReactiveWebApplicationContextRunner runner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, WebFluxAutoConfiguration.class,
				GatewayAutoConfiguration.class, ApigwAutoConfiguration.class, ApigwLambdaAutoConfiguration.class,
				ApigwAnnotationAutoConfiguration.class))
		.withUserConfiguration(ServerPropertiesConfiguration.class)
		.withPropertyValues("apigw.apis.shop.resources[0].path=/items", "apigw.apis.shop.stages.dev.variables.fn=items");

	@Test
	void startsWithoutTheLambdaLibraries() {
		this.runner.withClassLoader(new FilteredClassLoader("com.amazonaws"))
			.withPropertyValues(METHOD + "type=MOCK")
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(DeploymentRegistry.class)
				.doesNotHaveBean(LambdaIntegrationFilter.class)
				.doesNotHaveBean(LambdaFunctionRegistry.class));
	}

	@Test
	void lambdaIntegrationsWithoutTheLambdaLibrariesFailStartUpSayingWhatIsMissing() {
		this.runner.withClassLoader(new FilteredClassLoader("com.amazonaws"))
			.withPropertyValues(METHOD + "type=AWS_PROXY", METHOD + "uri=items")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(InvalidApiDefinitionException.class)
				.hasMessageContaining("API 'shop', resource '/items', method GET, field 'integration.type'")
				.hasMessageContaining("Lambda integrations need com.amazonaws:aws-lambda-java-core"));
	}

	@Test
	void mapHandlersWorkWithTheCoreLibraryAlone() {
		this.runner.withClassLoader(new FilteredClassLoader("com.amazonaws.services.lambda.runtime.events"))
			.withUserConfiguration(Handlers.class)
			.withPropertyValues(METHOD + "type=AWS_PROXY", METHOD + "uri=items")
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(LambdaIntegrationFilter.class);
				assertThat(context.getBean(LambdaFunctionRegistry.class).contains(new FunctionReference("items", null)))
					.isTrue();
			});
	}

	@Test
	void unknownFunctionFailsStartUpNamingIt() {
		this.runner.withUserConfiguration(Handlers.class)
			.withPropertyValues(METHOD + "type=AWS_PROXY",
					METHOD + "uri=arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/"
							+ "arn:aws:lambda:us-east-1:123456789012:function:missing/invocations")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageStartingWith("API 'shop', resource '/items', method GET, field 'integration.uri' "
						+ "(application properties): No Lambda function 'missing' is registered (known: [items])"));
	}

	@Test
	void unknownFunctionInAStageVariableNamesTheStage() {
		this.runner.withUserConfiguration(Handlers.class)
			.withPropertyValues(METHOD + "type=AWS_PROXY", METHOD + "uri=${stageVariables.fn}",
					"apigw.apis.shop.stages.prod.variables.fn=nothing")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("No Lambda function 'nothing' is registered")
				.hasMessageContaining("(stage 'prod')")
				.hasMessageNotContaining("(stage 'dev')"));
	}

	@Test
	void awsServiceIntegrationsAreRefused() {
		this.runner.withPropertyValues(METHOD + "type=AWS",
				METHOD + "uri=arn:aws:apigateway:us-east-1:sqs:path/123456789012/queue")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("names no Lambda function")
				.hasMessageContaining("integrations with other AWS services are not supported"));
	}

	@Test
	void mappingToAMissingBeanOrANonHandlerClassIsReported() {
		this.runner.withPropertyValues(METHOD + "type=AWS_PROXY", METHOD + "uri=mapped",
				"apigw.functions.mapped=bean:nope")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("apigw.functions.mapped names the bean 'nope', but there is no such bean"));
		this.runner.withPropertyValues(METHOD + "type=AWS_PROXY", METHOD + "uri=mapped",
				"apigw.functions.mapped=class:java.lang.String")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("'java.lang.String' of function 'mapped' is not a RequestHandler"));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(ServerProperties.class)
	static class ServerPropertiesConfiguration {

	}

	@Configuration(proxyBeanMethods = false)
	static class Handlers {

		@Bean
		RequestHandler<Map<String, Object>, Map<String, Object>> items() {
			return (event, context) -> Map.of("statusCode", 200);
		}

	}

}
