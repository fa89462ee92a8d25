package dev.apigw.pipeline;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.function.Supplier;

import dev.apigw.routing.ApiInvocation;
import dev.apigw.routing.DeployedStage;
import dev.apigw.routing.Mount;
import dev.apigw.routing.MountTable;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.handler.FilteringWebHandler;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Hands requests inside an API mount to the gateway; everything else continues to the
 * application's own handlers untouched.
 * <p>
 * Mounts are resolved in one lookup in the current mount table (the deployments' current routing snapshot)
 * instead of Spring Cloud Gateway's linear scan of routes, and requests are handed to the
 * gateway's {@link FilteringWebHandler} directly, so CORS preflights reach the API's own
 * OPTIONS methods as on AWS rather than Spring's generic CORS handling.
 */
public final class ApiMountWebFilter implements WebFilter, Ordered {

	private final Supplier<MountTable<Mount>> mounts;

	private final FilteringWebHandler gateway;

	private final Clock clock;

	private final int order;

	private final @Nullable Integer managementPort;

	/**
	 * Creates the filter.
	 * @param mounts the current mount table, read once per request (the deployments' current
	 * routing snapshot)
	 * @param gateway the gateway's handler
	 * @param clock the clock request times are read from
	 * @param order the web filter order
	 * @param managementPort a separate management port whose requests are never the
	 * gateway's, or {@code null}
	 */
	public ApiMountWebFilter(Supplier<MountTable<Mount>> mounts, FilteringWebHandler gateway, Clock clock, int order,
			@Nullable Integer managementPort) {
		this.mounts = mounts;
		this.gateway = gateway;
		this.clock = clock;
		this.order = order;
		this.managementPort = managementPort;
	}

	@Override
	public int getOrder() {
		return this.order;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		if (this.managementPort != null) {
			InetSocketAddress local = request.getLocalAddress();
			if (local != null && local.getPort() == this.managementPort) {
				return chain.filter(exchange);
			}
		}
		MountTable.Mounted<Mount> mounted = this.mounts.get()
			.match(request.getURI().getHost(), request.getURI().getRawPath());
		if (mounted == null) {
			return chain.filter(exchange);
		}
		Mount mount = mounted.target();
		DeployedStage stage = mount.select();
		ApiInvocation invocation = new ApiInvocation(exchange, mount, stage.stage(), mounted.mountPath(),
				mounted.remainingPath(), this.clock.millis());
		exchange.getAttributes().put(ApiInvocation.ATTRIBUTE, invocation);
		exchange.getAttributes().put(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR, stage.route());
		exchange.getAttributes().put(ServerWebExchangeUtils.GATEWAY_HANDLER_MAPPER_ATTR, "ApiMountWebFilter");
		return this.gateway.handle(exchange);
	}

}
