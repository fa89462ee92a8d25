package dev.apigw.auth.resource;

import java.util.Map;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import dev.apigw.auth.policy.ExecuteApiArns;
import dev.apigw.auth.policy.PolicyDocument;
import dev.apigw.model.AuthorizationType;
import dev.apigw.model.GatewayResponseType;
import dev.apigw.model.PolicyDecision;
import dev.apigw.pipeline.FilterOrders;
import dev.apigw.pipeline.PipelineFilter;
import dev.apigw.response.GatewayResponseException;
import dev.apigw.routing.ApiInvocation;
import dev.apigw.routing.StageRuntime;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.web.server.ServerWebExchange;

/**
 * The resource policy phase, first of the method request: records who is calling (the
 * client address through trusted proxies, a verified client certificate) and evaluates the
 * API's resource policy. An explicit deny always ends the request; an implicit deny ends
 * it for methods without authorization, while authorized methods may still be allowed by
 * their authorizer (as on AWS: an IAM principal's own policy, a Lambda authorizer's
 * policy, an authenticated Cognito user).
 */
public final class ResourcePolicyFilter implements PipelineFilter {

	/** Exchange attribute holding the resource policy's {@link PolicyDecision} for later phases. */
	public static final String DECISION_ATTRIBUTE = ResourcePolicyFilter.class.getName() + ".decision";

	private final ClientAddresses addresses;

	private final LoadingCache<StageRuntime, Optional<PolicyDocument>> policies = Caffeine.newBuilder()
		.weakKeys()
		.build(ResourcePolicyFilter::compile);

	/**
	 * Creates the phase.
	 * @param addresses resolves client addresses
	 */
	public ResourcePolicyFilter(ClientAddresses addresses) {
		this.addresses = addresses;
	}

	/**
	 * Parses the resource policy of a stage's API.
	 * @param stage the stage
	 * @return the policy, empty when the API has none
	 * @throws dev.apigw.auth.policy.InvalidPolicyException when it is not valid
	 */
	public static Optional<PolicyDocument> compile(StageRuntime stage) {
		String policy = stage.api().policy();
		if (policy == null || policy.isBlank()) {
			return Optional.empty();
		}
		return Optional.of(PolicyDocument.parseResourcePolicy(policy,
				ExecuteApiArns.api(stage.environment(), stage.api().id())));
	}

	@Override
	public int getOrder() {
		return FilterOrders.RESOURCE_POLICY;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		ApiInvocation invocation = ApiInvocation.of(exchange);
		if (invocation == null) {
			return chain.filter(exchange);
		}
		if (this.addresses.trustsProxies()) {
			String client = this.addresses.resolve(exchange.getRequest());
			if (client != null) {
				invocation.identity().put(ClientAddresses.SOURCE_IP, client);
			}
		}
		Map<String, Object> certificate = ClientCertificates.of(exchange.getRequest().getSslInfo());
		if (certificate != null) {
			invocation.identity().put("clientCert", certificate);
		}
		Optional<PolicyDocument> policy;
		try {
			policy = this.policies.get(invocation.stage());
		}
		catch (RuntimeException ex) {
			return Mono.error(new GatewayResponseException(GatewayResponseType.API_CONFIGURATION_ERROR,
					"Invalid resource policy: " + ex.getMessage()));
		}
		if (policy.isEmpty()) {
			return chain.filter(exchange);
		}
		String methodArn = ExecuteApiArns.method(invocation);
		PolicyDecision decision = policy.get().evaluateInvoke(methodArn, ClientAddresses.sourceIp(invocation));
		exchange.getAttributes().put(DECISION_ATTRIBUTE, decision);
		AuthorizationType type = invocation.requiredMethod().method().authorizationType();
		if (decision == PolicyDecision.EXPLICIT_DENY
				|| (decision == PolicyDecision.IMPLICIT_DENY && type == AuthorizationType.NONE)) {
			return Mono.error(denied("anonymous", methodArn, decision));
		}
		return chain.filter(exchange);
	}

	/**
	 * AWS's answer to a caller a policy does not allow:
	 * {@code User: <principal> is not authorized to perform: execute-api:Invoke on resource: <arn>},
	 * with {@code with an explicit deny} when a statement denies it.
	 * @param principal {@code anonymous}, or the caller's ARN
	 * @param methodArn the method ARN
	 * @param decision the decision
	 * @return the outcome
	 */
	public static GatewayResponseException denied(String principal, String methodArn, @Nullable PolicyDecision decision) {
		String message = "User: " + principal + " is not authorized to perform: " + PolicyDocument.INVOKE
				+ " on resource: " + methodArn + ((decision == PolicyDecision.EXPLICIT_DENY) ? " with an explicit deny" : "");
		return new GatewayResponseException(GatewayResponseType.ACCESS_DENIED, message);
	}

}
