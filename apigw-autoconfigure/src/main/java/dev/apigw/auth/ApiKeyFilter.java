package dev.apigw.auth;

import java.util.function.Supplier;

import dev.apigw.definition.Problems;
import dev.apigw.model.ApiKeySource;
import dev.apigw.model.GatewayResponseType;
import dev.apigw.model.Method;
import dev.apigw.model.UsagePlanMatch;
import dev.apigw.pipeline.FilterOrders;
import dev.apigw.pipeline.PipelinePhase;
import dev.apigw.response.GatewayResponseException;
import dev.apigw.routing.ApiInvocation;
import dev.apigw.routing.StageRuntime;
import dev.apigw.throttle.UsagePlans;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.web.server.ServerWebExchange;

/**
 * The API key phase: on methods that require a key, takes the key from {@code x-api-key}
 * (or from the authorizer's {@code usageIdentifierKey} when the API's key source is
 * {@code AUTHORIZER}), looks it up by hash and requires it to be enabled and in a usage
 * plan covering the stage; anything else is 403 {@code INVALID_API_KEY}. Sets
 * {@code $context.identity.apiKey} and {@code apiKeyId} and hands the usage plan to the
 * throttling phase. Key values are never logged. Compiled per deployed stage: a stage
 * without a method requiring a key does not pass through it.
 */
public final class ApiKeyFilter implements PipelinePhase {

	/** The request header carrying the API key. */
	public static final String API_KEY_HEADER = "x-api-key";

	private static final Log logger = LogFactory.getLog(ApiKeyFilter.class);

	private final ApiKeyRepository repository;

	private final Supplier<UsagePlans> plans;

	/**
	 * Creates the phase.
	 * @param repository where keys are looked up
	 * @param plans the usage plans (looked up on first use: they are checked against what
	 * the deployments serve, so they cannot be known when the first stages compile)
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
	public @Nullable GatewayFilter compile(StageRuntime stage, Problems problems) {
		if (!PipelinePhase.anyMethod(stage.api(), Method::apiKeyRequired)) {
			return null;
		}
		return new StageKeys(stage.api().id(), stage.stageName(),
				stage.api().apiKeySource() == ApiKeySource.AUTHORIZER);
	}

	private static <T> Mono<T> refuse(ServerWebExchange exchange, String reason) {
		if (logger.isDebugEnabled()) {
			logger.debug(exchange.getLogPrefix() + "Forbidden: " + reason);
		}
		return Mono.error(new GatewayResponseException(GatewayResponseType.INVALID_API_KEY));
	}

	/**
	 * The phase for a stage with methods requiring a key.
	 */
	private final class StageKeys implements GatewayFilter {

		private final String apiId;

		private final String stageName;

		private final boolean fromAuthorizer;

		/**
		 * @param apiId the API, for its usage plans
		 * @param stageName the stage, for its usage plans
		 * @param fromAuthorizer whether keys come from the authorizer ({@code AUTHORIZER}
		 * key source) rather than the {@code x-api-key} header
		 */
		StageKeys(String apiId, String stageName, boolean fromAuthorizer) {
			this.apiId = apiId;
			this.stageName = stageName;
			this.fromAuthorizer = fromAuthorizer;
		}

		@Override
		public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
			ApiInvocation invocation = ApiInvocation.required(exchange);
			if (!invocation.requiredMethod().method().apiKeyRequired()) {
				return chain.filter(exchange);
			}
			String value = this.fromAuthorizer ? invocation.usageIdentifierKey()
					: exchange.getRequest().getHeaders().getFirst(API_KEY_HEADER);
			if (value == null || value.isEmpty()) {
				return refuse(exchange, "no API key");
			}
			String hash = ApiKeyHashes.sha256(value);
			return ApiKeyFilter.this.repository.findByValueSha256(hash)
				.filter((key) -> ApiKeyHashes.matches(key.valueSha256(), hash))
				.switchIfEmpty(Mono.defer(() -> refuse(exchange, "unknown API key")))
				.flatMap((key) -> {
					if (!key.enabled()) {
						return refuse(exchange, "API key '" + key.id() + "' is disabled");
					}
					UsagePlanMatch match = ApiKeyFilter.this.plans.get()
						.find(this.apiId, this.stageName, key.id(), key.usagePlanIds());
					if (match == null) {
						return refuse(exchange, "API key '" + key.id() + "' is in no usage plan of " + this.apiId + "/"
								+ this.stageName);
					}
					invocation.identity().put("apiKey", value);
					invocation.identity().put("apiKeyId", key.id());
					invocation.handoffs().usagePlanMatch(match);
					return chain.filter(exchange);
				});
		}

		@Override
		public String toString() {
			return "ApiKeys[" + this.apiId + "/" + this.stageName + (this.fromAuthorizer ? ", from authorizer" : "")
					+ "]";
		}

	}

}
