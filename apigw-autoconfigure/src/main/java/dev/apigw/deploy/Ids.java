package dev.apigw.deploy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Identifiers shaped like AWS's: short lower-case alphanumerics. Resource ids derive from
 * the API and path so they are the same on every instance and after every restart.
 */
final class Ids {

	private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

	private Ids() {
	}

	static String stable(String seed, int length) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
			char[] out = new char[length];
			for (int i = 0; i < length; i++) {
				out[i] = ALPHABET[(digest[i] & 0xff) % ALPHABET.length];
			}
			return new String(out);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String random(int length) {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		char[] out = new char[length];
		for (int i = 0; i < length; i++) {
			out[i] = ALPHABET[random.nextInt(ALPHABET.length)];
		}
		return new String(out);
	}

}
