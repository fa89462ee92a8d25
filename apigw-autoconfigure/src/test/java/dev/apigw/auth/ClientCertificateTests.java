package dev.apigw.auth;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLPeerUnverifiedException;

import dev.apigw.test.GatewayTestApplication;
import dev.apigw.test.TestBackend;
import dev.apigw.test.TestCertificates;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslHandler;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.Http11SslContextSpec;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * TLS with certificates the test makes: the gateway serves HTTPS from an SSL bundle and
 * asks for client certificates (mutual TLS, {@code $context.identity.clientCert}); a stage
 * presents its client certificate to a backend that requires one, and a stage without one
 * is refused by that backend.
 */
@SpringBootTest(classes = GatewayTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("tls")
class ClientCertificateTests {

	private static final TestCertificates certificates = new TestCertificates();

	private static final X509Certificate alice = certificates.issue("alice");

	private static final AtomicInteger served = new AtomicInteger();

	private static final DisposableServer backend = backend();

	@LocalServerPort
	private int port;

	static {
		certificates.issue("gateway-server");
		certificates.issue("gateway-client");
	}

	@DynamicPropertySource
	static void tls(DynamicPropertyRegistry registry) {
		registry.add("spring.ssl.bundle.pem.gateway.keystore.certificate", () -> location("gateway-server.crt"));
		registry.add("spring.ssl.bundle.pem.gateway.keystore.private-key", () -> location("gateway-server.key"));
		registry.add("spring.ssl.bundle.pem.gateway.truststore.certificate", () -> location("ca.crt"));
		registry.add("spring.ssl.bundle.pem.gateway-client.keystore.certificate", () -> location("gateway-client.crt"));
		registry.add("spring.ssl.bundle.pem.gateway-client.keystore.private-key", () -> location("gateway-client.key"));
		registry.add("spring.ssl.bundle.pem.gateway-client.truststore.certificate", () -> location("ca.crt"));
		// the gateway's own client trusts the backend, so only the missing client certificate can fail
		registry.add("spring.cloud.gateway.server.webflux.httpclient.ssl.trusted-x509-certificates",
				() -> certificates.caCertificate().toString());
		registry.add("apigw.apis.tls.stages.dev.variables.backend", () -> "127.0.0.1:" + backend.port());
		registry.add("apigw.apis.tls.stages.nocert.variables.backend", () -> "127.0.0.1:" + backend.port());
	}

	@AfterAll
	static void stop() {
		backend.disposeNow();
	}

	@Test
	void verifiedClientCertificateIsInTheIdentity() {
		Response response = call("/tls/dev/whoami", true);
		assertThat(response.status()).isEqualTo(200);
		String serial = HexFormat.ofDelimiter(":").formatHex(alice.getSerialNumber().toByteArray());
		String notBefore = DateTimeFormatter.ofPattern("MMM ppd HH:mm:ss yyyy 'GMT'", Locale.US)
			.withZone(ZoneOffset.UTC)
			.format(alice.getNotBefore().toInstant());
		assertThat(response.body()).startsWith("{\"subjectDN\":\"CN=alice,O=apigw tests\",\"issuerDN\":\"CN=apigw test CA,"
				+ "O=apigw tests\",\"serialNumber\":\"" + serial + "\",\"notBefore\":\"" + notBefore + "\","
				+ "\"pem\":\"-----BEGIN CERTIFICATE-----\\nMII");
		assertThat(response.body()).endsWith("\\n-----END CERTIFICATE-----\"}");
	}

	@Test
	void callerWithoutCertificateHasNone() {
		Response response = call("/tls/dev/whoami", false);
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body()).startsWith("{\"subjectDN\":\"\",\"issuerDN\":\"\"");
	}

	@Test
	void stagePresentsItsClientCertificateToTheBackend() {
		Response response = call("/tls/dev/backend", false);
		assertThat(response.status()).isEqualTo(200);
		assertThat(TestBackend.echo(response.body())).containsEntry("client", "CN=gateway-client,O=apigw tests");
	}

	@Test
	void backendRefusesAStageWithoutClientCertificate() {
		int before = served.get();
		Response response = call("/tls/nocert/backend", false);
		assertThat(response.status()).isGreaterThanOrEqualTo(500);
		assertThat(response.body()).doesNotContain("client");
		assertThat(served.get()).isEqualTo(before);
	}

	private Response call(String path, boolean withCertificate) {
		Http11SslContextSpec spec = Http11SslContextSpec.forClient().configure((builder) -> {
			builder.trustManager(certificates.caCertificate().toFile());
			if (withCertificate) {
				builder.keyManager(certificates.file("alice.crt").toFile(), certificates.file("alice.key").toFile());
			}
		});
		return HttpClient.create()
			.secure((ssl) -> ssl.sslContext(spec))
			.get()
			.uri("https://127.0.0.1:" + this.port + path)
			.responseSingle((response, body) -> body.asString()
				.defaultIfEmpty("")
				.map((text) -> new Response(response.status().code(), text)))
			.block(Duration.ofSeconds(20));
	}

	/** An HTTPS backend requiring a client certificate the test CA issued; echoes its subject. */
	private static DisposableServer backend() {
		certificates.issue("backend");
		Http11SslContextSpec spec = Http11SslContextSpec
			.forServer(certificates.file("backend.crt").toFile(), certificates.file("backend.key").toFile())
			.configure((builder) -> builder.trustManager(certificates.caCertificate().toFile())
				.clientAuth(ClientAuth.REQUIRE));
		return HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.secure((ssl) -> ssl.sslContext(spec))
			.handle((request, response) -> {
				served.incrementAndGet();
				String[] client = new String[1];
				request.withConnection((connection) -> {
					SslHandler ssl = connection.channel().pipeline().get(SslHandler.class);
					try {
						client[0] = ((X509Certificate) ssl.engine().getSession().getPeerCertificates()[0])
							.getSubjectX500Principal()
							.getName();
					}
					catch (SSLPeerUnverifiedException ex) {
						client[0] = "none";
					}
				});
				return response.header("Content-Type", "application/json")
					.sendString(Mono.just("{\"client\":\"" + client[0] + "\"}"))
					.then();
			})
			.bindNow();
	}

	private static String location(String file) {
		return certificates.file(file).toUri().toString();
	}

	record Response(int status, String body) {

	}

}
