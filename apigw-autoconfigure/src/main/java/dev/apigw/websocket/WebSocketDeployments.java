package dev.apigw.websocket;

import java.util.List;

import dev.apigw.model.WebSocketApi;
import dev.apigw.routing.MountTable;
import org.jspecify.annotations.Nullable;

/**
 * The deployed stages of every WebSocket API and where they are mounted, as one routing
 * snapshot of the deployments holds them: compiled once per deployment by
 * {@link WebSocketStageCompiler}, replaced as a whole when a stage changes deployment, read
 * by every handshake without locking. A connection keeps the stage it was opened on.
 */
public final class WebSocketDeployments {

	private static final WebSocketDeployments NONE = new WebSocketDeployments(
			MountTable.<WebSocketStage>builder().build(), List.of());

	private final MountTable<WebSocketStage> mounts;

	private final List<WebSocketStage> stages;

	/**
	 * Creates the deployments.
	 * @param mounts where each stage is mounted
	 * @param stages the served stages
	 */
	public WebSocketDeployments(MountTable<WebSocketStage> mounts, List<WebSocketStage> stages) {
		this.mounts = mounts;
		this.stages = List.copyOf(stages);
	}

	/**
	 * No WebSocket API deployed.
	 * @return empty deployments
	 */
	public static WebSocketDeployments none() {
		return NONE;
	}

	/**
	 * The stage mounted at a request's host and path.
	 * @param host the host without port, or {@code null}
	 * @param rawPath the raw request path
	 * @return the stage and the path below its mount, or {@code null}
	 */
	MountTable.@Nullable Mounted<WebSocketStage> match(@Nullable String host, String rawPath) {
		return this.mounts.match(host, rawPath);
	}

	/**
	 * The deployed APIs.
	 * @return the APIs, each once
	 */
	public List<WebSocketApi> apis() {
		return this.stages.stream().map(WebSocketStage::api).distinct().toList();
	}

	/**
	 * The deployed stages.
	 * @return the stages
	 */
	public List<WebSocketStage> stages() {
		return this.stages;
	}

}
