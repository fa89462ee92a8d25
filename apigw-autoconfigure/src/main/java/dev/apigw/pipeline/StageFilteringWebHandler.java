package dev.apigw.pipeline;

import java.util.List;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.handler.FilteringWebHandler;
import org.springframework.cloud.gateway.route.Route;

/**
 * Spring Cloud Gateway's filtering handler for the stages' routes, with the combined and
 * sorted list of global and pipeline filters computed once per deployed stage rather than
 * on every request (the gateway's own handler sorts about thirty filters per request unless
 * its route filter cache is switched on for every route of the application). Routes are
 * held by identity and weakly: a stage's list goes with its deployment.
 */
public final class StageFilteringWebHandler extends FilteringWebHandler {

	private final Cache<Route, List<GatewayFilter>> combined = Caffeine.newBuilder().weakKeys().build();

	/**
	 * Creates the handler.
	 * @param globalFilters the application's global filters
	 */
	public StageFilteringWebHandler(List<GlobalFilter> globalFilters) {
		super(globalFilters, false);
	}

	@Override
	protected List<GatewayFilter> getCombinedFilters(Route route) {
		return this.combined.get(route, (key) -> List.copyOf(getAllFilters(key)));
	}

}
