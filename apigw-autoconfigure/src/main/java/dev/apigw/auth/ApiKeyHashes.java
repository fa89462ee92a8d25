package dev.apigw.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Hashes API key values and compares hashes in constant time.
 */
public final class ApiKeyHashes {

	private static final HexFormat HEX = HexFormat.of();

	private ApiKeyHashes() {
	}

	/**
	 * The SHA-256 of a key value.
	 * @param value the value
	 * @return 64 lower-case hex digits
	 */
	public static String sha256(String value) {
		try {
			return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

	/**
	 * Compares two hashes in time independent of where they differ.
	 * @param expected a hash
	 * @param actual another hash
	 * @return whether they are equal (case-insensitively)
	 */
	public static boolean matches(String expected, String actual) {
		return MessageDigest.isEqual(expected.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII),
				actual.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
	}

}
