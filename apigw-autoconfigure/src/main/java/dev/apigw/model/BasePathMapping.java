package dev.apigw.model;

import org.jspecify.annotations.Nullable;

/**
 * A custom-domain style mapping of a host and base path to one stage of an API; the stage
 * segment is not part of such URLs ({@code https://api.example.com/v1/pets}).
 *
 * @param host the host, {@code null} for any host
 * @param basePath the base path, e.g. {@code /v1}, or {@code /}
 * @param apiId the API
 * @param stage the stage of the API
 */
public record BasePathMapping(@Nullable String host, String basePath, String apiId, String stage) {

}
