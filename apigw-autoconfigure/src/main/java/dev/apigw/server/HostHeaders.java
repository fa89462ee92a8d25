package dev.apigw.server;

import java.util.Iterator;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import org.jspecify.annotations.Nullable;

/**
 * RFC 9112 section 3.2: an HTTP/1.1 request without a {@code Host} header, and any request
 * with more than one or with an invalid value, must be answered 400. Mounts matched by host,
 * {@code $context.domainName} and the URLs backends see all rest on that one header.
 */
final class HostHeaders {

	private HostHeaders() {
	}

	/**
	 * What is wrong with the request's {@code Host} headers.
	 * @param request the request
	 * @return the problem, {@code null} when there is none
	 */
	static @Nullable String problem(HttpRequest request) {
		// one small iterator, no list: this runs for every request
		Iterator<? extends CharSequence> hosts = request.headers().valueCharSequenceIterator(HttpHeaderNames.HOST);
		if (!hosts.hasNext()) {
			return requiresHost(request.protocolVersion()) ? "no Host header" : null;
		}
		CharSequence host = hosts.next();
		if (hosts.hasNext()) {
			return "more than one Host header";
		}
		return isValid(host) ? null : "invalid Host header";
	}

	private static boolean requiresHost(HttpVersion version) {
		return version.majorVersion() > 1 || (version.majorVersion() == 1 && version.minorVersion() >= 1);
	}

	/**
	 * Whether a value can be {@code uri-host [ ":" port ]} (RFC 3986): a registered name, an
	 * IPv4 address or a bracketed IP literal. An empty value is valid (a request target
	 * without authority). Spaces, {@code /}, {@code ?}, {@code #} and {@code @} are not, so a
	 * value can never change the path or user of a URL built from it.
	 */
	static boolean isValid(CharSequence host) {
		for (int i = 0; i < host.length(); i++) {
			char c = host.charAt(i);
			boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
					|| "-._~!$&'()*+,;=:[]%".indexOf(c) >= 0;
			if (!allowed) {
				return false;
			}
		}
		return true;
	}

}
