package dev.apigw.auth.iam;

import java.time.Instant;
import java.util.List;

import dev.apigw.auth.policy.InvalidPolicyException;
import dev.apigw.auth.policy.PolicyDocument;
import dev.apigw.model.PolicyDecision;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * What the gateway knows about an access key: its secret (to verify signatures), the
 * principal it belongs to ({@code $context.identity.userArn}, {@code .caller},
 * {@code .user}, {@code .accountId}), and the principal's IAM-style identity policies
 * (JSON), which must allow {@code execute-api:Invoke} on the method unless the API's
 * resource policy does.
 *
 * @param accessKeyId the access key id
 * @param secretAccessKey the secret access key
 * @param userArn the principal's ARN, e.g. {@code arn:aws:iam::123456789012:user/alice}
 * @param principalId the principal id ({@code $context.identity.caller} and {@code .user}),
 * e.g. {@code AIDA...} for an IAM user
 * @param sessionToken the session token temporary credentials require in
 * {@code X-Amz-Security-Token}, {@code null} for long-term keys
 * @param expiration when temporary credentials expire, {@code null} for never
 * @param policies the principal's identity policies, as JSON text
 */
public record IamCredentials(String accessKeyId, String secretAccessKey, String userArn, String principalId,
		@Nullable String sessionToken, @Nullable Instant expiration, List<String> policies) {

	public IamCredentials {
		policies = List.copyOf(policies);
	}

	/**
	 * Long-term credentials of an IAM user whose principal id is its access key id.
	 * @param accessKeyId the access key id
	 * @param secretAccessKey the secret
	 * @param userArn the user's ARN
	 * @param policies the user's identity policies (JSON)
	 * @return the credentials
	 */
	public static IamCredentials of(String accessKeyId, String secretAccessKey, String userArn, String... policies) {
		return new IamCredentials(accessKeyId, secretAccessKey, userArn, accessKeyId, null, null, List.of(policies));
	}

	/**
	 * The account of the principal, read from its ARN.
	 * @return the twelve-digit account id, or {@code null} when the ARN has none
	 */
	public @Nullable String accountId() {
		String[] parts = this.userArn.split(":", 6);
		return (parts.length >= 5 && !parts[4].isEmpty()) ? parts[4] : null;
	}

	/**
	 * What the principal's identity policies decide for an action on a resource. A policy
	 * that does not parse is logged and decides nothing.
	 * @param action the action, e.g. {@code execute-api:ManageConnections}
	 * @param resource the resource's ARN
	 * @param sourceIp the caller's address for {@code aws:SourceIp}, {@code null} when unknown
	 * @return the decision, {@link PolicyDecision#IMPLICIT_DENY} when no statement applies
	 */
	public PolicyDecision decide(String action, String resource, @Nullable String sourceIp) {
		PolicyDecision decision = PolicyDecision.IMPLICIT_DENY;
		for (String policy : this.policies) {
			try {
				decision = decision.and(PolicyDocument.parse(policy).evaluate(action, resource, sourceIp));
			}
			catch (InvalidPolicyException ex) {
				LogFactory.getLog(IamCredentials.class)
					.warn("Ignoring an invalid identity policy of " + this.userArn + ": " + ex.getMessage());
			}
		}
		return decision;
	}

	@Override
	public String toString() {
		return "IamCredentials[" + this.accessKeyId + ", " + this.userArn + "]";
	}

}
