package dev.apigw.management;

import java.net.URI;

import dev.apigw.auth.iam.IamCredentials;
import dev.apigw.auth.iam.InMemoryIamCredentials;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;

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

	/**
	 * The AWS SDK's client of the management API of a gateway.
	 * @param port the gateway's port
	 * @param accessKey the caller's access key ({@link #SECRET} signs)
	 * @return the client
	 */
	static ApiGatewayClient client(int port, String accessKey) {
		return ApiGatewayClient.builder()
			.endpointOverride(URI.create("http://127.0.0.1:" + port + "/apigw/management"))
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, SECRET)))
			.httpClient(Apache5HttpClient.create())
			.build();
	}

	private static String policy(String action, String resource) {
		return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"" + action
				+ "\",\"Resource\":\"" + resource + "\"}]}";
	}

}
