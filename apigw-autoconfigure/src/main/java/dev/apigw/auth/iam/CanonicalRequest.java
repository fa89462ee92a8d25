package dev.apigw.auth.iam;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.util.UriUtils;

/**
 * Signature Version 4 as services other than S3 compute it: the canonical request (method,
 * the path URI-encoded once more, the sorted query, the signed headers, the payload hash),
 * the string to sign and the signature.
 */
final class CanonicalRequest {

	private static final HexFormat HEX = HexFormat.of();

	private CanonicalRequest() {
	}

	static String of(ServerHttpRequest request, SignedRequest signed, String payloadHash) {
		StringBuilder canonical = new StringBuilder(256);
		canonical.append(request.getMethod().name()).append('\n');
		String path = request.getURI().getRawPath();
		canonical.append(encode((path == null || path.isEmpty()) ? "/" : path, false)).append('\n');
		canonical.append(query(request.getURI().getRawQuery(), signed.presigned())).append('\n');
		for (String name : signed.signedHeaders()) {
			canonical.append(name).append(':').append(headerValue(request, name)).append('\n');
		}
		canonical.append('\n').append(String.join(";", signed.signedHeaders())).append('\n');
		canonical.append(payloadHash);
		return canonical.toString();
	}

	static String stringToSign(SignedRequest signed, String canonicalRequest) {
		return SignedRequest.ALGORITHM + "\n" + signed.amzDate() + "\n" + signed.scope() + "\n"
				+ sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8));
	}

	static String signature(String secret, SignedRequest signed, String stringToSign) {
		byte[] key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), signed.scopeDate());
		key = hmac(key, signed.region());
		key = hmac(key, signed.service());
		key = hmac(key, "aws4_request");
		return HEX.formatHex(hmac(key, stringToSign));
	}

	static String sha256(byte[] bytes) {
		try {
			return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] hmac(byte[] key, String data) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String headerValue(ServerHttpRequest request, String name) {
		List<String> values = request.getHeaders().getOrEmpty(name);
		List<String> trimmed = new ArrayList<>(values.size());
		for (String value : values) {
			trimmed.add(value.trim().replaceAll(" +", " "));
		}
		return String.join(",", trimmed);
	}

	/** The query, each name and value decoded and encoded as RFC 3986 says, sorted. */
	private static String query(String rawQuery, boolean presigned) {
		if (rawQuery == null || rawQuery.isEmpty()) {
			return "";
		}
		List<String[]> parameters = new ArrayList<>();
		for (String pair : rawQuery.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int equals = pair.indexOf('=');
			String name = decode((equals >= 0) ? pair.substring(0, equals) : pair);
			String value = (equals >= 0) ? decode(pair.substring(equals + 1)) : "";
			if (presigned && name.equals("X-Amz-Signature")) {
				continue;
			}
			parameters.add(new String[] { encode(name, true), encode(value, true) });
		}
		parameters.sort((a, b) -> {
			int byName = a[0].compareTo(b[0]);
			return (byName != 0) ? byName : a[1].compareTo(b[1]);
		});
		StringBuilder query = new StringBuilder();
		for (String[] parameter : parameters) {
			if (query.length() > 0) {
				query.append('&');
			}
			query.append(parameter[0]).append('=').append(parameter[1]);
		}
		return query.toString();
	}

	private static String decode(String text) {
		try {
			return UriUtils.decode(text, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return text;
		}
	}

	/** RFC 3986 encoding: unreserved characters as they are, everything else {@code %XX}. */
	static String encode(String text, boolean slash) {
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		StringBuilder out = new StringBuilder(bytes.length + 16);
		for (byte b : bytes) {
			char c = (char) (b & 0xFF);
			if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
					|| c == '.' || c == '~' || (c == '/' && !slash)) {
				out.append(c);
			}
			else {
				out.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xFF));
			}
		}
		return out.toString();
	}

}
