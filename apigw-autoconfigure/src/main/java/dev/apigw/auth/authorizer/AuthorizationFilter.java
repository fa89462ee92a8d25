package dev.apigw.auth.authorizer;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import dev.apigw.model.Api;
import dev.apigw.model.AuthorizationType;
import dev.apigw.model.GatewayResponseType;
import dev.apigw.model.Stage;
import dev.apigw.pipeline.FilterOrders;
import dev.apigw.pipeline.PipelineFilter;
import dev.apigw.response.GatewayResponseException;
import dev.apigw.routing.ApiInvocation;
import dev.apigw.routing.MethodRuntime;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.web.server.ServerWebExchange;

/**
 * The authorization phase: hands each call of a method with an authorization type other
 * than {@code NONE} to the {@link MethodAuthorizer} of that type.
 */
public final class AuthorizationFilter implements PipelineFilter {

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

	@Override
	public boolean appliesTo(Api api, Stage stage) {
		return PipelineFilter.anyMethod(api, (method) -> method.authorizationType() != AuthorizationType.NONE);
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		ApiInvocation invocation = ApiInvocation.of(exchange);
		if (invocation == null) {
			return chain.filter(exchange);
		}
		MethodRuntime method = invocation.requiredMethod();
		AuthorizationType type = method.method().authorizationType();
		if (type == AuthorizationType.NONE) {
			return chain.filter(exchange);
		}
		MethodAuthorizer authorizer = this.authorizers.get(type);
		if (authorizer == null) {
			// the start-up check reports this; a deployment made later may still get here
			return Mono.error(new GatewayResponseException(GatewayResponseType.API_CONFIGURATION_ERROR,
					"No authorizer for " + type + " is available"));
		}
		return authorizer.authorize(exchange, invocation, method)
			.flatMap((authorized) -> chain.filter(authorized.exchange()));
	}

}
