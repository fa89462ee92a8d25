package dev.apigw.auth.authorizer;

import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import dev.apigw.definition.Problems;
import dev.apigw.model.AuthorizationType;
import dev.apigw.model.GatewayResponseType;
import dev.apigw.pipeline.FilterOrders;
import dev.apigw.pipeline.PipelinePhase;
import dev.apigw.response.GatewayResponseException;
import dev.apigw.routing.ApiInvocation;
import dev.apigw.routing.MethodRuntime;
import dev.apigw.routing.ResourceRuntime;
import dev.apigw.routing.StageRuntime;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.web.server.ServerWebExchange;

/**
 * The authorization phase: for every deployed stage, has the {@link MethodAuthorizer} of
 * each method's authorization type (other than {@code NONE}) compile the method's
 * authorization, and hands each call of the method to it. A method whose type has no
 * authorizer (its library or bean is missing) is a problem of the deployment.
 */
public final class AuthorizationFilter implements PipelinePhase {

	/**
	 * What a method gets when its authorizer compiled nothing: refused, never let through
	 * (the deployment fails anyway when the authorizer reported why).
	 */
	private static final MethodAuthorization UNAVAILABLE = (exchange, invocation) -> Mono
		.error(new GatewayResponseException(GatewayResponseType.AUTHORIZER_CONFIGURATION_ERROR));

	private final Map<AuthorizationType, MethodAuthorizer> authorizers = new EnumMap<>(AuthorizationType.class);

	/**
	 * Creates the phase.
	 * @param authorizers the authorizers, one per type
	 */
	public AuthorizationFilter(List<MethodAuthorizer> authorizers) {
		for (MethodAuthorizer authorizer : authorizers) {
			this.authorizers.putIfAbsent(authorizer.type(), authorizer);
		}
	}

	/**
	 * The authorizer of a type.
	 * @param type the authorization type
	 * @return the authorizer, or {@code null} when none is available
	 */
	public @Nullable MethodAuthorizer authorizer(AuthorizationType type) {
		return this.authorizers.get(type);
	}

	@Override
	public int getOrder() {
		return FilterOrders.AUTHORIZATION;
	}

	/**
	 * Compiles the authorization of every authorized method of the stage; a stage without
	 * one does not pass through the phase.
	 */
	@Override
	public @Nullable GatewayFilter compile(StageRuntime stage, Problems problems) {
		Map<MethodRuntime, MethodAuthorization> methods = new IdentityHashMap<>();
		for (ResourceRuntime resource : stage.resourceList()) {
			for (MethodRuntime method : resource.methods().values()) {
				AuthorizationType type = method.method().authorizationType();
				if (type == AuthorizationType.NONE) {
					continue;
				}
				MethodAuthorizer authorizer = this.authorizers.get(type);
				if (authorizer == null) {
					problems.add(resource.path(), method.method().httpMethod(), "authorization-type", missing(type));
					continue;
				}
				MethodAuthorization authorization = authorizer.compile(stage, method, problems);
				methods.put(method, (authorization != null) ? authorization : UNAVAILABLE);
			}
		}
		return methods.isEmpty() ? null : new StageAuthorization(methods);
	}

	private static String missing(AuthorizationType type) {
		return switch (type) {
			case COGNITO_USER_POOLS -> "COGNITO_USER_POOLS needs JWT support: add "
					+ "org.springframework.boot:spring-boot-starter-security-oauth2-resource-server (or "
					+ "org.springframework.security:spring-security-oauth2-jose)";
			case AWS_IAM -> "AWS_IAM needs an IamCredentialsRepository bean that finds the secret of an access key";
			default -> type + " is not available";
		};
	}

	/**
	 * The phase for one stage: the compiled authorization of each authorized method.
	 */
	private record StageAuthorization(Map<MethodRuntime, MethodAuthorization> methods) implements GatewayFilter {

		@Override
		public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
			ApiInvocation invocation = ApiInvocation.required(exchange);
			MethodRuntime method = invocation.requiredMethod();
			MethodAuthorization authorization = this.methods.get(method);
			if (authorization == null) {
				if (method.method().authorizationType() == AuthorizationType.NONE) {
					return chain.filter(exchange);
				}
				// every method of the stage was compiled: an authorized method not among them is a bug
				authorization = UNAVAILABLE;
			}
			return authorization.authorize(exchange, invocation)
				.flatMap((authorized) -> chain.filter(authorized.exchange()));
		}

		@Override
		public String toString() {
			return "Authorization[" + this.methods.size() + " methods]";
		}

	}

}
