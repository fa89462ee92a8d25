package dev.apigw.model;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * An immutable snapshot of an API's definition that stages can point at.
 *
 * @param id the deployment id
 * @param createdDate when it was created
 * @param description what was deployed
 * @param api the definition
 */
public record Deployment(String id, Instant createdDate, @Nullable String description, Api api) {

}
