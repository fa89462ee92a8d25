package dev.apigw.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import dev.apigw.definition.ApiDefinitionValidator;
import dev.apigw.definition.InvalidApiDefinitionException.Problem;
import dev.apigw.integration.IntegrationResponder;
import dev.apigw.integration.lambda.LambdaFunctionRegistry;
import dev.apigw.integration.lambda.LambdaIntegrationFilter;
import dev.apigw.integration.lambda.LambdaProperties;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.Method;
import dev.apigw.model.Resource;
import dev.apigw.routing.GatewayEnvironment;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * LAMBDA and LAMBDA_PROXY integrations served by in-process handlers, when
 * {@code com.amazonaws:aws-lambda-java-core} is on the classpath. Without it, API
 * definitions using these integration types fail start-up saying what is missing.
 */
@AutoConfiguration(after = ApigwAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnBooleanProperty(name = "apigw.enabled", matchIfMissing = true)
public final class ApigwLambdaAutoConfiguration {

	static final String LAMBDA_CORE = "com.amazonaws.services.lambda.runtime.RequestHandler";

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = LAMBDA_CORE)
	@EnableConfigurationProperties(LambdaProperties.class)
	static class LambdaConfiguration {

		@Bean
		@ConditionalOnMissingBean
		LambdaFunctionRegistry apigwLambdaFunctionRegistry(ConfigurableListableBeanFactory beanFactory,
				LambdaProperties properties) {
			return new LambdaFunctionRegistry(beanFactory, properties.getFunctions(), beanFactory.getBeanClassLoader());
		}

		@Bean
		ApiDefinitionValidator apigwLambdaFunctionValidator(LambdaFunctionRegistry registry) {
			return registry.validator();
		}

		@Bean
		LambdaIntegrationFilter apigwLambdaIntegrationFilter(LambdaFunctionRegistry registry,
				IntegrationResponder responder, GatewayEnvironment environment, LambdaProperties properties) {
			return new LambdaIntegrationFilter(registry, responder, environment, properties.getLambda().getThreads(),
					properties.getLambda().getQueueCapacity());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingClass(LAMBDA_CORE)
	static class NoLambdaConfiguration {

		@Bean
		ApiDefinitionValidator apigwLambdaUnavailableValidator() {
			return (api) -> {
				List<Problem> problems = new ArrayList<>();
				for (Resource resource : api.resources()) {
					for (Method method : resource.methods().values()) {
						if (method.integration() != null && (method.integration().type() == IntegrationType.AWS
								|| method.integration().type() == IntegrationType.AWS_PROXY)) {
							problems.add(new Problem(api.source(), api.id(), resource.path(), method.httpMethod(),
									"integration.type", "Lambda integrations need com.amazonaws:aws-lambda-java-core "
											+ "(and aws-lambda-java-events for the event classes) on the classpath"));
						}
					}
				}
				return problems;
			};
		}

	}

}
