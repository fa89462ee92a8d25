package dev.apigw.routing;

/**
 * Gateway-wide values AWS takes from the account and region: used in ARNs and in
 * {@code $context.accountId}.
 *
 * @param region the region, e.g. {@code us-east-1}
 * @param accountId the twelve-digit account id
 */
public record GatewayEnvironment(String region, String accountId) {

}
