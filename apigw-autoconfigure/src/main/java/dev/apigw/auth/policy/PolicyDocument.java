package dev.apigw.auth.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.apigw.model.PolicyDecision;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * An IAM-style policy document ({@code {"Version": ..., "Statement": [...]}}) and its
 * evaluation: a request is allowed when an applicable statement allows it and none denies
 * it. Parsed once (a resource policy per deployment, an authorizer's policy per cached
 * result) and evaluated per request.
 */
public final class PolicyDocument {

	/** The one action of API Gateway's execute-api service the gateway checks. */
	public static final String INVOKE = "execute-api:Invoke";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final List<Statement> statements;

	private PolicyDocument(List<Statement> statements) {
		this.statements = List.copyOf(statements);
	}

	/**
	 * A document of the given statements.
	 * @param statements the statements
	 * @return the document
	 */
	public static PolicyDocument of(List<Statement> statements) {
		return new PolicyDocument(statements);
	}

	/**
	 * Parses a document from JSON text (an IAM identity policy or an authorizer's policy).
	 * @param json the JSON text
	 * @return the document
	 * @throws InvalidPolicyException when it is not a valid policy
	 */
	public static PolicyDocument parse(String json) {
		return from(readJson(json), null);
	}

	/**
	 * Reads a document from its JSON structure, as a Lambda authorizer returns it.
	 * @param document the {@code policyDocument} value: a map, or JSON text
	 * @return the document
	 * @throws InvalidPolicyException when it is not a valid policy
	 */
	public static PolicyDocument from(@Nullable Object document) {
		return from((document instanceof String text) ? readJson(text) : document, null);
	}

	/**
	 * Parses a resource policy: every statement must name a principal ({@code "*"} is the
	 * only one supported), and {@code execute-api:/...} resources are expanded to the API's
	 * ARN as AWS does when the policy is saved.
	 * @param json the JSON text
	 * @param apiArn the API's ARN prefix, {@code arn:aws:execute-api:{region}:{account}:{api}}
	 * @return the document
	 * @throws InvalidPolicyException when it is not a valid resource policy
	 */
	public static PolicyDocument parseResourcePolicy(String json, String apiArn) {
		return from(readJson(json), apiArn);
	}

	private static Object readJson(String json) {
		try {
			return JSON.readValue(json, Object.class);
		}
		catch (JacksonException ex) {
			throw new InvalidPolicyException("The policy is not valid JSON: " + ex.getOriginalMessage());
		}
	}

	private static PolicyDocument from(@Nullable Object document, @Nullable String apiArn) {
		if (!(document instanceof Map<?, ?> map)) {
			throw new InvalidPolicyException("A policy document must be a JSON object");
		}
		Object statement = value(map, "Statement");
		if (statement == null) {
			throw new InvalidPolicyException("The policy has no Statement");
		}
		List<?> items = (statement instanceof List<?> list) ? list : List.of(statement);
		List<Statement> statements = new ArrayList<>();
		for (int i = 0; i < items.size(); i++) {
			statements.add(statement(items.get(i), "Statement[" + i + "]", apiArn));
		}
		return new PolicyDocument(statements);
	}

	private static Statement statement(@Nullable Object item, String at, @Nullable String apiArn) {
		if (!(item instanceof Map<?, ?> map)) {
			throw new InvalidPolicyException(at + " must be a JSON object");
		}
		Object effect = value(map, "Effect");
		boolean allow;
		if (effect instanceof String text && text.equalsIgnoreCase("Allow")) {
			allow = true;
		}
		else if (effect instanceof String text && text.equalsIgnoreCase("Deny")) {
			allow = false;
		}
		else {
			throw new InvalidPolicyException(at + ".Effect must be Allow or Deny, was " + effect);
		}
		List<String> actions = strings(map, "Action", at);
		List<String> notActions = strings(map, "NotAction", at);
		if (actions.isEmpty() == notActions.isEmpty()) {
			throw new InvalidPolicyException(at + " needs exactly one of Action and NotAction");
		}
		List<String> resources = expand(strings(map, "Resource", at), apiArn);
		List<String> notResources = expand(strings(map, "NotResource", at), apiArn);
		if (resources.isEmpty() == notResources.isEmpty()) {
			throw new InvalidPolicyException(at + " needs exactly one of Resource and NotResource");
		}
		if (apiArn != null) {
			checkPrincipal(map, at);
		}
		List<Statement.Condition> conditions = new ArrayList<>();
		String unsupported = conditions(value(map, "Condition"), at, conditions);
		if (unsupported != null && apiArn != null) {
			throw new InvalidPolicyException(at + ".Condition: " + unsupported
					+ " is not supported; resource policies support IpAddress and NotIpAddress on aws:SourceIp");
		}
		return new Statement(allow, actions, notActions, resources, notResources, conditions, unsupported);
	}

	private static void checkPrincipal(Map<?, ?> statement, String at) {
		Object principal = value(statement, "Principal");
		if ("*".equals(principal)) {
			return;
		}
		if (principal instanceof Map<?, ?> map && map.size() == 1) {
			Object aws = value(map, "AWS");
			if ("*".equals(aws) || (aws instanceof List<?> list && list.size() == 1 && "*".equals(list.get(0)))) {
				return;
			}
		}
		throw new InvalidPolicyException(at + ".Principal must be \"*\" (or {\"AWS\": \"*\"}): resource policies are "
				+ "evaluated before the caller is known; use IAM authorization for per-principal rules, was " + principal);
	}

	private static @Nullable String conditions(@Nullable Object node, String at, List<Statement.Condition> into) {
		if (node == null) {
			return null;
		}
		if (!(node instanceof Map<?, ?> operators)) {
			throw new InvalidPolicyException(at + ".Condition must be a JSON object");
		}
		String unsupported = null;
		for (Map.Entry<?, ?> operator : operators.entrySet()) {
			String name = String.valueOf(operator.getKey());
			boolean negated = name.equals("NotIpAddress");
			if (!negated && !name.equals("IpAddress")) {
				unsupported = "the operator " + name;
				continue;
			}
			if (!(operator.getValue() instanceof Map<?, ?> keys)) {
				throw new InvalidPolicyException(at + ".Condition." + name + " must be a JSON object");
			}
			for (Map.Entry<?, ?> key : keys.entrySet()) {
				if (!String.valueOf(key.getKey()).equalsIgnoreCase("aws:SourceIp")) {
					unsupported = "the key " + key.getKey();
					continue;
				}
				List<Cidr> blocks = new ArrayList<>();
				for (String block : list(key.getValue(), at + ".Condition." + name + "." + key.getKey())) {
					try {
						blocks.add(Cidr.parse(block));
					}
					catch (IllegalArgumentException ex) {
						throw new InvalidPolicyException(at + ".Condition." + name + ": " + ex.getMessage());
					}
				}
				into.add(new Statement.Condition(negated, blocks));
			}
		}
		return unsupported;
	}

	private static List<String> expand(List<String> resources, @Nullable String apiArn) {
		if (apiArn == null) {
			return resources;
		}
		return resources.stream()
			.map((resource) -> resource.startsWith("execute-api:/") ? apiArn + resource.substring("execute-api:".length())
					: resource)
			.toList();
	}

	private static List<String> strings(Map<?, ?> map, String key, String at) {
		Object value = value(map, key);
		return (value != null) ? list(value, at + "." + key) : List.of();
	}

	private static List<String> list(@Nullable Object value, String at) {
		List<?> items = (value instanceof List<?> list) ? list : List.of((value != null) ? value : "");
		List<String> strings = new ArrayList<>(items.size());
		for (Object item : items) {
			if (!(item instanceof String text) || text.isEmpty()) {
				throw new InvalidPolicyException(at + " must be a string or a list of strings");
			}
			strings.add(text);
		}
		return strings;
	}

	/** Policy element names are case-sensitive in IAM; authorizers often send them lower-case. */
	private static @Nullable Object value(Map<?, ?> map, String key) {
		Object value = map.get(key);
		if (value == null) {
			String lower = key.toLowerCase(Locale.ROOT);
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				if (String.valueOf(entry.getKey()).toLowerCase(Locale.ROOT).equals(lower)) {
					return entry.getValue();
				}
			}
		}
		return value;
	}

	/**
	 * Evaluates the document for a request.
	 * @param action the action, e.g. {@link #INVOKE}
	 * @param resource the resource ARN
	 * @param sourceIp the caller's address for {@code aws:SourceIp}, {@code null} when unknown
	 * @return the decision
	 */
	public PolicyDecision evaluate(String action, String resource, @Nullable String sourceIp) {
		boolean allowed = false;
		for (Statement statement : this.statements) {
			if (statement.applies(action, resource, sourceIp)) {
				if (!statement.allow()) {
					return PolicyDecision.EXPLICIT_DENY;
				}
				allowed = true;
			}
		}
		return allowed ? PolicyDecision.ALLOW : PolicyDecision.IMPLICIT_DENY;
	}

	/**
	 * Evaluates the document for invoking a method.
	 * @param methodArn the method ARN
	 * @param sourceIp the caller's address, {@code null} when unknown
	 * @return the decision
	 */
	public PolicyDecision evaluateInvoke(String methodArn, @Nullable String sourceIp) {
		return evaluate(INVOKE, methodArn, sourceIp);
	}

	public List<Statement> statements() {
		return this.statements;
	}

	@Override
	public String toString() {
		return "PolicyDocument" + this.statements;
	}

}
