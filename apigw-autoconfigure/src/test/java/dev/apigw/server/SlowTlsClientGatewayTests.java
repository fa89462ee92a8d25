package dev.apigw.server;

import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

import dev.apigw.test.GatewayTestApplication;
import dev.apigw.test.TestCertificates;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The header deadline over TLS: it runs from the accept, so it covers the handshake too.
 * A stalled handshake ends well before Netty's own ten-second handshake timeout (the two
 * seconds here leave a cold JVM time for its first handshake).
 */
@SpringBootTest(classes = GatewayTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "apigw.server.header-timeout=2s", "server.ssl.bundle=gateway" })
@ActiveProfiles("server")
class SlowTlsClientGatewayTests {

	private static final TestCertificates certificates = new TestCertificates();

	static {
		certificates.issue("gateway-server");
	}

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void tls(DynamicPropertyRegistry registry) {
		registry.add("spring.ssl.bundle.pem.gateway.keystore.certificate",
				() -> certificates.file("gateway-server.crt").toUri().toString());
		registry.add("spring.ssl.bundle.pem.gateway.keystore.private-key",
				() -> certificates.file("gateway-server.key").toUri().toString());
	}

	@Test
	void stalledHandshakeIsClosed() throws Exception {
		try (RawConnection connection = RawConnection.wrap(new Socket("127.0.0.1", this.port))) {
			// the header of a TLS handshake record announcing 512 bytes that never come
			connection.send("\u0016\u0003\u0001\u0002\u0000");
			assertThat(connection.readUntilClosed()).doesNotContain("HTTP/1.1");
		}
	}

	@Test
	void slowHeadersAfterTheHandshakeAreAnswered408() throws Exception {
		try (RawConnection connection = RawConnection.wrap(tlsSocket())) {
			connection.send("GET /shop/test/hello HTTP/1.1\r\nHost: localhost\r\n");
			assertThat(connection.readUntilClosed()).isEqualTo(SlowClientGatewayTests.TIMEOUT_ANSWER);
		}
	}

	@Test
	void requestOverTlsIsServed() throws Exception {
		try (RawConnection connection = RawConnection.wrap(tlsSocket())) {
			connection.send("GET /shop/test/hello HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
			assertThat(connection.readUntilClosed()).startsWith("HTTP/1.1 200 OK\r\n").endsWith("{\"hello\": \"world\"}");
		}
	}

	private SSLSocket tlsSocket() throws Exception {
		KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
		trusted.load(null, null);
		try (InputStream ca = Files.newInputStream(certificates.caCertificate())) {
			Certificate certificate = CertificateFactory.getInstance("X.509").generateCertificate(ca);
			trusted.setCertificateEntry("ca", certificate);
		}
		TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		trust.init(trusted);
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(null, trust.getTrustManagers(), null);
		SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", this.port);
		socket.setSoTimeout(5_000);
		socket.startHandshake();
		return socket;
	}

}
