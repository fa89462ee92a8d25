package dev.apigw.management;

import dev.apigw.auth.iam.IamCredentials;
import dev.apigw.auth.iam.InMemoryIamCredentials;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The callers of the management API tests: an administrator allowed every
 * {@code apigateway} action, and a reader allowed {@code apigateway:GET} only.
 */
@TestConfiguration(proxyBeanMethods = false)
class ManagementTestConfiguration {

	static final String ADMIN_KEY = "AKIAADMINEXAMPLE";

	static final String READER_KEY = "AKIAREADEREXAMPLE";

	static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

	@Bean
	InMemoryIamCredentials managementCredentials() {
		return new InMemoryIamCredentials(
				IamCredentials.of(ADMIN_KEY, SECRET, "arn:aws:iam::123456789012:user/admin",
						policy("apigateway:*", "arn:aws:apigateway:us-east-1::/*")),
				IamCredentials.of(READER_KEY, SECRET, "arn:aws:iam::123456789012:user/reader",
						policy("apigateway:GET", "arn:aws:apigateway:us-east-1::/*")));
	}

	private static String policy(String action, String resource) {
		return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"" + action
				+ "\",\"Resource\":\"" + resource + "\"}]}";
	}

}
