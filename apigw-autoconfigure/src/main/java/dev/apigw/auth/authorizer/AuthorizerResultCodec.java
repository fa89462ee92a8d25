package dev.apigw.auth.authorizer;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.apigw.store.ValueCodec;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Authorizer results as a shared cache keeps them: the authorizer's output as JSON
 * ({@code principalId}, {@code policyDocument}, {@code context}, {@code usageIdentifierKey}),
 * read back through the same validation as a function's output, so a cached result is
 * never trusted more than a fresh one.
 */
final class AuthorizerResultCodec implements ValueCodec<AuthorizerResult> {

	/** The one codec: the in-memory cache tells its entries apart by codec instance. */
	static final AuthorizerResultCodec INSTANCE = new AuthorizerResultCodec();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<Map<String, Object>> OUTPUT = new TypeReference<>() {
	};

	private AuthorizerResultCodec() {
	}

	@Override
	public String encode(AuthorizerResult result) {
		Map<String, Object> output = new LinkedHashMap<>();
		output.put("principalId", result.principalId());
		output.put("policyDocument", JSON.readTree(result.policyJson()));
		output.put("context", result.context());
		if (result.usageIdentifierKey() != null) {
			output.put("usageIdentifierKey", result.usageIdentifierKey());
		}
		return JSON.writeValueAsString(output);
	}

	@Override
	public AuthorizerResult decode(String text) {
		return AuthorizerResult.parse(JSON.readValue(text, OUTPUT));
	}

}
