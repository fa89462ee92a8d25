package dev.apigw.model;

import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The header names a parameter mapping or a mapping template override may not set as they
 * are, because they frame a message, belong to one hop of a connection, or name the host:
 * the gateway sets those itself from what it actually sends, so that no value a caller can
 * influence ever decides where one message ends and the next begins.
 * <p>
 * Integration request: {@code Content-Length} and {@code Transfer-Encoding} are
 * {@linkplain #isFraming(String) framing headers} (AWS accepts a mapping of them and fails
 * every call with 500); {@code Connection}, {@code Keep-Alive}, {@code Upgrade}, {@code TE},
 * {@code Trailer}, every {@code Proxy-*} and {@code Host} are
 * {@linkplain #isHopByHopOrHost(String) hop-by-hop or the host}. Method response: AWS's
 * reserved names are {@linkplain #responseName(String) renamed}
 * {@code x-amzn-Remapped-<name>}; the framing and hop-by-hop names AWS does not list are
 * dropped.
 * <p>
 * A name or value a template builds from the request may also not be a header at all
 * ({@code %0d%0a} in a query parameter decodes to a line break):
 * {@link #isToken(String)} and {@link #wellFormedValue(String)} tell.
 */
public final class ReservedHeaders {

	/** What mapped response headers AWS renames (recorded against AWS). */
	private static final Set<String> REMAPPED_IN_RESPONSES = Set.of("authorization", "connection", "content-length",
			"content-md5", "date", "expect", "host", "max-forwards", "proxy-authenticate", "server", "trailer", "upgrade",
			"user-agent", "www-authenticate");

	private static final Set<String> FRAMING = Set.of("content-length", "transfer-encoding");

	private static final Set<String> HOP_BY_HOP_OR_HOST = Set.of("connection", "keep-alive", "upgrade", "te", "trailer",
			"host");

	private static final String PROXY_PREFIX = "proxy-";

	private static final String REMAPPED_PREFIX = "x-amzn-Remapped-";

	private ReservedHeaders() {
	}

	/**
	 * Whether a name is {@code Content-Length} or {@code Transfer-Encoding}.
	 * @param name a header name, in any case
	 * @return {@code true} for the two headers that frame a request body
	 */
	public static boolean isFraming(String name) {
		return FRAMING.contains(lower(name));
	}

	/**
	 * Whether a name is a hop-by-hop header or {@code Host}: {@code Connection},
	 * {@code Keep-Alive}, {@code Upgrade}, {@code TE}, {@code Trailer}, any
	 * {@code Proxy-*}, {@code Host}.
	 * @param name a header name, in any case
	 * @return {@code true} for the names no mapping may send to an integration
	 */
	public static boolean isHopByHopOrHost(String name) {
		String lower = lower(name);
		return HOP_BY_HOP_OR_HOST.contains(lower) || lower.startsWith(PROXY_PREFIX);
	}

	/**
	 * Whether an integration request may not carry a header of this name set by a mapping
	 * or an override.
	 * @param name a header name, in any case
	 * @return {@code true} for framing, hop-by-hop and {@code Host} headers
	 */
	public static boolean isReservedInRequests(String name) {
		return isFraming(name) || isHopByHopOrHost(name);
	}

	/**
	 * A reserved name as it may be logged: the name itself for the fixed names, and
	 * {@code Proxy-*} for the open family, whose rest a template may take from the request.
	 * @param name a reserved header name
	 * @return the name to log
	 */
	public static String loggable(String name) {
		String lower = lower(name);
		if (FRAMING.contains(lower) || HOP_BY_HOP_OR_HOST.contains(lower)) {
			return lower;
		}
		return lower.startsWith(PROXY_PREFIX) ? "proxy-*" : "(not reserved)";
	}

	/**
	 * The name a method response header set by a mapping or an override is sent under:
	 * {@code x-amzn-Remapped-<name>} for the names AWS reserves, nothing for
	 * {@code Transfer-Encoding}, {@code Keep-Alive} and the {@code Proxy-*} names AWS does
	 * not rename, and the name itself otherwise ({@code TE}, {@code Content-Type},
	 * {@code Content-Encoding}, ... pass as they are on AWS).
	 * @param name the mapped name
	 * @return the name to send, or {@code null} to drop the header
	 */
	public static @Nullable String responseName(String name) {
		String lower = lower(name);
		if (REMAPPED_IN_RESPONSES.contains(lower)) {
			return REMAPPED_PREFIX + name;
		}
		if (lower.equals("transfer-encoding") || lower.equals("keep-alive") || lower.startsWith(PROXY_PREFIX)) {
			return null;
		}
		return name;
	}

	/**
	 * Whether a header name is an HTTP token: one or more of the letters, digits and
	 * {@code !#$%&'*+-.^_`|~}.
	 * @param name the name
	 * @return {@code true} when the name can be sent
	 */
	public static boolean isToken(String name) {
		if (name.isEmpty()) {
			return false;
		}
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			boolean tchar = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
					|| "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
			if (!tchar) {
				return false;
			}
		}
		return true;
	}

	/**
	 * A header value as it can be sent: without the spaces and tabs around it (they are not
	 * part of a field value), and only if it holds no control character, so that it can never
	 * end its header line and start another.
	 * @param value the value
	 * @return the value to send, or {@code null} when it holds a control character other
	 * than a tab
	 */
	public static @Nullable String wellFormedValue(String value) {
		int start = 0;
		int end = value.length();
		while (start < end && (value.charAt(start) == ' ' || value.charAt(start) == '\t')) {
			start++;
		}
		while (end > start && (value.charAt(end - 1) == ' ' || value.charAt(end - 1) == '\t')) {
			end--;
		}
		for (int i = start; i < end; i++) {
			char c = value.charAt(i);
			if ((c < 0x20 && c != '\t') || c == 0x7f) {
				return null;
			}
		}
		return value.substring(start, end);
	}

	private static String lower(String name) {
		return name.trim().toLowerCase(Locale.ROOT);
	}

}
