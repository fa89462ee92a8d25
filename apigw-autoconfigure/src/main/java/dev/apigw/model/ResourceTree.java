package dev.apigw.model;

import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The resources of one API as a tree of path segments, built once per deployment and
 * resolving a request path in time proportional to its depth, whatever the number of
 * resources.
 * <p>
 * Matching follows AWS: at each segment a literal child is preferred over a
 * {@code {param}} child, which is preferred over a greedy {@code {name+}} child; when a more
 * specific branch leads nowhere, the next one is tried. Only resources that were added
 * (those with methods) match. A trailing slash is ignored, leading slashes collapse, and
 * path parameter values are the raw (still percent-encoded) request text, as AWS passes
 * them on.
 *
 * @param <R> what is attached to each resource
 */
public final class ResourceTree<R> {

	private final Node<R> root;

	private final int size;

	private ResourceTree(Node<R> root, int size) {
		this.root = root;
		this.size = size;
	}

	/**
	 * Starts an empty tree.
	 * @param <R> what is attached to each resource
	 * @return a builder
	 */
	public static <R> Builder<R> builder() {
		return new Builder<>();
	}

	/**
	 * The number of resources in the tree.
	 * @return the number of resources
	 */
	public int size() {
		return this.size;
	}

	/**
	 * Resolves a request path.
	 * @param rawPath the raw request path below the stage (e.g. {@code /pets/42}), or empty
	 * for the root
	 * @return the match, or {@code null} when no resource matches
	 */
	public @Nullable Match<R> match(String rawPath) {
		int start = 0;
		int end = rawPath.length();
		while (start < end && rawPath.charAt(start) == '/') {
			start++;
		}
		while (end > start && rawPath.charAt(end - 1) == '/') {
			end--;
		}
		return this.root.match(rawPath, start, end);
	}

	/**
	 * A resolved request: the resource and its path parameters.
	 *
	 * @param resource what was attached to the matched resource
	 * @param pathParameters parameter name to raw value, in no particular order
	 * @param <R> what is attached to each resource
	 */
	public record Match<R>(R resource, Map<String, String> pathParameters) {

	}

	private static final class Node<R> {

		private @Nullable Map<String, Node<R>> literals;

		private @Nullable String paramName;

		private @Nullable Node<R> param;

		private @Nullable String greedyName;

		private @Nullable R greedy;

		private @Nullable R value;

		@Nullable Match<R> match(String path, int start, int end) {
			if (start >= end) {
				return (this.value != null) ? new Match<>(this.value, new HashMap<>(4)) : null;
			}
			int slash = path.indexOf('/', start);
			int segmentEnd = (slash < 0 || slash > end) ? end : slash;
			int next = (segmentEnd < end) ? segmentEnd + 1 : end;
			if (this.literals != null) {
				Node<R> literal = this.literals.get(PathSegments.decodeForMatching(path, start, segmentEnd));
				if (literal != null) {
					Match<R> match = literal.match(path, next, end);
					if (match != null) {
						return match;
					}
				}
			}
			if (this.param != null && segmentEnd > start) {
				Match<R> match = this.param.match(path, next, end);
				if (match != null) {
					match.pathParameters().put(this.paramName, path.substring(start, segmentEnd));
					return match;
				}
			}
			if (this.greedy != null) {
				Map<String, String> parameters = new HashMap<>(4);
				parameters.put(this.greedyName, path.substring(start, end));
				return new Match<>(this.greedy, parameters);
			}
			return null;
		}

	}

	/**
	 * Builds a {@link ResourceTree}; rejects paths AWS would reject.
	 *
	 * @param <R> what is attached to each resource
	 */
	public static final class Builder<R> {

		private final Node<R> root = new Node<>();

		private int size;

		private Builder() {
		}

		/**
		 * Adds a resource.
		 * @param pathTemplate the path template, e.g. {@code /pets/{petId}} or
		 * {@code /{proxy+}}
		 * @param resource what to attach
		 * @return this builder
		 * @throws IllegalArgumentException when the template is malformed, the greedy
		 * parameter is not last, a sibling already has a different variable, or the path is
		 * added twice
		 */
		public Builder<R> add(String pathTemplate, R resource) {
			String[] segments = PathSegments.split(pathTemplate);
			Node<R> node = this.root;
			for (int i = 0; i < segments.length; i++) {
				String segment = segments[i];
				boolean last = i == segments.length - 1;
				if (PathSegments.isGreedy(segment)) {
					if (!last) {
						throw new IllegalArgumentException("The greedy path variable " + segment
								+ " must be the last segment of the path, but '" + pathTemplate + "' continues after it");
					}
					String name = PathSegments.variableName(segment);
					if (node.greedy != null) {
						throw duplicate(pathTemplate);
					}
					if (node.paramName != null) {
						checkSibling(node.paramName, name + "+", pathTemplate);
					}
					node.greedyName = name;
					node.greedy = resource;
					this.size++;
					return this;
				}
				if (PathSegments.isVariable(segment)) {
					String name = PathSegments.variableName(segment);
					if (node.greedyName != null) {
						checkSibling(node.greedyName + "+", name, pathTemplate);
					}
					if (node.paramName != null && !node.paramName.equals(name)) {
						if (node.paramName != null) {
						checkSibling(node.paramName, name + "+", pathTemplate);
					}
					}
					if (node.param == null) {
						node.param = new Node<>();
						node.paramName = name;
					}
					node = node.param;
				}
				else {
					if (node.literals == null) {
						node.literals = new HashMap<>();
					}
					node = node.literals.computeIfAbsent(segment, (key) -> new Node<>());
				}
			}
			if (node.value != null) {
				throw duplicate(pathTemplate);
			}
			node.value = resource;
			this.size++;
			return this;
		}

		private static void checkSibling(String existing, String name, String pathTemplate) {
			throw new IllegalArgumentException("A sibling ({" + existing + "}) of the variable {" + name + "} in '"
					+ pathTemplate + "' already has a variable path part -- only one is allowed");
		}

		private static IllegalArgumentException duplicate(String pathTemplate) {
			return new IllegalArgumentException("The resource '" + pathTemplate + "' is defined twice");
		}

		/**
		 * Builds the tree.
		 * @return the tree
		 */
		public ResourceTree<R> build() {
			return new ResourceTree<>(this.root, this.size);
		}

	}

}
