package dev.apigw.test;

import java.util.List;
import java.util.Map;

import dev.apigw.auth.authorizer.AuthorizerFunction;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * The function behind the TOKEN authorizer of {@code openapi/e2e-validators-authorizer.yaml}
 * ("test-authorizer") for the tests of the {@code openapi} profile: allows the token
 * "Bearer allow", denies every other.
 */
@Configuration(proxyBeanMethods = false)
@Profile("openapi")
class OpenApiProfileAuthorizers {

	@Bean("test-authorizer")
	AuthorizerFunction testAuthorizer() {
		return (event) -> Map.of("principalId", "user-1", "policyDocument",
				Map.of("Version", "2012-10-17", "Statement",
						List.of(Map.of("Action", "execute-api:Invoke", "Effect",
								"Bearer allow".equals(event.get("authorizationToken")) ? "Allow" : "Deny", "Resource",
								event.get("methodArn")))));
	}

}
