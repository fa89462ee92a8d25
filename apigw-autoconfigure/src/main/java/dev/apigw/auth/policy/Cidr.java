package dev.apigw.auth.policy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * An IPv4 or IPv6 address block ({@code 192.0.2.0/24}, {@code 2001:db8::/32}, or a single
 * address). Only literal addresses are accepted: nothing is ever resolved by name.
 */
public final class Cidr {

	private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

	private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

	private final String text;

	private final byte[] network;

	private final int prefix;

	private Cidr(String text, byte[] network, int prefix) {
		this.text = text;
		this.network = network;
		this.prefix = prefix;
	}

	/**
	 * Parses a block.
	 * @param text {@code address/prefix} or a single address
	 * @return the block
	 * @throws IllegalArgumentException when the text is not a literal address block
	 */
	public static Cidr parse(String text) {
		String trimmed = text.trim();
		int slash = trimmed.indexOf('/');
		String address = (slash >= 0) ? trimmed.substring(0, slash) : trimmed;
		byte[] bytes = literal(address);
		if (bytes == null) {
			throw new IllegalArgumentException("'" + text + "' is not an IP address or CIDR block");
		}
		int prefix = bytes.length * 8;
		if (slash >= 0) {
			try {
				prefix = Integer.parseInt(trimmed.substring(slash + 1));
			}
			catch (NumberFormatException ex) {
				prefix = -1;
			}
			if (prefix < 0 || prefix > bytes.length * 8) {
				throw new IllegalArgumentException("'" + text + "' has an invalid prefix length");
			}
		}
		return new Cidr(trimmed, bytes, prefix);
	}

	/**
	 * The bytes of a literal IP address.
	 * @param address the address text
	 * @return the bytes (4 or 16), or {@code null} when the text is not a literal address
	 */
	static byte @Nullable [] literal(@Nullable String address) {
		if (address == null || !(IPV4.matcher(address).matches() || IPV6.matcher(address).matches())) {
			return null;
		}
		try {
			return InetAddress.getByName(address).getAddress();
		}
		catch (UnknownHostException | SecurityException ex) {
			return null;
		}
	}

	/**
	 * Whether the block contains an address.
	 * @param address a literal address, possibly {@code null}
	 * @return {@code true} when it does
	 */
	public boolean contains(@Nullable String address) {
		byte[] bytes = literal(address);
		return bytes != null && contains(bytes);
	}

	boolean contains(byte[] address) {
		byte[] candidate = address;
		if (candidate.length != this.network.length) {
			candidate = mapped(candidate, this.network.length);
			if (candidate == null) {
				return false;
			}
		}
		int full = this.prefix / 8;
		for (int i = 0; i < full; i++) {
			if (candidate[i] != this.network[i]) {
				return false;
			}
		}
		int rest = this.prefix % 8;
		if (rest == 0) {
			return true;
		}
		int mask = (0xFF << (8 - rest)) & 0xFF;
		return (candidate[full] & mask) == (this.network[full] & mask);
	}

	/** IPv4-mapped IPv6 addresses ({@code ::ffff:a.b.c.d}) compare as IPv4 and back. */
	private static byte @Nullable [] mapped(byte[] address, int length) {
		if (address.length == 16 && length == 4) {
			for (int i = 0; i < 10; i++) {
				if (address[i] != 0) {
					return null;
				}
			}
			if (address[10] != (byte) 0xFF || address[11] != (byte) 0xFF) {
				return null;
			}
			return new byte[] { address[12], address[13], address[14], address[15] };
		}
		if (address.length == 4 && length == 16) {
			byte[] mapped = new byte[16];
			mapped[10] = (byte) 0xFF;
			mapped[11] = (byte) 0xFF;
			System.arraycopy(address, 0, mapped, 12, 4);
			return mapped;
		}
		return null;
	}

	@Override
	public String toString() {
		return this.text;
	}

}
