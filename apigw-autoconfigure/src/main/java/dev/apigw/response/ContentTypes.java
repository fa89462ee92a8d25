package dev.apigw.response;

import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * Template selection by media type, as AWS does it: request templates by the request's
 * Content-Type, response templates by its Accept header.
 */
public final class ContentTypes {

	/** The media type assumed when a request names none. */
	public static final String APPLICATION_JSON = "application/json";

	private ContentTypes() {
	}

	/**
	 * The media type a Content-Type header names, without parameters such as charset,
	 * {@code application/json} when absent.
	 * @param contentType the header value
	 * @return the lower-case media type
	 */
	public static String mediaType(@Nullable String contentType) {
		if (contentType == null || contentType.isBlank()) {
			return APPLICATION_JSON;
		}
		int semicolon = contentType.indexOf(';');
		String type = (semicolon >= 0) ? contentType.substring(0, semicolon) : contentType;
		return type.trim().toLowerCase(Locale.ROOT);
	}

	/**
	 * Picks the response template for an Accept header: the one whose content type the
	 * header accepts (the first listed type that has a template), else
	 * {@code application/json}, else the first defined.
	 * @param templates content type to template, in definition order
	 * @param accept the Accept header
	 * @return the selected entry, or {@code null} when there are no templates
	 */
	public static <T> Map.@Nullable Entry<String, T> selectByAccept(Map<String, T> templates,
			@Nullable String accept) {
		if (templates.isEmpty()) {
			return null;
		}
		if (accept != null && !accept.isBlank()) {
			try {
				for (MediaType acceptable : MediaType.parseMediaTypes(accept)) {
					for (Map.Entry<String, T> entry : templates.entrySet()) {
						if (acceptable.isWildcardType()) {
							continue;
						}
						if (acceptable.includes(MediaType.parseMediaType(entry.getKey()))) {
							return entry;
						}
					}
				}
			}
			catch (RuntimeException ex) {
				// an unparseable Accept header selects like no header
			}
		}
		for (Map.Entry<String, T> entry : templates.entrySet()) {
			if (APPLICATION_JSON.equalsIgnoreCase(entry.getKey())) {
				return entry;
			}
		}
		return templates.entrySet().iterator().next();
	}

	/**
	 * The Accept header of a request.
	 * @param headers the headers
	 * @return the header value, or {@code null}
	 */
	public static @Nullable String accept(HttpHeaders headers) {
		return headers.getFirst(HttpHeaders.ACCEPT);
	}

}
