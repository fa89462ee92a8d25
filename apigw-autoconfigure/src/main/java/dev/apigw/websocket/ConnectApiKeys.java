package dev.apigw.websocket;

import java.util.function.Supplier;

import dev.apigw.auth.ApiKeyHashes;
import dev.apigw.auth.ApiKeyRepository;
import dev.apigw.model.GatewayResponseType;
import dev.apigw.response.GatewayResponseException;
import dev.apigw.throttle.UsagePlans;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * The API key check of {@code $connect} routes that require a key: the key (taken by the
 * API's key selection expression) must exist, be enabled and be in a usage plan covering
 * the WebSocket API's stage; anything else refuses the handshake with 403
 * {@code {"message":"Forbidden"}}, as the REST API key phase does.
 */
final class ConnectApiKeys {

	private final ApiKeyRepository repository;

	private final Supplier<@Nullable UsagePlans> plans;

	ConnectApiKeys(ApiKeyRepository repository, Supplier<@Nullable UsagePlans> plans) {
		this.repository = repository;
		this.plans = plans;
	}

	Mono<Void> check(WebSocketStage stage, @Nullable String value) {
		if (value == null || value.isEmpty()) {
			return refuse();
		}
		String hash = ApiKeyHashes.sha256(value);
		return this.repository.findByValueSha256(hash)
			.filter((key) -> ApiKeyHashes.matches(key.valueSha256(), hash) && key.enabled())
			.filter((key) -> {
				UsagePlans current = this.plans.get();
				return current != null
						&& current.find(stage.apiId(), stage.stageName(), key.id(), key.usagePlanIds()) != null;
			})
			.switchIfEmpty(Mono.defer(ConnectApiKeys::refuse))
			.then();
	}

	private static <T> Mono<T> refuse() {
		return Mono.error(new GatewayResponseException(GatewayResponseType.INVALID_API_KEY));
	}

}
