package dev.apigw.auth.iam;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import reactor.core.publisher.Mono;

import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * Verifies a request's Signature Version 4 outside the REST pipeline (the
 * {@code @connections} management API and WebSocket handshakes of WebSocket APIs, signed for
 * {@code execute-api}; apigw's management API, signed for {@code apigateway}): the
 * credential scope (the service, the gateway's region, the date), the time within
 * 5 minutes (or a presigned URL's validity), the session token of temporary credentials, and
 * the signature over the canonical request with the body as received. Answers with the same
 * gateway responses as {@link IamAuthorizer} (each a {@link SigV4Exception} that also
 * carries the error type AWS's service endpoints use); deciding what the caller may do is
 * the caller's.
 */
public final class SigV4Verifier {

	private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT)
		.withZone(ZoneOffset.UTC);

	private static final String EXECUTE_API = "execute-api";

	private static final String INVALID_TOKEN = "The security token included in the request is invalid.";

	private final IamCredentialsRepository credentials;

	private final Clock clock;

	private final String service;

	/**
	 * Creates a verifier.
	 * @param credentials finds the secret of an access key
	 * @param clock the gateway's clock
	 */
	public SigV4Verifier(IamCredentialsRepository credentials, Clock clock) {
		this(credentials, clock, EXECUTE_API);
	}

	/**
	 * Creates a verifier of requests signed for another service.
	 * @param credentials finds the secret of an access key
	 * @param clock the gateway's clock
	 * @param service the service requests must be signed for, e.g. {@code apigateway}
	 */
	public SigV4Verifier(IamCredentialsRepository credentials, Clock clock, String service) {
		this.credentials = credentials;
		this.clock = clock;
		this.service = service;
	}

	/**
	 * Verifies a request.
	 * @param request the request
	 * @param body the request body as received
	 * @param region the gateway's region
	 * @return the caller's credentials; a {@link SigV4Exception} when the request
	 * is unsigned (MISSING_AUTHENTICATION_TOKEN), its signature or scope is wrong
	 * (INVALID_SIGNATURE), the key is unknown or its token expired
	 */
	public Mono<IamCredentials> verify(ServerHttpRequest request, byte[] body, String region) {
		return Mono.defer(() -> {
			SignedRequest signed = SignedRequest.of(request);
			if (signed == null) {
				return Mono.error(SigV4Exception.missing());
			}
			return verify(signed, request, body, region);
		});
	}

	/**
	 * Verifies a request whose signature was already read.
	 * @param signed the request's signature, from {@link SignedRequest#of(ServerHttpRequest)}
	 * @param request the request
	 * @param body the request body as received
	 * @param region the gateway's region
	 * @return the caller's credentials, or the errors of {@link #verify(ServerHttpRequest, byte[], String)}
	 */
	Mono<IamCredentials> verify(SignedRequest signed, ServerHttpRequest request, byte[] body, String region) {
		return Mono.defer(() -> {
			checkScope(signed, region);
			checkTime(signed);
			return this.credentials.findByAccessKeyId(signed.accessKeyId())
				.switchIfEmpty(Mono.error(() -> SigV4Exception.unrecognized(INVALID_TOKEN)))
				.map((found) -> {
					checkToken(signed, found);
					String payloadHash = CanonicalRequest.sha256(body);
					String canonical = CanonicalRequest.of(request, signed, payloadHash);
					String stringToSign = CanonicalRequest.stringToSign(signed, canonical);
					String expected = CanonicalRequest.signature(found.secretAccessKey(), signed, stringToSign);
					if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
							signed.signature().getBytes(StandardCharsets.US_ASCII))) {
						throw invalid("The request signature we calculated does not match the signature you provided. "
								+ "Check your AWS Secret Access Key and signing method. Consult the service "
								+ "documentation for details.\n\nThe Canonical String for this request should have "
								+ "been\n'" + canonical + "'\n\nThe String-to-Sign should have been\n'" + stringToSign
								+ "'\n");
					}
					return found;
				});
		});
	}

	private void checkScope(SignedRequest signed, String region) {
		if (!this.service.equals(signed.service())) {
			throw invalid("Credential should be scoped to correct service: '" + this.service + "'. ");
		}
		if (!region.equals(signed.region())) {
			throw invalid("Credential should be scoped to a valid region. ");
		}
		if (signed.amzDate().length() < 8 || !signed.amzDate().startsWith(signed.scopeDate())) {
			throw invalid("Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '"
					+ signed.scopeDate() + "' != '" + signed.amzDate().substring(0, Math.min(8, signed.amzDate().length()))
					+ "', from '" + signed.amzDate() + "'.");
		}
	}

	private void checkTime(SignedRequest signed) {
		Instant date;
		try {
			date = Instant.from(AMZ_DATE.parse(signed.amzDate()));
		}
		catch (DateTimeParseException ex) {
			throw invalid("Date must be in ISO-8601 'basic format'. Got '" + signed.amzDate()
					+ "'. See http://en.wikipedia.org/wiki/ISO_8601");
		}
		Instant now = this.clock.instant();
		String current = AMZ_DATE.format(now);
		if (signed.presigned()) {
			if (now.isAfter(date.plusSeconds(signed.expires()))) {
				throw invalid("Signature expired: " + signed.amzDate() + " is now earlier than "
						+ AMZ_DATE.format(now.minusSeconds(signed.expires())) + " (" + current + " - "
						+ signed.expires() + " sec.)");
			}
		}
		else if (date.isBefore(now.minus(IamAuthorizer.MAX_SKEW))) {
			throw invalid("Signature expired: " + signed.amzDate() + " is now earlier than "
					+ AMZ_DATE.format(now.minus(IamAuthorizer.MAX_SKEW)) + " (" + current + " - 5 min.)");
		}
		if (date.isAfter(now.plus(IamAuthorizer.MAX_SKEW))) {
			throw invalid("Signature not yet current: " + signed.amzDate() + " is still later than "
					+ AMZ_DATE.format(now.plus(IamAuthorizer.MAX_SKEW)) + " (" + current + " + 5 min.)");
		}
	}

	private void checkToken(SignedRequest signed, IamCredentials found) {
		if (found.sessionToken() == null) {
			return;
		}
		if (signed.securityToken() == null || !MessageDigest.isEqual(
				found.sessionToken().getBytes(StandardCharsets.UTF_8),
				signed.securityToken().getBytes(StandardCharsets.UTF_8))) {
			throw SigV4Exception.unrecognized(INVALID_TOKEN);
		}
		if (found.expiration() != null && this.clock.instant().isAfter(found.expiration())) {
			throw SigV4Exception.expired();
		}
	}

	private static SigV4Exception invalid(String message) {
		return SigV4Exception.invalid(message);
	}

}
