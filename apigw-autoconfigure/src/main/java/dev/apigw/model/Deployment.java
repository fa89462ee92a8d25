package dev.apigw.model;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * An immutable snapshot of an API's definition that stages can point at: a REST API's or a
 * WebSocket API's.
 *
 * @param id the deployment id
 * @param createdDate when it was created
 * @param description what was deployed
 * @param definition the definition
 */
public record Deployment(String id, Instant createdDate, @Nullable String description, DeployableApi definition) {

	/**
	 * The REST API deployed.
	 * @return the definition
	 * @throws IllegalStateException when this is a WebSocket API's deployment
	 */
	public Api api() {
		if (this.definition instanceof Api api) {
			return api;
		}
		throw new IllegalStateException("Deployment " + this.id + " is of WebSocket API '" + this.definition.id() + "'");
	}

}
