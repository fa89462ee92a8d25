package dev.apigw.auth.authorizer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.apigw.model.PolicyDecision;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * What a shared cache keeps of an authorizer result: the output as JSON, read back through
 * the validation a fresh output gets.
 */
class AuthorizerResultCodecTests {

	private static final String ARN = "arn:aws:execute-api:us-east-1:123456789012:shop/dev/GET/items";

	@Test
	void writesTheOutputAndReadsBackTheSameResult() {
		Map<String, Object> output = new LinkedHashMap<>();
		output.put("principalId", "alice");
		output.put("policyDocument", Map.of("Version", "2012-10-17", "Statement",
				List.of(Map.of("Action", "execute-api:Invoke", "Effect", "Allow", "Resource", ARN))));
		output.put("context", Map.of("user", "alice", "number", 1, "flag", true));
		output.put("usageIdentifierKey", "key-alice");
		AuthorizerResult result = AuthorizerResult.parse(output);
		String text = AuthorizerResultCodec.INSTANCE.encode(result);
		assertThat(text).startsWith("{\"principalId\":\"alice\",\"policyDocument\":{")
			.contains("\"usageIdentifierKey\":\"key-alice\"");
		AuthorizerResult read = AuthorizerResultCodec.INSTANCE.decode(text);
		assertThat(read.principalId()).isEqualTo("alice");
		assertThat(read.context()).isEqualTo(Map.of("user", "alice", "number", "1", "flag", "true"));
		assertThat(read.usageIdentifierKey()).isEqualTo("key-alice");
		assertThat(read.policy().evaluateInvoke(ARN, "127.0.0.1")).isEqualTo(PolicyDecision.ALLOW);
		assertThat(read.policy().evaluateInvoke(ARN.replace("items", "orders"), "127.0.0.1"))
			.isNotEqualTo(PolicyDecision.ALLOW);
	}

	@Test
	void readsAPolicyThatWasReturnedAsText() {
		String policy = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Action\":\"execute-api:Invoke\","
				+ "\"Effect\":\"Deny\",\"Resource\":\"" + ARN + "\"}}";
		AuthorizerResult result = AuthorizerResult.parse(Map.of("principalId", 42, "policyDocument", policy));
		AuthorizerResult read = AuthorizerResultCodec.INSTANCE.decode(AuthorizerResultCodec.INSTANCE.encode(result));
		assertThat(read.principalId()).isEqualTo("42");
		assertThat(read.usageIdentifierKey()).isNull();
		assertThat(read.policy().evaluateInvoke(ARN, "127.0.0.1")).isEqualTo(PolicyDecision.EXPLICIT_DENY);
	}

	@Test
	void refusesAStoredOutputThatAFunctionCouldNotHaveReturned() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> AuthorizerResultCodec.INSTANCE.decode("{\"policyDocument\":{\"Statement\":[]}}"));
	}

}
