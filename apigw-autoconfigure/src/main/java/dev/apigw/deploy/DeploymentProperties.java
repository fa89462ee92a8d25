package dev.apigw.deploy;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Deployments at runtime ({@code apigw.deployments}).
 */
@ConfigurationProperties("apigw.deployments")
public class DeploymentProperties {

	/**
	 * Whether a configuration refresh (/actuator/refresh, Spring Cloud Config, Kubernetes reloads) deploys the APIs whose definitions it changed.
	 */
	private boolean deployOnRefresh = true;

	public boolean isDeployOnRefresh() {
		return this.deployOnRefresh;
	}

	public void setDeployOnRefresh(boolean deployOnRefresh) {
		this.deployOnRefresh = deployOnRefresh;
	}

}
