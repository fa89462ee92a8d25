package dev.apigw.autoconfigure;

import java.time.Clock;

import dev.apigw.auth.ApiKeyRepository;
import dev.apigw.auth.iam.IamCredentialsRepository;
import dev.apigw.auth.iam.SigV4Verifier;
import dev.apigw.definition.ApigwProperties;
import dev.apigw.definition.InvalidApiDefinitionException.Problem;
import dev.apigw.definition.InvalidApiDefinitionException;
import dev.apigw.deploy.DeploymentRegistry;
import dev.apigw.integration.lambda.LambdaFunctionRegistry;
import dev.apigw.integration.lambda.LambdaInvoker;
import dev.apigw.integration.lambda.LambdaProperties;
import dev.apigw.model.AuthorizationType;
import dev.apigw.model.WebSocketApi;
import dev.apigw.model.WebSocketRoute;
import dev.apigw.routing.GatewayEnvironment;
import dev.apigw.store.ApiKeyStore;
import dev.apigw.store.ConnectionStore;
import dev.apigw.template.TemplateEngine;
import dev.apigw.template.TemplateRenderer;
import dev.apigw.throttle.UsagePlanCatalog;
import dev.apigw.websocket.ConnectAuthorizer;
import dev.apigw.websocket.ConnectionsAccessCheck;
import dev.apigw.websocket.IamWebSocketAccess;
import dev.apigw.websocket.WebSocketApiDefinitions;
import dev.apigw.websocket.WebSocketConnections;
import dev.apigw.websocket.WebSocketGateway;
import dev.apigw.websocket.WebSocketProperties;
import dev.apigw.websocket.WebSocketStageCompiler;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * WebSocket APIs ({@code apigw.websocket-apis}): their deployment, the web filter that
 * terminates client WebSockets at their mounts and serves {@code @connections}, the
 * {@link dev.apigw.websocket.WebSocketConnections} Java API. The connection store (memory,
 * or Redis with {@code apigw.store.type=redis}) is {@link ApigwStoreAutoConfiguration}'s.
 */
@AutoConfiguration(
		after = { ApigwAutoConfiguration.class, ApigwLambdaAutoConfiguration.class, ApigwStoreAutoConfiguration.class,
				ApigwUsagePlanAutoConfiguration.class })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnBooleanProperty(name = "apigw.enabled", matchIfMissing = true)
@ConditionalOnBean(DeploymentRegistry.class)
@EnableConfigurationProperties(WebSocketProperties.class)
public final class ApigwWebSocketAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	WebSocketApiDefinitions apigwWebSocketApiDefinitions(WebSocketProperties properties,
			ObjectProvider<LambdaInvoker> lambda) {
		return WebSocketApiDefinitions.load(properties, lambda.getIfAvailable() != null);
	}

	// functions are checked (and created) once every bean exists: a handler may itself use
	// WebSocketConnections, which depends on the definitions
	@Bean
	static SmartInitializingSingleton apigwWebSocketFunctionCheck(ObjectProvider<WebSocketApiDefinitions> definitions,
			ObjectProvider<LambdaInvoker> lambda) {
		return () -> {
			LambdaInvoker invoker = lambda.getIfAvailable();
			WebSocketApiDefinitions defined = definitions.getIfAvailable();
			if (invoker != null && defined != null) {
				defined.checkFunctions(invoker::check);
			}
		};
	}

	@Bean
	@ConditionalOnMissingBean
	WebSocketStageCompiler apigwWebSocketStageCompiler(TemplateEngine engine, GatewayEnvironment environment) {
		return new WebSocketStageCompiler(engine, environment);
	}

	@Bean
	@ConditionalOnMissingBean
	WebSocketGateway apigwWebSocketGateway(WebSocketApiDefinitions definitions, DeploymentRegistry registry,
			ConnectionStore store, ObjectProvider<ApiKeyStore> storedKeys, WebSocketProperties properties, ApigwProperties apigw, @Qualifier("apigwClock") Clock clock,
			ObjectProvider<LambdaInvoker> lambda, ObjectProvider<WebClient.Builder> webClient,
			ObjectProvider<ConnectAuthorizer> authorizer, ObjectProvider<ConnectionsAccessCheck> accessCheck,
			ObjectProvider<ApiKeyRepository> keys, ObjectProvider<UsagePlanCatalog> plans,
			ObjectProvider<IamCredentialsRepository> iamCredentials, GatewayEnvironment environment,
			TemplateRenderer templates) {
		WebSocketProperties.Connections limits = properties.getWebsocket();
		ApiKeyRepository configuredKeys = keys.getIfAvailable();
		ApiKeyRepository apiKeys = (configuredKeys != null)
				? ApiKeyRepository.withStored(configuredKeys, storedKeys.getIfAvailable()) : null;
		IamCredentialsRepository credentials = iamCredentials.getIfAvailable();
		IamWebSocketAccess iam = (credentials != null)
				? new IamWebSocketAccess(new SigV4Verifier(credentials, clock), environment) : null;
		checkAuthorization(definitions, authorizer.getIfAvailable() != null, iam != null, apiKeys != null);
		return WebSocketGateway.builder(() -> registry.snapshot().webSockets(), store, clock)
			.order(apigw.getWebFilterOrder() - 1)
			.maxFrameSize((int) Math.min(Integer.MAX_VALUE, limits.getMaxFrameSize().toBytes()))
			.maxMessageSize(limits.getMaxMessageSize().toBytes())
			.idleTimeout(limits.getIdleTimeout())
			.maxConnectionDuration(limits.getMaxConnectionDuration())
			.connectionsApi(limits.isConnectionsApiEnabled())
			.lambda(lambda.getIfAvailable())
			.webClient(webClient.getIfAvailable(WebClient::builder).build())
			.templateRenderer(templates)
			.authorizer(authorizer.getIfAvailable())
			.accessCheck(accessCheck.getIfAvailable())
			.iam(iam)
			.apiKeys(apiKeys, () -> {
				UsagePlanCatalog catalog = plans.getIfAvailable();
				return (catalog != null) ? catalog.get() : null;
			})
			.build();
	}

	private static void checkAuthorization(WebSocketApiDefinitions definitions, boolean authorizer, boolean iam,
			boolean keys) {
		java.util.List<Problem> problems = new java.util.ArrayList<>();
		for (WebSocketApi api : definitions.apis()) {
			WebSocketRoute connect = api.route(WebSocketRoute.CONNECT);
			if (connect == null) {
				continue;
			}
			boolean served = (connect.authorizationType() == AuthorizationType.AWS_IAM) ? (iam || authorizer)
					: authorizer;
			if (connect.authorizationType() != AuthorizationType.NONE && !served) {
				problems.add(new Problem(api.source(), api.id(), "route $connect", null, "authorization-type",
						connect.authorizationType() + " needs a ConnectAuthorizer bean to authorize handshakes"
								+ ((connect.authorizationType() == AuthorizationType.AWS_IAM)
										? " (or an IamCredentialsRepository bean)" : "")
								+ " (see docs/websocket.md)"));
			}
			if (connect.apiKeyRequired() && !keys) {
				problems.add(new Problem(api.source(), api.id(), "route $connect", null, "api-key-required",
						"API keys need an ApiKeyRepository (apigw.api-keys)"));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidApiDefinitionException(problems);
		}
	}

	@Bean
	@ConditionalOnMissingBean
	WebSocketConnections apigwWebSocketConnections(WebSocketGateway gateway) {
		return gateway.connections();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = ApigwLambdaAutoConfiguration.LAMBDA_CORE)
	@ConditionalOnBean(LambdaFunctionRegistry.class)
	static class LambdaConfiguration {

		@Bean
		@ConditionalOnMissingBean
		LambdaInvoker apigwWebSocketLambdaInvoker(LambdaFunctionRegistry registry, GatewayEnvironment environment,
				LambdaProperties properties) {
			return new LambdaInvoker(registry, environment, properties.getLambda().getThreads(),
					properties.getLambda().getQueueCapacity(), "apigw-ws-lambda");
		}

	}

}
