package dev.apigw.auth;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import dev.apigw.test.MutableClock;
import dev.apigw.test.TestBackend;
import io.netty.handler.codec.http.HttpMethod;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * IAM authorization with requests signed by the AWS SDK for Java v2's own Signature
 * Version 4 signer: valid header and presigned signatures, a tampered body, a wrong
 * secret, timestamps outside the 5 minutes, session tokens and identity policies, with
 * AWS's answers.
 */
class SigV4Tests extends SecurityGatewayTest {

	private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	private static final AwsCredentialsIdentity ALICE = AwsCredentialsIdentity.create("AKIDALICE", "alice-secret");

	@LocalServerPort
	private int port;

	@Autowired
	private MutableClock clock;

	@Test
	void validSignatureIdentifiesTheCaller() {
		Response response = send(sign(request(SdkHttpMethod.GET, "/iam/dev/pets?b=2&a=1&a=0"), null, ALICE, now()), null);
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("{\"userArn\":\"arn:aws:iam::123456789012:user/alice\",\"caller\":\"AKIDALICE\","
				+ "\"user\":\"AKIDALICE\",\"accessKey\":\"AKIDALICE\",\"accountId\":\"123456789012\"}");
	}

	@Test
	void signedBodyReachesTheBackendUnchanged() {
		String body = "{\"name\": \"Rex\", \"note\": \"é\"}";
		Response response = send(sign(request(SdkHttpMethod.POST, "/iam/dev/pets"), body, ALICE, now()), body);
		assertThat(response.status()).isEqualTo(200);
		assertThat(TestBackend.echo(response.body())).containsEntry("body", body).containsEntry("uri", "/backend/pets");
	}

	@Test
	void tamperedBodyDoesNotMatchTheSignature() {
		SdkHttpRequest signed = sign(request(SdkHttpMethod.POST, "/iam/dev/pets"), "{\"amount\": 1}", ALICE, now());
		Response response = send(signed, "{\"amount\": 1000}");
		assertThat(response.status()).isEqualTo(403);
		assertThat(response.errorType()).isEqualTo("InvalidSignatureException");
		String amzDate = signed.firstMatchingHeader("X-Amz-Date").orElseThrow();
		String bodyHash = sha256("{\"amount\": 1000}");
		assertThat(response.body()).startsWith("{\"message\":\"The request signature we calculated does not match the "
				+ "signature you provided. Check your AWS Secret Access Key and signing method. Consult the service "
				+ "documentation for details.\\n\\nThe Canonical String for this request should have been\\n'POST\\n"
				+ "/iam/dev/pets\\n\\n")
			.contains("x-amz-date:" + amzDate + "\\n")
			.contains(bodyHash + "'\\n\\nThe String-to-Sign should have been\\n'AWS4-HMAC-SHA256\\n" + amzDate + "\\n"
					+ amzDate.substring(0, 8) + "/us-east-1/execute-api/aws4_request\\n")
			.endsWith("'\\n\"}");
	}

	@Test
	void wrongSecretDoesNotMatchTheSignature() {
		Response response = send(sign(request(SdkHttpMethod.GET, "/iam/dev/pets"), null,
				AwsCredentialsIdentity.create("AKIDALICE", "not-alice-secret"), now()), null);
		assertThat(response.status()).isEqualTo(403);
		assertThat(response.errorType()).isEqualTo("InvalidSignatureException");
		assertThat(response.body()).startsWith("{\"message\":\"The request signature we calculated does not match");
	}

	@Test
	void signatureOlderThanFiveMinutesHasExpired() {
		Instant now = now();
		Instant signedAt = now.minus(Duration.ofMinutes(5)).minusSeconds(1);
		Response response = send(sign(request(SdkHttpMethod.GET, "/iam/dev/pets"), null, ALICE, signedAt), null);
		assertThat(response.status()).isEqualTo(403);
		assertThat(response.errorType()).isEqualTo("InvalidSignatureException");
		assertThat(response.body()).isEqualTo("{\"message\":\"Signature expired: " + AMZ_DATE.format(signedAt)
				+ " is now earlier than " + AMZ_DATE.format(now.minus(Duration.ofMinutes(5))) + " ("
				+ AMZ_DATE.format(now) + " - 5 min.)\"}");
		Response skewed = send(sign(request(SdkHttpMethod.GET, "/iam/dev/pets"), null, ALICE,
				now.minus(Duration.ofMinutes(4))), null);
		assertThat(skewed.status()).isEqualTo(200);
	}

	@Test
	void signatureFromMoreThanFiveMinutesAheadIsNotYetCurrent() {
		Instant now = now();
		Instant signedAt = now.plus(Duration.ofMinutes(6));
		Response response = send(sign(request(SdkHttpMethod.GET, "/iam/dev/pets"), null, ALICE, signedAt), null);
		assertThat(response.status()).isEqualTo(403);
		assertThat(response.body()).isEqualTo("{\"message\":\"Signature not yet current: " + AMZ_DATE.format(signedAt)
				+ " is still later than " + AMZ_DATE.format(now.plus(Duration.ofMinutes(5))) + " ("
				+ AMZ_DATE.format(now) + " + 5 min.)\"}");
	}

	@Test
	void presignedUrlWorksUntilItExpires() {
		SdkHttpRequest presigned = AwsV4HttpSigner.create()
			.sign((r) -> r.identity(ALICE)
				.request(request(SdkHttpMethod.GET, "/iam/dev/pets?page=2"))
				.putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "execute-api")
				.putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
				.putProperty(AwsV4HttpSigner.AUTH_LOCATION, AwsV4HttpSigner.AuthLocation.QUERY_STRING)
				.putProperty(AwsV4HttpSigner.EXPIRATION_DURATION, Duration.ofSeconds(60))
				.putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(now(), ZoneOffset.UTC)))
			.request();
		assertThat(presigned.firstMatchingHeader("Authorization")).isEmpty();
		assertThat(presigned.getUri().getRawQuery()).contains("X-Amz-Signature=");
		Response response = send(presigned, null);
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body()).contains("\"userArn\":\"arn:aws:iam::123456789012:user/alice\"");
		this.clock.advance(Duration.ofSeconds(61));
		Response expired = send(presigned, null);
		assertThat(expired.status()).isEqualTo(403);
		assertThat(expired.body()).startsWith("{\"message\":\"Signature expired: ");
	}

	@Test
	void unsignedRequestIsMissingItsAuthenticationToken() {
		Response response = send(request(SdkHttpMethod.GET, "/iam/dev/pets"), null);
		assertThat(response.status()).isEqualTo(403);
		assertThat(response.errorType()).isEqualTo("MissingAuthenticationTokenException");
		assertThat(response.body()).isEqualTo("{\"message\":\"Missing Authentication Token\"}");
	}

	@Test
	void unknownAccessKeyIsAnInvalidSecurityToken() {
		Response response = send(sign(request(SdkHttpMethod.GET, "/iam/dev/pets"), null,
				AwsCredentialsIdentity.create("AKIDNOBODY", "secret"), now()), null);
		assertThat(response.status()).isEqualTo(403);
		assertThat(response.body()).isEqualTo("{\"message\":\"The security token included in the request is invalid.\"}");
	}

	@Test
	void principalWithoutAnAllowingPolicyIsDenied() {
		String arn = "arn:aws:execute-api:us-east-1:123456789012:iam/dev/GET/pets";
		Response response = send(sign(request(SdkHttpMethod.GET, "/iam/dev/pets"), null,
				AwsCredentialsIdentity.create("AKIDBOB", "bob-secret"), now()), null);
		assertThat(response.status()).isEqualTo(403);
		assertThat(response.errorType()).isEqualTo("AccessDeniedException");
		assertThat(response.body()).isEqualTo("{\"Message\":\"User: arn:aws:iam::123456789012:user/bob is not authorized "
				+ "to perform: execute-api:Invoke on resource: " + arn + "\"}");
		Response denied = send(sign(request(SdkHttpMethod.DELETE, "/iam/dev/admin"), null, ALICE, now()), null);
		assertThat(denied.status()).isEqualTo(403);
		assertThat(denied.body()).endsWith("iam/dev/DELETE/admin with an explicit deny\"}");
	}

	@Test
	void temporaryCredentialsNeedTheirSessionTokenUntilTheyExpire() {
		AwsSessionCredentialsIdentity temporary = AwsSessionCredentialsIdentity.create("ASIATEMP", "temp-secret",
				"session-token");
		Response response = send(sign(request(SdkHttpMethod.GET, "/iam/dev/pets"), null, temporary, now()), null);
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body()).contains("\"caller\":\"AROATEMP:session\"", "\"accountId\":\"210987654321\"");
		Response wrongToken = send(sign(request(SdkHttpMethod.GET, "/iam/dev/pets"), null,
				AwsSessionCredentialsIdentity.create("ASIATEMP", "temp-secret", "stolen"), now()), null);
		assertThat(wrongToken.body()).isEqualTo("{\"message\":\"The security token included in the request is invalid.\"}");
		this.clock.advance(Duration.ofDays(31));
		Response expired = send(sign(request(SdkHttpMethod.GET, "/iam/dev/pets"), null, temporary, now()), null);
		assertThat(expired.status()).isEqualTo(403);
		assertThat(expired.errorType()).isEqualTo("ExpiredTokenException");
		assertThat(expired.body()).isEqualTo("{\"message\":\"The security token included in the request is expired\"}");
	}

	private Instant now() {
		return this.clock.instant();
	}

	private SdkHttpRequest request(SdkHttpMethod method, String path) {
		SdkHttpRequest.Builder builder = SdkHttpRequest.builder()
			.method(method)
			.uri(URI.create("http://127.0.0.1:" + this.port + path));
		if (method == SdkHttpMethod.POST) {
			builder.putHeader("Content-Type", "application/json");
		}
		return builder.build();
	}

	private static SdkHttpRequest sign(SdkHttpRequest request, String body, AwsCredentialsIdentity identity,
			Instant at) {
		return AwsV4HttpSigner.create().sign((r) -> {
			r.identity(identity)
				.request(request)
				.putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "execute-api")
				.putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
				.putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(at, ZoneOffset.UTC));
			if (body != null) {
				r.payload(ContentStreamProvider.fromUtf8String(body));
			}
		}).request();
	}

	private static Response send(SdkHttpRequest request, String body) {
		return HttpClient.create()
			.headers((headers) -> request.forEachHeader((name, values) -> {
				if (!name.equalsIgnoreCase("Host")) {
					headers.set(name, values);
				}
			}))
			.request(HttpMethod.valueOf(request.method().name()))
			.uri(request.getUri().toString())
			.send((r, out) -> (body != null) ? out.send(ByteBufFlux.fromString(Mono.just(body), StandardCharsets.UTF_8,
					io.netty.buffer.ByteBufAllocator.DEFAULT)) : out)
			.responseSingle((response, content) -> content.asString(StandardCharsets.UTF_8)
				.defaultIfEmpty("")
				.map((text) -> new Response(response.status().code(), response.responseHeaders().get("x-amzn-ErrorType"),
						text)))
			.block(Duration.ofSeconds(10));
	}

	private static String sha256(String text) {
		try {
			return java.util.HexFormat.of()
				.formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	record Response(int status, String errorType, String body) {

	}


}
