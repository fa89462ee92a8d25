package dev.apigw.deploy;

import java.util.List;

import dev.apigw.definition.ApiDefinitions;
import dev.apigw.definition.InvalidApiDefinitionException;
import dev.apigw.model.Deployment;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.cloud.context.scope.refresh.RefreshScopeRefreshedEvent;
import org.springframework.context.ApplicationListener;

/**
 * Deploys what a configuration refresh changed ({@code /actuator/refresh}, Spring Cloud
 * Config, Kubernetes config reloads): after the refresh has rebound
 * {@code @ConfigurationProperties}, the definitions are loaded again and every API whose
 * definition changed gets a new deployment that its stages point at. A definition that no
 * longer validates is not deployed: the stages keep serving what they served, and the
 * problems are logged.
 */
public final class DefinitionRefreshListener implements ApplicationListener<RefreshScopeRefreshedEvent> {

	private static final Log logger = LogFactory.getLog(DefinitionRefreshListener.class);

	private final DeploymentRegistry registry;

	private final ApiDefinitions definitions;

	/**
	 * Creates the listener.
	 * @param registry the deployments
	 * @param definitions loads the definitions
	 */
	public DefinitionRefreshListener(DeploymentRegistry registry, ApiDefinitions definitions) {
		this.registry = registry;
		this.definitions = definitions;
	}

	@Override
	public void onApplicationEvent(RefreshScopeRefreshedEvent event) {
		try {
			List<Deployment> deployed = this.registry.refresh(this.definitions.load(), "configuration-refresh");
			if (!deployed.isEmpty()) {
				logger.info("Configuration refresh deployed "
						+ deployed.stream().map((deployment) -> deployment.definition().id() + " @" + deployment.id()).toList());
			}
		}
		catch (InvalidApiDefinitionException | IllegalArgumentException ex) {
			logger.error("The refreshed API definitions are not deployed; stages keep serving their deployments: "
					+ ex.getMessage());
		}
	}

}
