package dev.apigw.auth;

import java.util.function.Supplier;

import dev.apigw.model.Api;
import dev.apigw.model.ApiKeySource;
import dev.apigw.model.GatewayResponseType;
import dev.apigw.model.Method;
import dev.apigw.model.Stage;
import dev.apigw.model.UsagePlanMatch;
import dev.apigw.pipeline.FilterOrders;
import dev.apigw.pipeline.PipelineFilter;
import dev.apigw.response.GatewayResponseException;
import dev.apigw.routing.ApiInvocation;
import dev.apigw.routing.StageRuntime;
import dev.apigw.throttle.UsagePlans;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.web.server.ServerWebExchange;

/**
 * The API key phase: on methods that require a key, takes the key from {@code x-api-key}
 * (or from the authorizer's {@code usageIdentifierKey} when the API's key source is
 * {@code AUTHORIZER}), looks it up by hash and requires it to be enabled and in a usage
 * plan covering the stage; anything else is 403 {@code INVALID_API_KEY}. Sets
 * {@code $context.identity.apiKey} and {@code apiKeyId} and hands the usage plan to the
 * throttling phase. Key values are never logged.
 */
public final class ApiKeyFilter implements PipelineFilter {

	/** The request header carrying the API key. */
	public static final String API_KEY_HEADER = "x-api-key";

	private static final Log logger = LogFactory.getLog(ApiKeyFilter.class);

	private final ApiKeyRepository repository;

	private final Supplier<UsagePlans> plans;

	/**
	 * Creates the phase.
	 * @param repository where keys are looked up
	 * @param plans the usage plans (looked up on first use)
	 */
	public ApiKeyFilter(ApiKeyRepository repository, Supplier<UsagePlans> plans) {
		this.repository = repository;
		this.plans = plans;
	}

	@Override
	public int getOrder() {
		return FilterOrders.API_KEY;
	}

	@Override
	public boolean appliesTo(Api api, Stage stage) {
		return PipelineFilter.anyMethod(api, Method::apiKeyRequired);
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		ApiInvocation invocation = ApiInvocation.of(exchange);
		if (invocation == null || !invocation.requiredMethod().method().apiKeyRequired()) {
			return chain.filter(exchange);
		}
		StageRuntime stage = invocation.stage();
		String value = (stage.api().apiKeySource() == ApiKeySource.AUTHORIZER) ? invocation.usageIdentifierKey()
				: exchange.getRequest().getHeaders().getFirst(API_KEY_HEADER);
		if (value == null || value.isEmpty()) {
			return refuse(exchange, "no API key");
		}
		String hash = ApiKeyHashes.sha256(value);
		return this.repository.findByValueSha256(hash)
			.filter((key) -> ApiKeyHashes.matches(key.valueSha256(), hash))
			.switchIfEmpty(Mono.defer(() -> refuse(exchange, "unknown API key")))
			.flatMap((key) -> {
				if (!key.enabled()) {
					return refuse(exchange, "API key '" + key.id() + "' is disabled");
				}
				UsagePlanMatch match = this.plans.get().find(stage.api().id(), stage.stageName(), key.id(),
						key.usagePlanIds());
				if (match == null) {
					return refuse(exchange, "API key '" + key.id() + "' is in no usage plan of " + stage.api().id()
							+ "/" + stage.stageName());
				}
				invocation.identity().put("apiKey", value);
				invocation.identity().put("apiKeyId", key.id());
				invocation.usagePlanMatch(match);
				return chain.filter(exchange);
			});
	}

	private static <T> Mono<T> refuse(ServerWebExchange exchange, String reason) {
		if (logger.isDebugEnabled()) {
			logger.debug(exchange.getLogPrefix() + "Forbidden: " + reason);
		}
		return Mono.error(new GatewayResponseException(GatewayResponseType.INVALID_API_KEY));
	}

}
