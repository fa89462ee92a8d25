package dev.apigw.management;

import java.net.InetSocketAddress;
import java.time.Clock;

import dev.apigw.auth.iam.IamCredentials;
import dev.apigw.auth.iam.IamCredentialsRepository;
import dev.apigw.auth.iam.SigV4Exception;
import dev.apigw.auth.iam.SigV4Verifier;
import dev.apigw.model.PolicyDecision;
import dev.apigw.routing.GatewayEnvironment;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * Authenticates and authorizes management calls as AWS does: a Signature Version 4 for the
 * service {@code apigateway} and the gateway's region, then the caller's identity policies
 * must allow {@code apigateway:{HTTP method}} on
 * {@code arn:aws:apigateway:{region}::{path}}. There is no anonymous access.
 */
final class ManagementAuthenticator {

	static final String SERVICE = "apigateway";

	private final SigV4Verifier verifier;

	private final GatewayEnvironment environment;

	ManagementAuthenticator(IamCredentialsRepository credentials, Clock clock, GatewayEnvironment environment) {
		this.verifier = new SigV4Verifier(credentials, clock, SERVICE);
		this.environment = environment;
	}

	/**
	 * Authenticates a call and checks the caller may make it.
	 * @param request the request
	 * @param body its body as received
	 * @param path the path below the management API's base path
	 * @return the caller's credentials, or a {@link ManagementError} with AWS's answer
	 */
	Mono<IamCredentials> authenticate(ServerHttpRequest request, byte[] body, String path) {
		return this.verifier.verify(request, body, this.environment.region())
			.onErrorMap(SigV4Exception.class, (ex) -> new ManagementError(403, ex.errorType(), ex.getMessage()))
			.doOnNext((caller) -> authorize(caller, request.getMethod().name(), path, sourceIp(request)));
	}

	private void authorize(IamCredentials caller, String method, String path, @Nullable String sourceIp) {
		String action = SERVICE + ":" + method;
		String resource = "arn:aws:apigateway:" + this.environment.region() + "::" + path;
		PolicyDecision decision = caller.decide(action, resource, sourceIp);
		if (decision != PolicyDecision.ALLOW) {
			throw ManagementError.accessDenied("User: " + caller.userArn() + " is not authorized to perform: " + action
					+ " on resource: " + resource
					+ ((decision == PolicyDecision.EXPLICIT_DENY) ? " with an explicit deny" : ""));
		}
	}

	private static @Nullable String sourceIp(ServerHttpRequest request) {
		InetSocketAddress remote = request.getRemoteAddress();
		return (remote != null && remote.getAddress() != null) ? remote.getAddress().getHostAddress() : null;
	}

}
