package dev.apigw.auth;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.IamPolicyResponse;
import dev.apigw.auth.authorizer.AuthorizerFunction;
import dev.apigw.auth.iam.IamCredentials;
import dev.apigw.auth.iam.IamCredentialsRepository;
import dev.apigw.auth.iam.InMemoryIamCredentials;
import dev.apigw.pipeline.InvocationListener;
import dev.apigw.test.MutableClock;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The authorizer functions, credentials and clock of the access control tests.
 */
@TestConfiguration(proxyBeanMethods = false)
class SecurityTestConfiguration {

	static final Instant START = Instant.parse("2026-11-27T10:00:00Z");

	@Bean
	MutableClock apigwClock() {
		return new MutableClock(START);
	}

	@Bean
	Calls calls() {
		return new Calls();
	}

	/**
	 * A TOKEN authorizer whose token says what it answers: {@code allow-<user>},
	 * {@code deny-..}, {@code other-..} (allows another resource), {@code unauthorized-..},
	 * {@code error-..}, {@code badcontext-..}, {@code noprincipal-..}.
	 */
	@Bean
	AuthorizerFunction tokenAuthorizer(Calls calls) {
		return (event) -> {
			calls.record("tokenAuthorizer", event);
			String token = (String) event.get("authorizationToken");
			String arn = (String) event.get("methodArn");
			String kind = token.substring(0, token.indexOf('-'));
			String user = token.substring(token.indexOf('-') + 1);
			Map<String, Object> context = new LinkedHashMap<>();
			context.put("user", user);
			context.put("number", 1);
			context.put("flag", true);
			return switch (kind) {
				case "allow" -> output(user, "Allow", arn, context, "key-" + user);
				case "deny" -> output(user, "Deny", arn, context, null);
				case "other" -> output(user, "Allow", arn + "/elsewhere", context, null);
				case "unauthorized" -> throw new IllegalStateException("Unauthorized");
				case "error" -> throw new IllegalStateException("boom");
				case "badcontext" -> output(user, "Allow", arn, Map.of("nested", Map.of("a", 1)), null);
				case "noprincipal" -> Map.of("policyDocument", policy("Allow", arn));
				default -> throw new IllegalStateException("unexpected token " + token);
			};
		};
	}

	/** Allows exactly the method ARN it was called for: the cached-policy pitfall. */
	@Bean
	Function<Map<String, Object>, Map<String, Object>> scopedAuthorizer(Calls calls) {
		return (event) -> {
			calls.record("scopedAuthorizer", event);
			return output("scoped", "Allow", (String) event.get("methodArn"), Map.of(), null);
		};
	}

	@Bean
	AuthorizerFunction requestAuthorizer(Calls calls) {
		return (event) -> {
			calls.record("requestAuthorizer", event);
			@SuppressWarnings("unchecked")
			Map<String, String> headers = (Map<String, String>) event.get("headers");
			return output(headers.get("X-User"), "Allow", "arn:aws:execute-api:us-east-1:123456789012:auth/dev/GET/*",
					Map.of("user", headers.get("X-User")), null);
		};
	}

	/** An authorizer written against AWS's own Lambda types. */
	@Bean
	RequestHandler<APIGatewayCustomAuthorizerEvent, IamPolicyResponse> awsHandlerAuthorizer(Calls calls) {
		return new RequestHandler<>() {

			@Override
			public IamPolicyResponse handleRequest(APIGatewayCustomAuthorizerEvent event, Context context) {
				calls.record("awsHandlerAuthorizer", Map.of("type", event.getType(), "authorizationToken",
						event.getAuthorizationToken(), "methodArn", event.getMethodArn(), "function",
						context.getFunctionName()));
				return IamPolicyResponse.builder()
					.withPrincipalId("handler-user")
					.withPolicyDocument(IamPolicyResponse.PolicyDocument.builder()
						.withVersion(IamPolicyResponse.VERSION_2012_10_17)
						.withStatement(List.of(IamPolicyResponse.allowStatement(event.getMethodArn())))
						.build())
					.withContext(Map.of("user", "from-handler"))
					.build();
			}

		};
	}

	@Bean
	IamCredentialsRepository iamCredentials() {
		String alice = """
				{"Version": "2012-10-17", "Statement": [
				  {"Effect": "Allow", "Action": "execute-api:Invoke",
				   "Resource": ["arn:aws:execute-api:us-east-1:123456789012:iam/*/GET/*",
				                "arn:aws:execute-api:us-east-1:123456789012:iam/dev/POST/pets"]},
				  {"Effect": "Deny", "Action": "execute-api:*", "Resource": "arn:aws:execute-api:*:*:*/*/DELETE/*"}]}
				""";
		String everything = """
				{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "*"}}
				""";
		return new InMemoryIamCredentials(
				IamCredentials.of("AKIDALICE", "alice-secret", "arn:aws:iam::123456789012:user/alice", alice),
				IamCredentials.of("AKIDBOB", "bob-secret", "arn:aws:iam::123456789012:user/bob"),
				new IamCredentials("ASIATEMP", "temp-secret", "arn:aws:sts::210987654321:assumed-role/reader/session",
						"AROATEMP:session", "session-token", START.plus(java.time.Duration.ofDays(30)),
						List.of(everything)));
	}

	@Bean
	InvocationListener usageKeys(Calls calls) {
		return (invocation, status, duration) -> {
			if (invocation.usageIdentifierKey() != null) {
				calls.usageKeys.put(invocation.requestId(), invocation.usageIdentifierKey());
			}
		};
	}

	static Map<String, Object> output(String principal, String effect, String resource, Map<String, Object> context,
			String usageKey) {
		Map<String, Object> output = new LinkedHashMap<>();
		output.put("principalId", principal);
		output.put("policyDocument", policy(effect, resource));
		output.put("context", context);
		if (usageKey != null) {
			output.put("usageIdentifierKey", usageKey);
		}
		return output;
	}

	static Map<String, Object> policy(String effect, String resource) {
		return Map.of("Version", "2012-10-17", "Statement",
				List.of(Map.of("Action", "execute-api:Invoke", "Effect", effect, "Resource", resource)));
	}

	/**
	 * What the authorizer functions were called with.
	 */
	static final class Calls {

		final List<Map.Entry<String, Map<String, Object>>> events = new CopyOnWriteArrayList<>();

		/** The API keys authorizers returned ({@code usageIdentifierKey}) by request id. */
		final Map<String, String> usageKeys = new java.util.concurrent.ConcurrentHashMap<>();

		void record(String function, Map<String, Object> event) {
			this.events.add(Map.entry(function, event));
		}

		List<Map<String, Object>> of(String function) {
			List<Map<String, Object>> calls = new ArrayList<>();
			this.events.stream().filter((call) -> call.getKey().equals(function)).forEach((call) -> calls.add(call.getValue()));
			return calls;
		}

		void clear() {
			this.events.clear();
		}

	}

}
