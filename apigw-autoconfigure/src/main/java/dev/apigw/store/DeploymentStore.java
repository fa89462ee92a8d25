package dev.apigw.store;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import dev.apigw.model.Deployment;
import dev.apigw.model.StagePointer;
import org.jspecify.annotations.Nullable;

/**
 * Where deployments and stage pointers live: this instance's memory (the default) or a
 * store every gateway instance shares (Redis), so that a deployment, rollback or canary
 * change made on one instance takes effect on all. Called for management actions, at
 * start-up and on change notifications, never on a request's path; implementations may
 * block, and callers never call them on an event-loop thread.
 */
public interface DeploymentStore {

	/**
	 * The deployments of an API, oldest first.
	 * @param apiId the API id
	 * @return the deployments
	 */
	List<Deployment> deployments(String apiId);

	/**
	 * One deployment.
	 * @param apiId the API id
	 * @param deploymentId the deployment id
	 * @return the deployment, or {@code null} when the API has no such deployment
	 */
	@Nullable Deployment deployment(String apiId, String deploymentId);

	/**
	 * Adds a deployment to an API's history.
	 * @param deployment the deployment
	 */
	void save(Deployment deployment);

	/**
	 * Where the stages of an API point.
	 * @param apiId the API id
	 * @return stage name to pointer
	 */
	Map<String, StagePointer> stages(String apiId);

	/**
	 * Points stages of an API.
	 * @param apiId the API id
	 * @param pointers stage name to pointer
	 */
	void point(String apiId, Map<String, StagePointer> pointers);

	/**
	 * Tells every other instance sharing the store that an API's stages changed.
	 * @param apiId the API id
	 */
	default void publish(String apiId) {
	}

	/**
	 * Registers what to do when another instance changed an API's stages.
	 * @param listener called with the API id, never on an event-loop thread
	 */
	default void subscribe(Consumer<String> listener) {
	}

	/**
	 * The APIs whose deployments the store holds.
	 * @return API ids
	 */
	Set<String> apiIds();

	/**
	 * Deletes an API: its deployments and stage pointers.
	 * @param apiId the API id
	 */
	void delete(String apiId);

}
