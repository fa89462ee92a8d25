package dev.apigw.test;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemObjectGenerator;

/**
 * Certificates made for one test run with BouncyCastle: a CA and certificates it signs,
 * written as PEM files (certificate and PKCS#8 key) into a temporary directory.
 */
public final class TestCertificates {

	private final Path directory;

	private final KeyPair caKeys;

	private final X509Certificate ca;

	private long serial = 0x1F2E3D4C5BL;

	/**
	 * Creates a CA.
	 */
	public TestCertificates() {
		try {
			this.directory = Files.createTempDirectory("apigw-certificates");
			this.caKeys = keys();
			X500Name name = new X500Name("O=apigw tests,CN=apigw test CA");
			X509v3CertificateBuilder builder = builder(name, name, this.caKeys);
			builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
			builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
			this.ca = sign(builder, this.caKeys);
			write("ca.crt", this.ca);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The CA certificate file.
	 * @return the PEM file
	 */
	public Path caCertificate() {
		return this.directory.resolve("ca.crt");
	}

	/**
	 * Issues a certificate valid for 127.0.0.1 (server and client use), written as
	 * {@code name.crt} and {@code name.key}.
	 * @param name the file name and common name
	 * @return the certificate
	 */
	public X509Certificate issue(String name) {
		try {
			KeyPair keys = keys();
			X509v3CertificateBuilder builder = builder(new X500Name("O=apigw tests,CN=apigw test CA"),
					new X500Name("O=apigw tests,CN=" + name), keys);
			builder.addExtension(Extension.subjectAlternativeName, false,
					new GeneralNames(new GeneralName(GeneralName.iPAddress, "127.0.0.1")));
			X509Certificate certificate = sign(builder, this.caKeys);
			write(name + ".crt", certificate);
			JcaPKCS8Generator key = new JcaPKCS8Generator(keys.getPrivate(), null);
			write(name + ".key", key);
			return certificate;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A file written by {@link #issue}.
	 * @param file e.g. {@code backend.crt}
	 * @return the path
	 */
	public Path file(String file) {
		return this.directory.resolve(file);
	}

	private X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, KeyPair keys) {
		Instant now = Instant.now();
		return new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(this.serial++),
				Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(2))), subject,
				keys.getPublic());
	}

	private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair signer) {
		try {
			return new JcaX509CertificateConverter()
				.getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(signer.getPrivate())));
		}
		catch (GeneralSecurityException | OperatorCreationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static KeyPair keys() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void write(String file, Object pem) throws IOException {
		StringWriter text = new StringWriter();
		try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
			if (pem instanceof PemObjectGenerator generator) {
				writer.writeObject(generator);
			}
			else {
				writer.writeObject(pem);
			}
		}
		Files.writeString(this.directory.resolve(file), text.toString());
	}

}
