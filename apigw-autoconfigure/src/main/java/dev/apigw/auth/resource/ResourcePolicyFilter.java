package dev.apigw.auth.resource;

import java.util.Map;

import dev.apigw.auth.policy.ExecuteApiArns;
import dev.apigw.auth.policy.InvalidPolicyException;
import dev.apigw.auth.policy.PolicyDocument;
import dev.apigw.definition.Problems;
import dev.apigw.model.AuthorizationType;
import dev.apigw.model.GatewayResponseType;
import dev.apigw.model.PolicyDecision;
import dev.apigw.pipeline.FilterOrders;
import dev.apigw.pipeline.PipelinePhase;
import dev.apigw.response.GatewayResponseException;
import dev.apigw.routing.ApiInvocation;
import dev.apigw.routing.StageRuntime;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.web.server.ServerWebExchange;

/**
 * The resource policy phase, first of the method request: records who is calling (the
 * client address through trusted proxies, a verified client certificate) and evaluates the
 * API's resource policy, parsed once per deployed stage (a policy that does not parse is a
 * problem of the deployment, field {@code policy}). An explicit deny always ends the
 * request; an implicit deny ends it for methods without authorization, while authorized
 * methods may still be allowed by their authorizer (as on AWS: an IAM principal's own
 * policy, a Lambda authorizer's policy, an authenticated Cognito user), which finds the
 * decision in {@link dev.apigw.routing.Handoffs#policyDecision()}.
 */
public final class ResourcePolicyFilter implements PipelinePhase {

	private final ClientAddresses addresses;

	/**
	 * Creates the phase.
	 * @param addresses resolves client addresses
	 */
	public ResourcePolicyFilter(ClientAddresses addresses) {
		this.addresses = addresses;
	}

	@Override
	public int getOrder() {
		return FilterOrders.RESOURCE_POLICY;
	}

	/**
	 * Parses the stage's resource policy. The phase runs for every stage, with or without a
	 * policy: it also records the caller's address and certificate for {@code $context}.
	 */
	@Override
	public @Nullable GatewayFilter compile(StageRuntime stage, Problems problems) {
		String text = stage.api().policy();
		if (text == null || text.isBlank()) {
			return new StagePolicy(this.addresses, null);
		}
		try {
			return new StagePolicy(this.addresses,
					PolicyDocument.parseResourcePolicy(text, ExecuteApiArns.api(stage.environment(), stage.api().id())));
		}
		catch (InvalidPolicyException ex) {
			problems.add("policy", ex.getMessage());
			return null;
		}
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
	public static GatewayResponseException denied(String principal, String methodArn,
			@Nullable PolicyDecision decision) {
		String message = "User: " + principal + " is not authorized to perform: " + PolicyDocument.INVOKE
				+ " on resource: " + methodArn
				+ ((decision == PolicyDecision.EXPLICIT_DENY) ? " with an explicit deny" : "");
		return new GatewayResponseException(GatewayResponseType.ACCESS_DENIED, message);
	}

	/**
	 * The phase for one stage: its parsed policy, {@code null} when the API has none.
	 */
	private record StagePolicy(ClientAddresses addresses, @Nullable PolicyDocument policy) implements GatewayFilter {

		@Override
		public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
			ApiInvocation invocation = ApiInvocation.required(exchange);
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
			if (this.policy == null) {
				return chain.filter(exchange);
			}
			String methodArn = ExecuteApiArns.method(invocation);
			PolicyDecision decision = this.policy.evaluateInvoke(methodArn, ClientAddresses.sourceIp(invocation));
			invocation.handoffs().policyDecision(decision);
			AuthorizationType type = invocation.requiredMethod().method().authorizationType();
			if (decision == PolicyDecision.EXPLICIT_DENY
					|| (decision == PolicyDecision.IMPLICIT_DENY && type == AuthorizationType.NONE)) {
				return Mono.error(denied("anonymous", methodArn, decision));
			}
			return chain.filter(exchange);
		}

		@Override
		public String toString() {
			return "ResourcePolicy[" + ((this.policy != null) ? "policy" : "no policy") + "]";
		}

	}

}
