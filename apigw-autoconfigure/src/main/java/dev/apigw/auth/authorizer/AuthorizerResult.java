package dev.apigw.auth.authorizer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.apigw.auth.policy.InvalidPolicyException;
import dev.apigw.auth.policy.PolicyDocument;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a Lambda authorizer returned, validated: the principal, the whole policy (cached
 * as a whole and evaluated against each later method ARN, as AWS does), the context with
 * its values stringified, and the API key for usage plans. The policy is kept as JSON text
 * too, so that a shared cache can write the output back ({@code AuthorizerResultCodec}).
 *
 * @param principalId the principal id
 * @param policy the policy
 * @param policyJson the policy as JSON text
 * @param context the context, values as text ({@code 1} becomes {@code "1"})
 * @param usageIdentifierKey the API key for usage plans, {@code null} when not returned
 */
public record AuthorizerResult(String principalId, PolicyDocument policy, String policyJson,
		Map<String, String> context, @Nullable String usageIdentifierKey) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	public AuthorizerResult {
		context = Map.copyOf(context);
	}

	/**
	 * Validates an authorizer's output.
	 * @param output the output
	 * @return the result
	 * @throws IllegalArgumentException when the output is not what AWS accepts (answered
	 * with AUTHORIZER_CONFIGURATION_ERROR)
	 */
	static AuthorizerResult parse(Map<String, Object> output) {
		Object principal = output.get("principalId");
		if (!(principal instanceof String || principal instanceof Number || principal instanceof Boolean)) {
			throw new IllegalArgumentException("principalId is missing or not a string: " + principal);
		}
		Object document = output.get("policyDocument");
		PolicyDocument policy;
		try {
			policy = PolicyDocument.from(document);
		}
		catch (InvalidPolicyException ex) {
			throw new IllegalArgumentException("Invalid policyDocument: " + ex.getMessage());
		}
		Map<String, String> context = new LinkedHashMap<>();
		Object contextNode = output.get("context");
		if (contextNode instanceof Map<?, ?> map) {
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				Object value = entry.getValue();
				if (value instanceof Map<?, ?> || value instanceof List<?> || value instanceof Object[]) {
					throw new IllegalArgumentException("context." + entry.getKey()
							+ " is an object or array; context values must be strings, numbers or booleans");
				}
				if (value != null) {
					context.put(String.valueOf(entry.getKey()), String.valueOf(value));
				}
			}
		}
		else if (contextNode != null) {
			throw new IllegalArgumentException("context must be a JSON object");
		}
		Object key = output.get("usageIdentifierKey");
		String policyJson = (document instanceof String text) ? text : JSON.writeValueAsString(document);
		return new AuthorizerResult(String.valueOf(principal), policy, policyJson, context,
				(key != null) ? String.valueOf(key) : null);
	}

}
