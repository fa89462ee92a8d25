package dev.apigw.autoconfigure;

import java.time.Clock;
import java.util.List;

import dev.apigw.auth.SecurityProperties;
import dev.apigw.auth.authorizer.AuthorizationFilter;
import dev.apigw.auth.authorizer.AuthorizerFunctionResolver;
import dev.apigw.auth.authorizer.BeanAuthorizerFunctions;
import dev.apigw.auth.authorizer.LambdaAuthorizer;
import dev.apigw.auth.authorizer.MethodAuthorizer;
import dev.apigw.auth.cors.CorsPreflightFilter;
import dev.apigw.auth.iam.IamAuthorizer;
import dev.apigw.auth.iam.IamCredentialsRepository;
import dev.apigw.auth.jwt.CognitoAuthorizer;
import dev.apigw.auth.policy.Cidr;
import dev.apigw.auth.resource.ClientAddresses;
import dev.apigw.auth.resource.ResourcePolicyFilter;
import dev.apigw.auth.tls.ClientCertificateRoutingFilter;
import dev.apigw.integration.IntegrationResponder;
import dev.apigw.integration.MappingTemplates;
import dev.apigw.store.AuthorizerResultCache;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.client.HttpClient;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.cloud.gateway.config.HttpClientProperties;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configuration of access control: the resource policy, CORS preflight and
 * authorization phases, Lambda authorizers (functions resolved from beans, results cached
 * in the {@link ApigwStoreAutoConfiguration store}), Cognito-style JWT authorizers when Spring Security's JOSE support is present,
 * IAM (SigV4) when an {@link dev.apigw.auth.iam.IamCredentialsRepository} bean exists, and
 * client certificates towards backends. The phases check what they need (policies parse,
 * every authorized method has an authorizer that can serve it, SSL bundles exist) when each
 * deployment is compiled, at start-up and at run time alike. Registers no Spring Security
 * configuration of its own: the application's stays in charge of everything outside the API
 * mounts.
 */
@AutoConfiguration(after = { ApigwAutoConfiguration.class, ApigwStoreAutoConfiguration.class })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnBooleanProperty(name = "apigw.enabled", matchIfMissing = true)
@EnableConfigurationProperties(SecurityProperties.class)
public final class ApigwSecurityAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ClientAddresses apigwClientAddresses(SecurityProperties properties) {
		return new ClientAddresses(properties.getTrustedProxies().stream().map(Cidr::parse).toList());
	}

	@Bean
	ResourcePolicyFilter apigwResourcePolicyFilter(ClientAddresses addresses) {
		return new ResourcePolicyFilter(addresses);
	}

	@Bean
	CorsPreflightFilter apigwCorsPreflightFilter(MappingTemplates templates, IntegrationResponder responder) {
		return new CorsPreflightFilter(templates, responder);
	}

	@Bean
	AuthorizationFilter apigwAuthorizationFilter(ObjectProvider<MethodAuthorizer> authorizers) {
		return new AuthorizationFilter(authorizers.orderedStream().toList());
	}

	@Bean
	@ConditionalOnMissingBean
	AuthorizerFunctionResolver apigwAuthorizerFunctions(ListableBeanFactory beans) {
		return new BeanAuthorizerFunctions(beans);
	}

	@Bean(destroyMethod = "close")
	LambdaAuthorizer apigwLambdaAuthorizer(AuthorizerFunctionResolver functions, AuthorizerResultCache cache,
			SecurityProperties properties) {
		SecurityProperties.Authorizers authorizers = properties.getAuthorizers();
		Scheduler scheduler = Schedulers.newBoundedElastic(authorizers.getThreads(), authorizers.getQueueCapacity(),
				"apigw-authorizer", 60, true);
		return new LambdaAuthorizer(functions, cache, scheduler, authorizers.getTimeout());
	}

	@Bean
	IamAuthorizer apigwIamAuthorizer(ObjectProvider<IamCredentialsRepository> credentials,
			@Qualifier("apigwClock") Clock clock) {
		return new IamAuthorizer(credentials.getIfAvailable(), clock);
	}

	@Bean
	ClientCertificateRoutingFilter apigwClientCertificateRoutingFilter(HttpClient httpClient,
			ObjectProvider<List<HttpHeadersFilter>> headersFilters, HttpClientProperties properties, SslBundles bundles) {
		return new ClientCertificateRoutingFilter(httpClient, headersFilters, properties, bundles);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder")
	static class JwtConfiguration {

		@Bean
		CognitoAuthorizer apigwCognitoAuthorizer(@Qualifier("apigwClock") Clock clock,
				SecurityProperties properties) {
			return new CognitoAuthorizer(clock, properties.getJwt().getClockSkew());
		}

	}

}
