package dev.apigw.routing;

import org.jspecify.annotations.Nullable;

/**
 * The integration request payload the integration request phase prepared for the
 * integration: bytes and their content type, or {@code null} bytes for the original body
 * passed through unread.
 *
 * @param body the payload, {@code null} to stream the original body
 * @param contentType the payload's content type
 * @param requestBody the method request's body text when it was read, for
 * {@code method.request.body} mappings and {@code $input} of response templates
 */
public record IntegrationPayload(byte @Nullable [] body, @Nullable String contentType, @Nullable String requestBody) {

	/** The original body, streamed through unread. */
	public static final IntegrationPayload PASSTHROUGH = new IntegrationPayload(null, null, null);

}
