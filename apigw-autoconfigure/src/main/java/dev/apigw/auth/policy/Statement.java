package dev.apigw.auth.policy;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One statement of a policy: its effect, the actions and resources it names (or excludes),
 * and its conditions. An action or resource pattern may use IAM's {@code *} and {@code ?}.
 *
 * @param allow whether the effect is {@code Allow} (else {@code Deny})
 * @param actions the {@code Action} patterns, empty when {@code NotAction} is used
 * @param notActions the {@code NotAction} patterns
 * @param resources the {@code Resource} patterns, empty when {@code NotResource} is used
 * @param notResources the {@code NotResource} patterns
 * @param conditions the conditions, all of which must hold
 * @param unsupportedCondition a condition operator or key the gateway cannot evaluate,
 * {@code null} when there is none; such a statement never allows and always denies
 */
public record Statement(boolean allow, List<String> actions, List<String> notActions, List<String> resources,
		List<String> notResources, List<Condition> conditions, @Nullable String unsupportedCondition) {

	public Statement {
		actions = List.copyOf(actions);
		notActions = List.copyOf(notActions);
		resources = List.copyOf(resources);
		notResources = List.copyOf(notResources);
		conditions = List.copyOf(conditions);
	}

	/**
	 * Whether the statement applies to a request.
	 * @param action the action, e.g. {@code execute-api:Invoke}
	 * @param resource the resource ARN
	 * @param sourceIp the caller's address, {@code null} when unknown
	 * @return {@code true} when it applies
	 */
	boolean applies(String action, String resource, @Nullable String sourceIp) {
		if (!names(this.actions, this.notActions, action, true) || !names(this.resources, this.notResources, resource, false)) {
			return false;
		}
		if (this.unsupportedCondition != null) {
			// fail closed: an Allow that cannot be checked does not allow, a Deny denies
			return !this.allow;
		}
		for (Condition condition : this.conditions) {
			if (!condition.test(sourceIp)) {
				return false;
			}
		}
		return true;
	}

	private static boolean names(List<String> patterns, List<String> notPatterns, String value, boolean ignoreCase) {
		if (!notPatterns.isEmpty()) {
			return notPatterns.stream().noneMatch((pattern) -> Wildcard.matches(pattern, value, ignoreCase));
		}
		return patterns.stream().anyMatch((pattern) -> Wildcard.matches(pattern, value, ignoreCase));
	}

	/**
	 * A condition on the caller's address: {@code IpAddress} or {@code NotIpAddress} over
	 * {@code aws:SourceIp}.
	 *
	 * @param negated whether this is {@code NotIpAddress}
	 * @param blocks the address blocks, any of which matches
	 */
	public record Condition(boolean negated, List<Cidr> blocks) {

		public Condition {
			blocks = List.copyOf(blocks);
		}

		boolean test(@Nullable String sourceIp) {
			byte[] address = Cidr.literal(sourceIp);
			if (address == null) {
				return false;
			}
			boolean inside = this.blocks.stream().anyMatch((block) -> block.contains(address));
			return inside != this.negated;
		}

	}

}
