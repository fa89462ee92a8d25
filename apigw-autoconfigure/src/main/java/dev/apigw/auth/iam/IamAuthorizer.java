package dev.apigw.auth.iam;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import dev.apigw.auth.authorizer.MethodAuthorizer;
import dev.apigw.auth.policy.Decision;
import dev.apigw.auth.policy.ExecuteApiArns;
import dev.apigw.auth.policy.InvalidPolicyException;
import dev.apigw.auth.policy.PolicyDocument;
import dev.apigw.auth.resource.ClientAddresses;
import dev.apigw.auth.resource.ResourcePolicyFilter;
import dev.apigw.model.AuthorizationType;
import dev.apigw.model.GatewayResponseType;
import dev.apigw.response.GatewayResponseException;
import dev.apigw.routing.ApiInvocation;
import dev.apigw.routing.MethodRuntime;
import dev.apigw.routing.StageRuntime;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;

/**
 * IAM authorization ({@code AWS_IAM} methods): verifies the request's Signature Version 4
 * (Authorization header or presigned URL; within 5 minutes of the gateway's clock; the
 * payload hashed from the body as received) with the secret an
 * {@link IamCredentialsRepository} finds for the access key, then checks that the
 * principal's identity policies (or the API's resource policy) allow
 * {@code execute-api:Invoke} on the method. Answers with AWS's bodies: 403 Missing
 * Authentication Token, the signature mismatch with the canonical request, "Signature
 * expired", the invalid or expired security token, and {@code User: <arn> is not
 * authorized ...}.
 */
public final class IamAuthorizer implements MethodAuthorizer {

	/** The clock skew AWS allows. */
	public static final Duration MAX_SKEW = Duration.ofMinutes(5);

	private static final Log logger = LogFactory.getLog(IamAuthorizer.class);

	private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT)
		.withZone(ZoneOffset.UTC);

	private static final String EMPTY_HASH = CanonicalRequest.sha256(new byte[0]);

	private static final String INVALID_TOKEN = "The security token included in the request is invalid.";

	private final @Nullable IamCredentialsRepository credentials;

	private final Clock clock;

	/**
	 * Creates the authorizer.
	 * @param credentials finds credentials, {@code null} when the application declares none
	 * (every AWS_IAM method is then reported at start-up)
	 * @param clock the gateway's clock
	 */
	public IamAuthorizer(@Nullable IamCredentialsRepository credentials, Clock clock) {
		this.credentials = credentials;
		this.clock = clock;
	}

	@Override
	public AuthorizationType type() {
		return AuthorizationType.AWS_IAM;
	}

	@Override
	public void check(StageRuntime stage, MethodRuntime method, Consumer<Problem> problems) {
		if (this.credentials == null) {
			problems.accept(new Problem("authorization-type",
					"AWS_IAM needs an IamCredentialsRepository bean that finds the secret of an access key"));
		}
	}

	@Override
	public Mono<Authorized> authorize(ServerWebExchange exchange, ApiInvocation invocation, MethodRuntime method) {
		return Mono.defer(() -> verify(exchange, invocation));
	}

	private Mono<Authorized> verify(ServerWebExchange exchange, ApiInvocation invocation) {
		ServerHttpRequest request = exchange.getRequest();
		SignedRequest signed = SignedRequest.of(request);
		if (signed == null || this.credentials == null) {
			return Mono.error(new GatewayResponseException(GatewayResponseType.MISSING_AUTHENTICATION_TOKEN));
		}
		checkScope(signed, invocation);
		checkTime(signed);
		return this.credentials.findByAccessKeyId(signed.accessKeyId())
			.switchIfEmpty(Mono.error(() -> invalid(INVALID_TOKEN)))
			.flatMap((credentials) -> {
				checkToken(signed, credentials);
				return body(exchange).map((body) -> {
					verify(request, signed, credentials, body);
					authorizeInvoke(exchange, invocation, credentials);
					return new Authorized((body.length == 0) ? exchange
							: exchange.mutate().request(replay(request, body, exchange)).build());
				});
			});
	}

	private static void checkScope(SignedRequest signed, ApiInvocation invocation) {
		if (!"execute-api".equals(signed.service())) {
			throw invalid("Credential should be scoped to correct service: 'execute-api'. ");
		}
		if (!invocation.stage().environment().region().equals(signed.region())) {
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
			Instant expiry = date.plusSeconds(signed.expires());
			if (now.isAfter(expiry)) {
				throw invalid("Signature expired: " + signed.amzDate() + " is now earlier than "
						+ AMZ_DATE.format(now.minusSeconds(signed.expires())) + " (" + current + " - "
						+ signed.expires() + " sec.)");
			}
		}
		else if (date.isBefore(now.minus(MAX_SKEW))) {
			throw invalid("Signature expired: " + signed.amzDate() + " is now earlier than "
					+ AMZ_DATE.format(now.minus(MAX_SKEW)) + " (" + current + " - 5 min.)");
		}
		if (date.isAfter(now.plus(MAX_SKEW))) {
			throw invalid("Signature not yet current: " + signed.amzDate() + " is still later than "
					+ AMZ_DATE.format(now.plus(MAX_SKEW)) + " (" + current + " + 5 min.)");
		}
	}

	private void checkToken(SignedRequest signed, IamCredentials credentials) {
		if (credentials.sessionToken() == null) {
			return;
		}
		if (signed.securityToken() == null || !MessageDigest.isEqual(
				credentials.sessionToken().getBytes(StandardCharsets.UTF_8),
				signed.securityToken().getBytes(StandardCharsets.UTF_8))) {
			throw invalid(INVALID_TOKEN);
		}
		if (credentials.expiration() != null && this.clock.instant().isAfter(credentials.expiration())) {
			throw new GatewayResponseException(GatewayResponseType.EXPIRED_TOKEN);
		}
	}

	private static void verify(ServerHttpRequest request, SignedRequest signed, IamCredentials credentials,
			byte[] body) {
		String payloadHash = (body.length == 0) ? EMPTY_HASH : CanonicalRequest.sha256(body);
		String canonical = CanonicalRequest.of(request, signed, payloadHash);
		String stringToSign = CanonicalRequest.stringToSign(signed, canonical);
		String expected = CanonicalRequest.signature(credentials.secretAccessKey(), signed, stringToSign);
		if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
				signed.signature().getBytes(StandardCharsets.US_ASCII))) {
			throw invalid("The request signature we calculated does not match the signature you provided. Check your "
					+ "AWS Secret Access Key and signing method. Consult the service documentation for details.\n\n"
					+ "The Canonical String for this request should have been\n'" + canonical + "'\n\n"
					+ "The String-to-Sign should have been\n'" + stringToSign + "'\n");
		}
	}

	private static void authorizeInvoke(ServerWebExchange exchange, ApiInvocation invocation,
			IamCredentials credentials) {
		Map<String, Object> identity = invocation.identity();
		identity.put("accessKey", credentials.accessKeyId());
		identity.put("accountId", credentials.accountId());
		identity.put("caller", credentials.principalId());
		identity.put("user", credentials.principalId());
		identity.put("userArn", credentials.userArn());
		String methodArn = ExecuteApiArns.method(invocation);
		String sourceIp = ClientAddresses.sourceIp(invocation);
		Decision decision = Decision.IMPLICIT_DENY;
		for (String policy : credentials.policies()) {
			try {
				decision = decision.and(PolicyDocument.parse(policy).evaluateInvoke(methodArn, sourceIp));
			}
			catch (InvalidPolicyException ex) {
				logger.warn(exchange.getLogPrefix() + "Ignoring an invalid identity policy of " + credentials.userArn()
						+ ": " + ex.getMessage());
			}
		}
		Decision resource = exchange.getAttribute(ResourcePolicyFilter.DECISION_ATTRIBUTE);
		if (resource != null) {
			decision = decision.and(resource);
		}
		if (decision != Decision.ALLOW) {
			throw ResourcePolicyFilter.denied(credentials.userArn(), methodArn, decision);
		}
	}

	private static Mono<byte[]> body(ServerWebExchange exchange) {
		HttpHeaders headers = exchange.getRequest().getHeaders();
		if (headers.getContentLength() <= 0 && !headers.containsHeader(HttpHeaders.TRANSFER_ENCODING)) {
			return Mono.just(new byte[0]);
		}
		return DataBufferUtils.join(exchange.getRequest().getBody()).map((buffer) -> {
			byte[] bytes = new byte[buffer.readableByteCount()];
			buffer.read(bytes);
			DataBufferUtils.release(buffer);
			return bytes;
		}).defaultIfEmpty(new byte[0]);
	}

	private static ServerHttpRequest replay(ServerHttpRequest request, byte[] body, ServerWebExchange exchange) {
		return new ServerHttpRequestDecorator(request) {

			@Override
			public Flux<DataBuffer> getBody() {
				return Flux.defer(() -> Flux.just(exchange.getResponse().bufferFactory().wrap(body)));
			}

		};
	}

	private static GatewayResponseException invalid(String message) {
		return new GatewayResponseException(GatewayResponseType.INVALID_SIGNATURE, message);
	}

}
