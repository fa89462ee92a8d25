package dev.apigw.management;

import java.security.SecureRandom;
import java.util.function.Predicate;

/**
 * Random identifiers shaped like AWS's: lower-case letters and digits ({@code a1b2c3d4e5}
 * for REST APIs and API keys, {@code a1b2c3} for usage plans).
 */
final class Ids {

	private static final char[] LOWER_CASE = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

	private static final char[] MIXED_CASE = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
		.toCharArray();

	private static final SecureRandom RANDOM = new SecureRandom();

	private Ids() {
	}

	/**
	 * A new identifier.
	 * @param length how many characters
	 * @param taken whether an identifier is in use already
	 * @return an identifier not in use
	 */
	static String newId(int length, Predicate<String> taken) {
		while (true) {
			String candidate = random(LOWER_CASE, length);
			if (!taken.test(candidate)) {
				return candidate;
			}
		}
	}

	/**
	 * A generated API key value: 40 letters and digits, as AWS generates them.
	 * @return the value
	 */
	static String apiKeyValue() {
		return random(MIXED_CASE, 40);
	}

	private static String random(char[] alphabet, int length) {
		char[] chars = new char[length];
		for (int i = 0; i < chars.length; i++) {
			chars[i] = alphabet[RANDOM.nextInt(alphabet.length)];
		}
		return new String(chars);
	}

}
