package dev.apigw.auth.resource;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import javax.security.auth.x500.X500Principal;

import org.jspecify.annotations.Nullable;

import org.springframework.http.server.reactive.SslInfo;

/**
 * {@code $context.identity.clientCert} of a request that came with a client certificate
 * the server verified (mutual TLS): {@code clientCertPem}, {@code subjectDN},
 * {@code issuerDN}, {@code serialNumber} (colon-separated hex) and
 * {@code validity.notBefore}/{@code notAfter} (OpenSSL's {@code May 28 12:30:02 2019 GMT}
 * form), as AWS presents them.
 */
final class ClientCertificates {

	private static final DateTimeFormatter VALIDITY = DateTimeFormatter.ofPattern("MMM ppd HH:mm:ss yyyy 'GMT'",
			Locale.US).withZone(ZoneOffset.UTC);

	private ClientCertificates() {
	}

	static @Nullable Map<String, Object> of(@Nullable SslInfo ssl) {
		if (ssl == null || ssl.getPeerCertificates() == null || ssl.getPeerCertificates().length == 0) {
			return null;
		}
		X509Certificate certificate = ssl.getPeerCertificates()[0];
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("clientCertPem", pem(certificate));
		map.put("subjectDN", certificate.getSubjectX500Principal().getName(X500Principal.RFC2253));
		map.put("issuerDN", certificate.getIssuerX500Principal().getName(X500Principal.RFC2253));
		map.put("serialNumber", serial(certificate));
		Map<String, Object> validity = new LinkedHashMap<>();
		validity.put("notBefore", VALIDITY.format(certificate.getNotBefore().toInstant()));
		validity.put("notAfter", VALIDITY.format(certificate.getNotAfter().toInstant()));
		map.put("validity", validity);
		return map;
	}

	private static String serial(X509Certificate certificate) {
		byte[] bytes = certificate.getSerialNumber().toByteArray();
		int start = (bytes.length > 1 && bytes[0] == 0) ? 1 : 0;
		HexFormat hex = HexFormat.ofDelimiter(":");
		return hex.formatHex(bytes, start, bytes.length);
	}

	private static @Nullable String pem(X509Certificate certificate) {
		try {
			String body = Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
				.encodeToString(certificate.getEncoded());
			return "-----BEGIN CERTIFICATE-----\n" + body + "\n-----END CERTIFICATE-----";
		}
		catch (CertificateEncodingException ex) {
			return null;
		}
	}

}
