package dev.apigw.routing;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Where APIs are mounted: (host, base path) to a target, resolved by longest base-path prefix
 * on segment boundaries, host-specific mounts before those for any host. Requests that match
 * no mount are not the gateway's and fall through to the application.
 *
 * @param <T> the mounted target
 */
public final class MountTable<T> {

	private final Map<String, Node<T>> byHost;

	private final Node<T> anyHost;

	private MountTable(Map<String, Node<T>> byHost, Node<T> anyHost) {
		this.byHost = byHost;
		this.anyHost = anyHost;
	}

	/**
	 * Starts an empty table.
	 * @param <T> the mounted target
	 * @return a builder
	 */
	public static <T> Builder<T> builder() {
		return new Builder<>();
	}

	/**
	 * Resolves a request.
	 * @param host the request host without port, or {@code null}
	 * @param rawPath the raw request path
	 * @return the mount and the path below it, or {@code null} when no mount matches
	 */
	public @Nullable Mounted<T> match(@Nullable String host, String rawPath) {
		if (host != null && !this.byHost.isEmpty()) {
			Node<T> node = this.byHost.get(host.toLowerCase(Locale.ROOT));
			if (node != null) {
				Mounted<T> mounted = node.match(rawPath);
				if (mounted != null) {
					return mounted;
				}
			}
		}
		return this.anyHost.match(rawPath);
	}

	/**
	 * A request resolved to a mount.
	 *
	 * @param target the mounted target
	 * @param mountPath the matched base path as written in the request (e.g.
	 * {@code /petstore/dev})
	 * @param remainingPath the raw path below the mount, starting with {@code /} or empty
	 * @param <T> the mounted target
	 */
	public record Mounted<T>(T target, String mountPath, String remainingPath) {

	}

	private static final class Node<T> {

		private final Map<String, Node<T>> children = new HashMap<>();

		private @Nullable T target;

		@Nullable Mounted<T> match(String path) {
			Node<T> node = this;
			T best = node.target;
			int bestEnd = 0;
			int position = 0;
			int length = path.length();
			while (position < length && path.charAt(position) == '/') {
				int start = position + 1;
				int end = path.indexOf('/', start);
				if (end < 0) {
					end = length;
				}
				node = node.children.get(path.substring(start, end));
				if (node == null) {
					break;
				}
				if (node.target != null) {
					best = node.target;
					bestEnd = end;
				}
				position = end;
			}
			return (best != null) ? new Mounted<>(best, path.substring(0, bestEnd), path.substring(bestEnd)) : null;
		}

	}

	/**
	 * Builds a {@link MountTable}.
	 *
	 * @param <T> the mounted target
	 */
	public static final class Builder<T> {

		private final Map<String, Node<T>> byHost = new HashMap<>();

		private final Node<T> anyHost = new Node<>();

		private Builder() {
		}

		/**
		 * Mounts a target.
		 * @param host the host, {@code null} for any host
		 * @param basePath the base path ({@code /} or e.g. {@code /petstore/dev})
		 * @param target the target
		 * @return this builder
		 * @throws IllegalArgumentException when the same host and base path are mounted
		 * twice
		 */
		public Builder<T> mount(@Nullable String host, String basePath, T target) {
			Node<T> node = (host != null) ? this.byHost.computeIfAbsent(host.toLowerCase(Locale.ROOT), (h) -> new Node<>())
					: this.anyHost;
			for (String segment : basePath.split("/")) {
				if (!segment.isEmpty()) {
					node = node.children.computeIfAbsent(segment, (s) -> new Node<>());
				}
			}
			if (node.target != null) {
				throw new IllegalArgumentException("Two mounts share host " + ((host != null) ? host : "(any)")
						+ " and base path '" + basePath + "': " + node.target + " and " + target);
			}
			node.target = target;
			return this;
		}

		/**
		 * Builds the table.
		 * @return the table
		 */
		public MountTable<T> build() {
			return new MountTable<>(this.byHost, this.anyHost);
		}

	}

}
