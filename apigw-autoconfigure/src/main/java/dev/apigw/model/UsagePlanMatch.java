package dev.apigw.model;

/**
 * The usage plan a request's API key is metered by: what the API key phase found for the
 * key and the request's API stage, and what the throttling phase limits the request by.
 *
 * @param plan the plan
 * @param apiStage the plan's entry for the request's API stage
 * @param keyId the API key id
 */
public record UsagePlanMatch(UsagePlan plan, UsagePlan.ApiStage apiStage, String keyId) {

}
