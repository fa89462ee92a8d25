package dev.apigw.management;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * AWS's management API served by the gateway ({@code apigw.management}).
 */
@ConfigurationProperties("apigw.management")
public class ManagementProperties {

	/**
	 * Whether the gateway serves AWS API Gateway's management API (import, deploy, stages) to SigV4-signed callers whose IAM-style policies allow it. Needs an IamCredentialsRepository bean.
	 */
	private boolean enabled;

	/**
	 * Where the management API is served: the endpoint URL the AWS CLI and SDKs are given ends with it.
	 */
	private String basePath = "/apigw/management";

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getBasePath() {
		return this.basePath;
	}

	public void setBasePath(String basePath) {
		this.basePath = basePath;
	}

}
