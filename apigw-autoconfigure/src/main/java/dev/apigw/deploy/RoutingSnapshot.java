package dev.apigw.deploy;

import java.util.List;

import dev.apigw.routing.Mount;
import dev.apigw.routing.MountTable;
import dev.apigw.routing.StageRuntime;
import dev.apigw.websocket.WebSocketDeployments;

/**
 * Everything the gateway routes by at one moment: the mount table and the stages it
 * serves, REST and WebSocket. Replaced as a whole when a stage changes deployment.
 *
 * @param mounts the mount table of REST API stages
 * @param stages the served REST API stages
 * @param webSockets the served WebSocket API stages and their mounts
 */
public record RoutingSnapshot(MountTable<Mount> mounts, List<StageRuntime> stages, WebSocketDeployments webSockets) {

	static RoutingSnapshot empty() {
		return new RoutingSnapshot(MountTable.<Mount>builder().build(), List.of(), WebSocketDeployments.none());
	}

}
