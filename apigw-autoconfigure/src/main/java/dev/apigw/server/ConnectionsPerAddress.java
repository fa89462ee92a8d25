package dev.apigw.server;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.concurrent.ConcurrentHashMap;

import io.netty.channel.Channel;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Counts the open connections of each client address and refuses those beyond a maximum.
 * An address is counted from the connection's accept until its close, whoever closes it;
 * an address without open connections takes no memory.
 */
final class ConnectionsPerAddress {

	private static final Log logger = LogFactory.getLog(ConnectionsPerAddress.class);

	private final int max;

	private final ConcurrentHashMap<InetAddress, Integer> open = new ConcurrentHashMap<>();

	ConnectionsPerAddress(int max) {
		this.max = max;
	}

	/**
	 * Counts a connection just accepted, or closes it when its address already holds the
	 * maximum.
	 * @param channel the connection
	 * @param remoteAddress the client's address
	 * @return whether the connection was admitted
	 */
	boolean admit(Channel channel, @Nullable SocketAddress remoteAddress) {
		// Reactor Netty gives accepted connections no remote address of their own at initialisation
		SocketAddress remote = (remoteAddress != null) ? remoteAddress : channel.remoteAddress();
		if (!(remote instanceof InetSocketAddress socketAddress) || socketAddress.getAddress() == null) {
			return true;
		}
		InetAddress address = socketAddress.getAddress();
		int count = this.open.merge(address, 1, Integer::sum);
		if (count > this.max) {
			release(address);
			if (logger.isDebugEnabled()) {
				logger.debug(channel + " Refused a connection: its address already holds " + this.max
						+ " connections (apigw.server.max-connections-per-address)");
			}
			channel.close();
			return false;
		}
		channel.closeFuture().addListener((closed) -> release(address));
		return true;
	}

	/**
	 * The connections an address holds open.
	 * @param address the address
	 * @return the count
	 */
	int open(InetAddress address) {
		return this.open.getOrDefault(address, 0);
	}

	private void release(InetAddress address) {
		this.open.computeIfPresent(address, (key, count) -> (count > 1) ? count - 1 : null);
	}

}
