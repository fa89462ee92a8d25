package dev.apigw.model;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * An API that is deployed to stages: a REST API or a WebSocket API. Both kinds share one id
 * space, are mounted the same way ({@code /{id}/{stage}}, or their base path and host) and
 * deploy through the same deployments, with history and rollback.
 */
public sealed interface DeployableApi permits Api, WebSocketApi {

	/**
	 * The API id.
	 * @return the id
	 */
	String id();

	/**
	 * Where the API is mounted, before the stage segment.
	 * @return the base path, {@code null} for {@code /{id}}
	 */
	@Nullable String basePath();

	/**
	 * The only host the API answers on.
	 * @return the host, {@code null} for any host
	 */
	@Nullable String host();

	/**
	 * The stages the API is served in.
	 * @return stage name to stage
	 */
	Map<String, Stage> stages();

	/**
	 * Where the definition came from, for messages.
	 * @return the source
	 */
	String source();

	/**
	 * Where the API's stage is mounted when no base-path mapping applies.
	 * @param stage the stage name
	 * @return {@code /{basePath or id}/{stage}}
	 */
	default String mountPath(String stage) {
		String basePath = (basePath() != null) ? basePath() : "/" + id();
		return (basePath.endsWith("/") ? basePath : basePath + "/") + stage;
	}

}
