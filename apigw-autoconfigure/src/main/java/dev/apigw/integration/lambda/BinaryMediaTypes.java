package dev.apigw.integration.lambda;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * Matches content types against an API's binary media types ({@code image/png},
 * {@code image/*}, {@code *}{@code /*}).
 */
final class BinaryMediaTypes {

	private BinaryMediaTypes() {
	}

	/**
	 * Whether a content type is one of the binary media types.
	 * @param binaryMediaTypes the API's binary media types
	 * @param contentType a Content-Type or the first Accept value, possibly {@code null}
	 * @return {@code true} when a binary media type includes it
	 */
	static boolean matches(List<String> binaryMediaTypes, @Nullable String contentType) {
		if (binaryMediaTypes.isEmpty() || contentType == null || contentType.isBlank()) {
			return false;
		}
		try {
			MediaType type = MediaType.parseMediaType(contentType.split(",")[0].trim());
			for (String binary : binaryMediaTypes) {
				if (MediaType.parseMediaType(binary).includes(type)) {
					return true;
				}
			}
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
		return false;
	}

}
