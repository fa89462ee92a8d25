package dev.apigw.auth.iam;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import dev.apigw.auth.authorizer.MethodAuthorization;
import dev.apigw.auth.authorizer.MethodAuthorizer;
import dev.apigw.auth.policy.ExecuteApiArns;
import dev.apigw.auth.policy.InvalidPolicyException;
import dev.apigw.auth.policy.PolicyDocument;
import dev.apigw.auth.resource.ClientAddresses;
import dev.apigw.auth.resource.ResourcePolicyFilter;
import dev.apigw.definition.Problems;
import dev.apigw.model.AuthorizationType;
import dev.apigw.model.GatewayResponseType;
import dev.apigw.model.PolicyDecision;
import dev.apigw.response.GatewayResponseException;
import dev.apigw.routing.ApiInvocation;
import dev.apigw.routing.MethodRuntime;
import dev.apigw.routing.StageRuntime;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;

/**
 * IAM authorization ({@code AWS_IAM} methods): verifies the request's Signature Version 4
 * (Authorization header or presigned URL; within 5 minutes of the gateway's clock; the
 * payload hashed from the body as received) with the secret an
 * {@link IamCredentialsRepository} finds for the access key, then checks that the
 * principal's identity policies (or the API's resource policy) allow
 * {@code execute-api:Invoke} on the method. Answers with AWS's bodies: 403 Missing
 * Authentication Token, the signature mismatch with the canonical request, "Signature
 * expired", the invalid or expired security token, and {@code User: <arn> is not
 * authorized ...}.
 */
public final class IamAuthorizer implements MethodAuthorizer {

	/** The clock skew AWS allows. */
	public static final Duration MAX_SKEW = Duration.ofMinutes(5);

	private static final Log logger = LogFactory.getLog(IamAuthorizer.class);

	private final @Nullable SigV4Verifier verifier;

	/**
	 * Creates the authorizer.
	 * @param credentials finds credentials, {@code null} when the application declares none
	 * (every AWS_IAM method is then a problem of its deployment)
	 * @param clock the gateway's clock
	 */
	public IamAuthorizer(@Nullable IamCredentialsRepository credentials, Clock clock) {
		this.verifier = (credentials != null) ? new SigV4Verifier(credentials, clock) : null;
	}

	@Override
	public AuthorizationType type() {
		return AuthorizationType.AWS_IAM;
	}

	/**
	 * Every AWS_IAM method is authorized the same way; without credentials to verify
	 * signatures with, the method is a problem of the deployment.
	 */
	@Override
	public @Nullable MethodAuthorization compile(StageRuntime stage, MethodRuntime method, Problems problems) {
		SigV4Verifier verifier = this.verifier;
		if (verifier == null) {
			problems.add(method.resource().path(), method.method().httpMethod(), "authorization-type",
					"AWS_IAM needs an IamCredentialsRepository bean that finds the secret of an access key");
			return null;
		}
		return (exchange, invocation) -> Mono.defer(() -> verify(verifier, exchange, invocation));
	}

	private static Mono<Authorized> verify(SigV4Verifier verifier, ServerWebExchange exchange,
			ApiInvocation invocation) {
		ServerHttpRequest request = exchange.getRequest();
		SignedRequest signed = SignedRequest.of(request);
		if (signed == null) {
			return Mono.error(new GatewayResponseException(GatewayResponseType.MISSING_AUTHENTICATION_TOKEN));
		}
		return body(exchange).flatMap((body) -> verifier
			.verify(signed, request, body, invocation.stage().environment().region())
			.map((credentials) -> {
				authorizeInvoke(exchange, invocation, credentials);
				return new Authorized((body.length == 0) ? exchange
						: exchange.mutate().request(replay(request, body, exchange)).build());
			}));
	}

	private static void authorizeInvoke(ServerWebExchange exchange, ApiInvocation invocation,
			IamCredentials credentials) {
		Map<String, Object> identity = invocation.identity();
		identity.put("accessKey", credentials.accessKeyId());
		identity.put("accountId", credentials.accountId());
		identity.put("caller", credentials.principalId());
		identity.put("user", credentials.principalId());
		identity.put("userArn", credentials.userArn());
		String methodArn = ExecuteApiArns.method(invocation);
		String sourceIp = ClientAddresses.sourceIp(invocation);
		PolicyDecision decision = PolicyDecision.IMPLICIT_DENY;
		for (String policy : credentials.policies()) {
			try {
				decision = decision.and(PolicyDocument.parse(policy).evaluateInvoke(methodArn, sourceIp));
			}
			catch (InvalidPolicyException ex) {
				logger.warn(exchange.getLogPrefix() + "Ignoring an invalid identity policy of " + credentials.userArn()
						+ ": " + ex.getMessage());
			}
		}
		PolicyDecision resource = invocation.handoffs().policyDecision();
		if (resource != null) {
			decision = decision.and(resource);
		}
		if (decision != PolicyDecision.ALLOW) {
			throw ResourcePolicyFilter.denied(credentials.userArn(), methodArn, decision);
		}
	}

	private static Mono<byte[]> body(ServerWebExchange exchange) {
		HttpHeaders headers = exchange.getRequest().getHeaders();
		if (headers.getContentLength() <= 0 && !headers.containsHeader(HttpHeaders.TRANSFER_ENCODING)) {
			return Mono.just(new byte[0]);
		}
		return DataBufferUtils.join(exchange.getRequest().getBody()).map((buffer) -> {
			byte[] bytes = new byte[buffer.readableByteCount()];
			buffer.read(bytes);
			DataBufferUtils.release(buffer);
			return bytes;
		}).defaultIfEmpty(new byte[0]);
	}

	private static ServerHttpRequest replay(ServerHttpRequest request, byte[] body, ServerWebExchange exchange) {
		return new ServerHttpRequestDecorator(request) {

			@Override
			public Flux<DataBuffer> getBody() {
				return Flux.defer(() -> Flux.just(exchange.getResponse().bufferFactory().wrap(body)));
			}

		};
	}

}
