package dev.apigw.auth.policy;

import dev.apigw.model.PolicyDecision;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The one policy evaluator: IAM wildcards, explicit deny winning, NotAction/NotResource,
 * source address conditions, and what resource policies must look like.
 */
class PolicyDocumentTests {

	private static final String API = "arn:aws:execute-api:us-east-1:123456789012:shop";

	@Test
	void explicitDenyWinsOverAnyAllow() {
		PolicyDocument policy = PolicyDocument.parse("""
				{"Statement": [
				  {"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "*"},
				  {"Effect": "Deny", "Action": "execute-api:Invoke", "Resource": "%s/prod/DELETE/*"}]}
				""".formatted(API));
		assertThat(policy.evaluateInvoke(API + "/prod/GET/pets", null)).isEqualTo(PolicyDecision.ALLOW);
		assertThat(policy.evaluateInvoke(API + "/prod/DELETE/pets/1", null)).isEqualTo(PolicyDecision.EXPLICIT_DENY);
	}

	@Test
	void nothingApplyingIsAnImplicitDeny() {
		PolicyDocument policy = PolicyDocument.parse("""
				{"Statement": {"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "%s/dev/GET/pets"}}
				""".formatted(API));
		assertThat(policy.evaluateInvoke(API + "/dev/GET/pets/1", null)).isEqualTo(PolicyDecision.IMPLICIT_DENY);
		assertThat(policy.evaluate("execute-api:InvalidateCache", API + "/dev/GET/pets", null))
			.isEqualTo(PolicyDecision.IMPLICIT_DENY);
	}

	@Test
	void wildcardsSpanSlashesAndQuestionMarksMatchOneCharacter() {
		PolicyDocument policy = PolicyDocument.parse("""
				{"Statement": {"Effect": "Allow", "Action": "EXECUTE-API:*", "Resource": ["%s/*/GET/pets/*", "%s/v?/POST/*"]}}
				""".formatted(API, API));
		assertThat(policy.evaluateInvoke(API + "/dev/GET/pets/1/toys", null)).isEqualTo(PolicyDecision.ALLOW);
		assertThat(policy.evaluateInvoke(API + "/v2/POST/orders", null)).isEqualTo(PolicyDecision.ALLOW);
		assertThat(policy.evaluateInvoke(API + "/v10/POST/orders", null)).isEqualTo(PolicyDecision.IMPLICIT_DENY);
		assertThat(policy.evaluateInvoke(API + "/dev/GET/owners", null)).isEqualTo(PolicyDecision.IMPLICIT_DENY);
	}

	@Test
	void notResourceAndNotActionExclude() {
		PolicyDocument policy = PolicyDocument.parse("""
				{"Statement": [{"Effect": "Allow", "NotAction": "execute-api:ManageConnections", "NotResource": "%s/*/*/admin"}]}
				""".formatted(API));
		assertThat(policy.evaluateInvoke(API + "/dev/GET/pets", null)).isEqualTo(PolicyDecision.ALLOW);
		assertThat(policy.evaluateInvoke(API + "/dev/GET/admin", null)).isEqualTo(PolicyDecision.IMPLICIT_DENY);
	}

	@Test
	void sourceAddressConditionsMatchCidrBlocksOfBothFamilies() {
		PolicyDocument policy = PolicyDocument.parse("""
				{"Statement": [
				  {"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "*",
				   "Condition": {"IpAddress": {"aws:SourceIp": ["10.0.0.0/8", "2001:db8::/32"]}}},
				  {"Effect": "Deny", "Action": "execute-api:Invoke", "Resource": "*",
				   "Condition": {"NotIpAddress": {"aws:sourceip": ["10.0.0.0/16", "2001:db8::/32"]}}}]}
				""");
		assertThat(policy.evaluateInvoke(API + "/dev/GET/x", "10.0.3.4")).isEqualTo(PolicyDecision.ALLOW);
		assertThat(policy.evaluateInvoke(API + "/dev/GET/x", "::ffff:10.0.3.4")).isEqualTo(PolicyDecision.ALLOW);
		assertThat(policy.evaluateInvoke(API + "/dev/GET/x", "2001:db8:1::5")).isEqualTo(PolicyDecision.ALLOW);
		assertThat(policy.evaluateInvoke(API + "/dev/GET/x", "10.1.0.1")).isEqualTo(PolicyDecision.EXPLICIT_DENY);
		assertThat(policy.evaluateInvoke(API + "/dev/GET/x", "192.0.2.1")).isEqualTo(PolicyDecision.EXPLICIT_DENY);
		assertThat(policy.evaluateInvoke(API + "/dev/GET/x", null)).isEqualTo(PolicyDecision.IMPLICIT_DENY);
	}

	@Test
	void statementsWithConditionsTheGatewayCannotCheckFailClosed() {
		PolicyDocument allow = PolicyDocument.parse("""
				{"Statement": {"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "*",
				 "Condition": {"StringEquals": {"aws:SourceVpce": "vpce-1"}}}}
				""");
		PolicyDocument deny = PolicyDocument.parse("""
				{"Statement": [{"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "*"},
				 {"Effect": "Deny", "Action": "execute-api:Invoke", "Resource": "*",
				  "Condition": {"StringNotEquals": {"aws:SourceVpce": "vpce-1"}}}]}
				""");
		assertThat(allow.evaluateInvoke(API + "/dev/GET/x", "10.0.0.1")).isEqualTo(PolicyDecision.IMPLICIT_DENY);
		assertThat(deny.evaluateInvoke(API + "/dev/GET/x", "10.0.0.1")).isEqualTo(PolicyDecision.EXPLICIT_DENY);
	}

	@Test
	void authorizerPoliciesMayUseLowerCaseElementNames() {
		PolicyDocument policy = PolicyDocument.from(java.util.Map.of("version", "2012-10-17", "statement",
				java.util.List.of(java.util.Map.of("effect", "Allow", "action", "execute-api:Invoke", "resource",
						java.util.List.of(API + "/*")))));
		assertThat(policy.evaluateInvoke(API + "/dev/GET/x", null)).isEqualTo(PolicyDecision.ALLOW);
	}

	@Test
	void resourcePoliciesExpandExecuteApiShorthandAndNeedAnyPrincipal() {
		PolicyDocument policy = PolicyDocument.parseResourcePolicy("""
				{"Statement": {"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "execute-api:Invoke",
				 "Resource": "execute-api:/dev/GET/*"}}
				""", API);
		assertThat(policy.evaluateInvoke(API + "/dev/GET/pets", null)).isEqualTo(PolicyDecision.ALLOW);
		assertThatExceptionOfType(InvalidPolicyException.class).isThrownBy(() -> PolicyDocument.parseResourcePolicy("""
				{"Statement": {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::1:root"}, "Action": "execute-api:Invoke",
				 "Resource": "*"}}
				""", API)).withMessageContaining("Statement[0].Principal must be \"*\"");
		assertThatExceptionOfType(InvalidPolicyException.class).isThrownBy(() -> PolicyDocument.parseResourcePolicy("""
				{"Statement": {"Effect": "Allow", "Principal": "*", "Action": "execute-api:Invoke", "Resource": "*",
				 "Condition": {"StringEquals": {"aws:SourceVpce": "vpce-1"}}}}
				""", API)).withMessageContaining("the operator StringEquals is not supported");
	}

	@Test
	void malformedPoliciesNameWhatIsWrong() {
		assertThatExceptionOfType(InvalidPolicyException.class).isThrownBy(() -> PolicyDocument.parse("{"))
			.withMessageStartingWith("The policy is not valid JSON");
		assertThatExceptionOfType(InvalidPolicyException.class)
			.isThrownBy(() -> PolicyDocument.parse("{\"Statement\": [{\"Effect\": \"Maybe\", \"Action\": \"*\", \"Resource\": \"*\"}]}"))
			.withMessage("Statement[0].Effect must be Allow or Deny, was Maybe");
		assertThatExceptionOfType(InvalidPolicyException.class)
			.isThrownBy(() -> PolicyDocument.parse("{\"Statement\": [{\"Effect\": \"Allow\", \"Resource\": \"*\"}]}"))
			.withMessage("Statement[0] needs exactly one of Action and NotAction");
		assertThatExceptionOfType(InvalidPolicyException.class).isThrownBy(() -> PolicyDocument.parse("""
				{"Statement": {"Effect": "Allow", "Action": "*", "Resource": "*",
				 "Condition": {"IpAddress": {"aws:SourceIp": "example.com"}}}}
				""")).withMessageContaining("'example.com' is not an IP address or CIDR block");
	}

}
