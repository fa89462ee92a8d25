package dev.apigw.samples.petstore;

import dev.apigw.auth.iam.IamCredentials;
import dev.apigw.auth.iam.InMemoryIamCredentials;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Who may use the management API (and {@code AWS_IAM} methods) in this sample.
 * <p>
 * SAMPLE ONLY: the key pair is AWS's documented example pair, public on purpose, allowed
 * every {@code apigateway:*} action; an application of your own loads its operators'
 * credentials and narrow policies from its secret store.
 */
@Configuration(proxyBeanMethods = false)
class SampleOperators {

	static final String ACCESS_KEY_ID = "AKIAIOSFODNN7EXAMPLE";

	static final String SECRET_ACCESS_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

	@Bean
	InMemoryIamCredentials sampleOperatorCredentials() {
		return new InMemoryIamCredentials(IamCredentials.of(ACCESS_KEY_ID, SECRET_ACCESS_KEY,
				"arn:aws:iam::123456789012:user/sample-operator", """
						{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "apigateway:*",
						  "Resource": "arn:aws:apigateway:us-east-1::/*"}]}
						"""));
	}

}
