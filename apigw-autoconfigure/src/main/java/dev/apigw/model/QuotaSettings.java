package dev.apigw.model;

/**
 * A usage plan's quota: how many requests one API key may make per period.
 *
 * @param limit the requests allowed per period (0 or more)
 * @param period the period
 * @param offset requests subtracted from the limit in the plan's first period (the one in
 * which it served its first request)
 */
public record QuotaSettings(long limit, QuotaPeriod period, long offset) {

}
