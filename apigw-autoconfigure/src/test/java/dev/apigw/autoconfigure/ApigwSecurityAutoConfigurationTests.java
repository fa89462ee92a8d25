package dev.apigw.autoconfigure;

import java.util.Map;

import dev.apigw.auth.authorizer.AuthorizationFilter;
import dev.apigw.auth.authorizer.AuthorizerFunction;
import dev.apigw.auth.iam.InMemoryIamCredentials;
import dev.apigw.auth.jwt.CognitoAuthorizer;
import dev.apigw.auth.resource.ResourcePolicyFilter;
import dev.apigw.definition.InvalidApiDefinitionException;
import dev.apigw.model.AuthorizationType;
import dev.apigw.store.AuthorizerResultCache;
import dev.apigw.store.MemoryAuthorizerResultCache;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.cloud.gateway.config.GatewayAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

class ApigwSecurityAutoConfigurationTests {

	private final ReactiveWebApplicationContextRunner runner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, WebFluxAutoConfiguration.class,
				GatewayAutoConfiguration.class, ApigwAutoConfiguration.class, ApigwStoreAutoConfiguration.class,
				ApigwSecurityAutoConfiguration.class))
		.withUserConfiguration(ApigwAutoConfigurationTests.ServerPropertiesConfiguration.class)
		.withPropertyValues("apigw.apis.shop.resources[0].path=/items",
				"apigw.apis.shop.resources[0].methods.GET.integration.type=MOCK",
				"apigw.apis.shop.stages.dev.description=development");

	@Test
	void addsThePhasesAndEveryAuthorizerWhoseLibrariesArePresent() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed()
				.hasSingleBean(ResourcePolicyFilter.class)
				.hasSingleBean(AuthorizationFilter.class)
				.hasSingleBean(CognitoAuthorizer.class)
				.getBean(AuthorizerResultCache.class)
				.isInstanceOf(MemoryAuthorizerResultCache.class);
			AuthorizationFilter authorization = context.getBean(AuthorizationFilter.class);
			assertThat(authorization.authorizer(AuthorizationType.CUSTOM)).isNotNull();
			assertThat(authorization.authorizer(AuthorizationType.AWS_IAM)).isNotNull();
			assertThat(authorization.authorizer(AuthorizationType.COGNITO_USER_POOLS)).isNotNull();
		});
	}

	@Test
	void startsWithoutJwtAndLambdaLibrariesAndNamesWhatAMethodLacks() {
		this.runner
			.withClassLoader(new FilteredClassLoader("org.springframework.security.oauth2.jwt", "com.amazonaws"))
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean(CognitoAuthorizer.class);
			});
		this.runner
			.withClassLoader(new FilteredClassLoader("org.springframework.security.oauth2.jwt", "com.amazonaws"))
			.withPropertyValues("apigw.apis.shop.resources[0].methods.GET.authorization-type=COGNITO_USER_POOLS",
					"apigw.apis.shop.resources[0].methods.GET.authorizer=pool",
					"apigw.apis.shop.authorizers.pool.type=COGNITO_USER_POOLS",
					"apigw.apis.shop.authorizers.pool.provider-arns=https://issuer.example")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(InvalidApiDefinitionException.class)
				.hasMessageContaining("API 'shop', resource '/items', method GET, field 'authorization-type'")
				.hasMessageContaining("spring-boot-starter-security-oauth2-resource-server"));
	}

	@Test
	void refusesANegativeJwtClockSkewAtStartUp() {
		this.runner.withPropertyValues("apigw.security.jwt.clock-skew=-1s")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessage("apigw.security.jwt.clock-skew must not be negative, was PT-1S"));
	}

	@Test
	void reportsEveryAuthorizerProblemAtStartUp() {
		this.runner.withPropertyValues("apigw.apis.shop.resources[0].methods.GET.authorization-type=CUSTOM",
				"apigw.apis.shop.resources[0].methods.GET.authorizer=tokens",
				"apigw.apis.shop.authorizers.tokens.function=missingFunction",
				"apigw.apis.shop.resources[1].path=/iam",
				"apigw.apis.shop.resources[1].methods.GET.authorization-type=AWS_IAM",
				"apigw.apis.shop.resources[1].methods.GET.integration.type=MOCK",
				"apigw.apis.shop.policy={\"Statement\": {\"Effect\": \"Allow\"}}")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("field 'authorizers.tokens.authorizer-uri'")
				.hasMessageContaining("No authorizer function 'missingFunction'")
				.hasMessageContaining("resource '/iam', method GET, field 'authorization-type'")
				.hasMessageContaining("AWS_IAM needs an IamCredentialsRepository bean")
				.hasMessageContaining("field 'policy'"));
	}

	@Test
	void resolvesAuthorizerFunctionsFromBeansAndTakesIamCredentialsFromTheUser() {
		this.runner.withPropertyValues("apigw.apis.shop.resources[0].methods.GET.authorization-type=CUSTOM",
				"apigw.apis.shop.resources[0].methods.GET.authorizer=tokens",
				"apigw.apis.shop.authorizers.tokens.authorizer-uri="
						+ "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/"
						+ "arn:aws:lambda:us-east-1:123456789012:function:checkToken:live/invocations",
				"apigw.apis.shop.resources[1].path=/iam",
				"apigw.apis.shop.resources[1].methods.GET.authorization-type=AWS_IAM",
				"apigw.apis.shop.resources[1].methods.GET.integration.type=MOCK")
			.withBean("checkToken", AuthorizerFunction.class, () -> (event) -> Map.of())
			.withBean(InMemoryIamCredentials.class, InMemoryIamCredentials::new)
			.run((context) -> assertThat(context).hasNotFailed());
	}

}
