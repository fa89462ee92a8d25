package dev.apigw.documentation;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A published, immutable version of an API's documentation, as AWS's documentation
 * versions are: a name, when it was created, and the documentation at that time.
 *
 * @param version the version name, unique per API
 * @param createdDate when it was created
 * @param description what the version is
 * @param documentation the documentation
 */
public record DocumentationVersion(String version, Instant createdDate, @Nullable String description,
		DocumentationSnapshot documentation) {

}
