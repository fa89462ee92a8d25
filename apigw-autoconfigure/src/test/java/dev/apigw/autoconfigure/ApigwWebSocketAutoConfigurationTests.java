package dev.apigw.autoconfigure;

import dev.apigw.definition.InvalidApiDefinitionException;
import dev.apigw.store.ConnectionStore;
import dev.apigw.store.MemoryConnectionStore;
import dev.apigw.websocket.WebSocketConnections;
import dev.apigw.websocket.WebSocketGateway;
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

import static org.assertj.core.api.Assertions.assertThat;

class ApigwWebSocketAutoConfigurationTests {

	private static final String ROUTE = "apigw.websocket-apis.chat.routes[0].";

	private final ReactiveWebApplicationContextRunner runner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, WebFluxAutoConfiguration.class,
				GatewayAutoConfiguration.class, ApigwAutoConfiguration.class, ApigwLambdaAutoConfiguration.class,
				ApigwStoreAutoConfiguration.class, ApigwUsagePlanAutoConfiguration.class,
				ApigwWebSocketAutoConfiguration.class))
		.withUserConfiguration(ServerPropertiesConfiguration.class)
		.withPropertyValues(ROUTE + "route-key=$default", "apigw.websocket-apis.chat.stages.dev.description=dev");

	@Test
	void startsWithoutTheLambdaAndRedisLibraries() {
		this.runner.withClassLoader(new FilteredClassLoader("com.amazonaws", "org.springframework.data.redis"))
			.withPropertyValues(ROUTE + "integration.type=MOCK")
			.run((context) -> {
				assertThat(context).hasNotFailed()
					.hasSingleBean(WebSocketGateway.class)
					.hasSingleBean(WebSocketConnections.class);
				assertThat(context.getBean(ConnectionStore.class)).isInstanceOf(MemoryConnectionStore.class);
			});
	}

	@Test
	void lambdaRoutesWithoutTheLambdaLibrariesFailStartUpSayingWhatIsMissing() {
		this.runner.withClassLoader(new FilteredClassLoader("com.amazonaws"))
			.withPropertyValues(ROUTE + "integration.type=AWS_PROXY", ROUTE + "integration.uri=handler")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(InvalidApiDefinitionException.class)
				.hasMessageContaining("field 'apigw.websocket-apis.chat.routes[0].integration.type'")
				.hasMessageContaining("com.amazonaws:aws-lambda-java-core"));
	}

	@Test
	void unknownFunctionFailsStartUpNamingTheRoute() {
		this.runner.withPropertyValues(ROUTE + "integration.type=AWS_PROXY", ROUTE + "integration.uri=missing")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.isInstanceOf(InvalidApiDefinitionException.class)
				.hasMessageContaining("route $default")
				.hasMessageContaining("No Lambda function 'missing'"));
	}

	@Test
	void authorizedConnectRouteWithoutAuthorizerFailsStartUp() {
		this.runner
			.withPropertyValues(ROUTE + "integration.type=MOCK", "apigw.websocket-apis.chat.routes[1].route-key=$connect",
					"apigw.websocket-apis.chat.routes[1].authorization-type=AWS_IAM")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(InvalidApiDefinitionException.class)
				.hasMessageContaining("AWS_IAM needs a ConnectAuthorizer bean"));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(ServerProperties.class)
	static class ServerPropertiesConfiguration {

	}

}
