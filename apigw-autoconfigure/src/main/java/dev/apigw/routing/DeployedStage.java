package dev.apigw.routing;

import org.springframework.cloud.gateway.route.Route;

/**
 * A compiled stage as a mount serves it: the stage runtime requests read, and the gateway
 * route they run through, whose filters are the pipeline phases compiled for the stage.
 *
 * @param stage the stage runtime
 * @param route the route, holding the stage's phase filters
 */
public record DeployedStage(StageRuntime stage, Route route) {

	@Override
	public String toString() {
		return this.stage.toString();
	}

}
