package dev.apigw.routing;

import java.time.Duration;

import dev.apigw.model.PolicyDecision;
import dev.apigw.model.UsagePlanMatch;
import org.jspecify.annotations.Nullable;

/**
 * What the phases of one request hand each other, one typed value per kind: what one phase
 * decides for a later phase travels here, never in an exchange attribute. Held by the
 * request's {@link ApiInvocation}; a request runs its phases one after the other, so the
 * values need no synchronization.
 */
public final class Handoffs {

	private @Nullable PolicyDecision policyDecision;

	private @Nullable UsagePlanMatch usagePlanMatch;

	private @Nullable String cacheKey;

	private @Nullable Duration cacheTtl;

	private @Nullable IntegrationPayload integrationPayload;

	private boolean forwardedAsItCame;

	Handoffs() {
	}

	/**
	 * What the API's resource policy decided, for the authorizers that combine it with
	 * their own policies (IAM).
	 * @return the decision, or {@code null} when the API has no resource policy
	 */
	public @Nullable PolicyDecision policyDecision() {
		return this.policyDecision;
	}

	/**
	 * Records what the API's resource policy decided.
	 * @param policyDecision the decision
	 */
	public void policyDecision(PolicyDecision policyDecision) {
		this.policyDecision = policyDecision;
	}

	/**
	 * The usage plan the request's API key is metered by, set by the API key phase for the
	 * throttling phase.
	 * @return the match, {@code null} when the method requires no API key
	 */
	public @Nullable UsagePlanMatch usagePlanMatch() {
		return this.usagePlanMatch;
	}

	/**
	 * Records the usage plan the request's API key is metered by.
	 * @param usagePlanMatch the match
	 */
	public void usagePlanMatch(@Nullable UsagePlanMatch usagePlanMatch) {
		this.usagePlanMatch = usagePlanMatch;
	}

	/**
	 * Records the stage cache entry the response is to fill: the cache lookup's choice on a
	 * miss, stored by the cache store phase.
	 * @param key the entry's key
	 * @param ttl how long the entry is served
	 */
	public void cacheEntry(String key, Duration ttl) {
		this.cacheKey = key;
		this.cacheTtl = ttl;
	}

	/**
	 * The key of the cache entry the response is to fill.
	 * @return the key, {@code null} when the response is not to be cached
	 */
	public @Nullable String cacheKey() {
		return this.cacheKey;
	}

	/**
	 * How long the cache entry the response fills is served.
	 * @return the time to live, {@code null} when the response is not to be cached
	 */
	public @Nullable Duration cacheTtl() {
		return this.cacheTtl;
	}

	/**
	 * The payload the integration request phase prepared for an in-process integration
	 * (MOCK, Lambda).
	 * @return the payload
	 * @throws IllegalStateException before the integration request phase ran
	 */
	public IntegrationPayload requiredIntegrationPayload() {
		if (this.integrationPayload == null) {
			throw new IllegalStateException("No integration request payload prepared yet");
		}
		return this.integrationPayload;
	}

	/**
	 * Records the payload the integration request phase prepared.
	 * @param payload the payload
	 */
	public void integrationPayload(IntegrationPayload payload) {
		this.integrationPayload = payload;
	}

	/**
	 * Whether the integration request phase forwards the request to an HTTP backend as it
	 * came (a proxy integration that changes nothing), so the API id header is added where
	 * the gateway copies the request's headers anyway.
	 * @return {@code true} for a request forwarded as it came
	 */
	public boolean forwardedAsItCame() {
		return this.forwardedAsItCame;
	}

	/**
	 * Records that the request is forwarded as it came.
	 * @param forwardedAsItCame whether it is
	 */
	public void forwardedAsItCame(boolean forwardedAsItCame) {
		this.forwardedAsItCame = forwardedAsItCame;
	}

}
