package dev.apigw.routing;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Request ids as AWS shapes them: a UUID for {@code x-amzn-RequestId} and a 16-character
 * base64-style id for {@code x-amz-apigw-id}. Uses a thread-local generator: these ids
 * identify requests, they are not secrets.
 */
final class RequestIds {

	private static final char[] HEX = "0123456789abcdef".toCharArray();

	private static final char[] BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".toCharArray();

	private RequestIds() {
	}

	static String requestId() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		long high = (random.nextLong() & 0xffffffffffff0fffL) | 0x0000000000004000L;
		long low = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
		char[] out = new char[36];
		int position = 0;
		for (int i = 0; i < 32; i++) {
			if (i == 8 || i == 12 || i == 16 || i == 20) {
				out[position++] = '-';
			}
			long word = (i < 16) ? high : low;
			int shift = (15 - (i % 16)) * 4;
			out[position++] = HEX[(int) ((word >>> shift) & 0xf)];
		}
		return new String(out);
	}

	static String traceId(long epochMillis) {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		// Root=1-{8 hex digits of epoch seconds}-{24 random hex digits}
		char[] out = new char[40];
		"Root=1-".getChars(0, 7, out, 0);
		hex(epochMillis / 1000, 8, out, 7);
		out[15] = '-';
		hex(random.nextLong(), 12, out, 16);
		hex(random.nextLong(), 12, out, 28);
		return new String(out);
	}

	private static void hex(long value, int digits, char[] out, int offset) {
		for (int i = digits - 1; i >= 0; i--) {
			out[offset + i] = HEX[(int) (value & 0xf)];
			value >>>= 4;
		}
	}

	static String extendedRequestId() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		char[] out = new char[16];
		long bits = random.nextLong();
		for (int i = 0; i < 15; i++) {
			if (i == 10) {
				bits = random.nextLong();
			}
			out[i] = BASE64[(int) (bits & 63)];
			bits >>>= 6;
		}
		out[15] = '=';
		return new String(out);
	}

}
