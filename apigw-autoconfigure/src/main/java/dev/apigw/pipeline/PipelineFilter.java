package dev.apigw.pipeline;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.core.Ordered;

/**
 * A phase of the request pipeline. Beans of this type are the filters of every API mount's
 * route, ordered by {@link FilterOrders}; they run only for requests inside API mounts.
 */
public interface PipelineFilter extends GatewayFilter, Ordered {

}
