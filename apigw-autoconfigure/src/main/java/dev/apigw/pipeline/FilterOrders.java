package dev.apigw.pipeline;

import org.springframework.cloud.gateway.filter.NettyRoutingFilter;
import org.springframework.cloud.gateway.filter.NettyWriteResponseFilter;
import org.springframework.cloud.gateway.filter.RouteToRequestUrlFilter;
import org.springframework.core.Ordered;

/**
 * The order of every phase of the pipeline, in one place, relative to Spring Cloud
 * Gateway's own filters. Lower runs first (and wraps what runs later).
 */
public final class FilterOrders {

	/**
	 * Starts the invocation: request ids, size limit, resource and method match; renders
	 * every error as a gateway response; records metrics. Wraps everything else, including
	 * the gateway's response writer.
	 */
	public static final int INVOCATION = Ordered.HIGHEST_PRECEDENCE + 10_000;

	/**
	 * Access log: outside the invocation phase, so it sees every byte sent, gateway
	 * responses included, and the final status.
	 */
	public static final int ACCESS_LOG = INVOCATION - 20;

	/** Phase observations (tracing): around everything the invocation phase runs. */
	public static final int OBSERVATION = INVOCATION - 10;

	/**
	 * Integration response for non-proxy HTTP integrations: decorates the response the
	 * gateway's writer writes to. Just inside the writer, as Spring Cloud Gateway's own
	 * response-body rewriting does.
	 */
	public static final int INTEGRATION_RESPONSE = NettyWriteResponseFilter.WRITE_RESPONSE_FILTER_ORDER - 1;

	/** Method request: resource policy. */
	public static final int RESOURCE_POLICY = 1_000;

	/**
	 * Method request: CORS preflights of methods that need no authorization or API key are
	 * answered here, so no authorization, key or throttle check sees them.
	 */
	public static final int CORS_PREFLIGHT = 1_500;

	/** Method request: authorizers, IAM, JWT. */
	public static final int AUTHORIZATION = 2_000;

	/** Method request: API key and usage plan. */
	public static final int API_KEY = 3_000;

	/** Method request: stage, method and account throttling. */
	public static final int THROTTLING = 4_000;

	/** Method request: parameter and body validation. */
	public static final int REQUEST_VALIDATION = 5_000;

	/** Stage cache lookup. */
	public static final int CACHE = 6_000;

	/**
	 * Stage cache store: collects the response the integration phases write, outside the
	 * writers of every integration type (just outside {@link #INTEGRATION_RESPONSE}).
	 */
	public static final int CACHE_STORE = INTEGRATION_RESPONSE - 1;

	/**
	 * Integration request: parameter mappings, templates, the integration URL. After the
	 * gateway sets its request URL from the route, before load balancing resolves
	 * {@code lb://} URLs.
	 */
	public static final int INTEGRATION_REQUEST = RouteToRequestUrlFilter.ROUTE_TO_URL_FILTER_ORDER + 100;

	/** Integrations answered in-process ({@code mock:}, {@code lambda:}), beside the Netty routing filter. */
	public static final int IN_PROCESS_INTEGRATION = NettyRoutingFilter.ORDER - 1;

	private FilterOrders() {
	}

}
