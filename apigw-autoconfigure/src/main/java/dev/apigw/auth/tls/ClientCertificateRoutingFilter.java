package dev.apigw.auth.tls;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.apigw.definition.Problems;
import dev.apigw.pipeline.FilterOrders;
import dev.apigw.pipeline.PipelinePhase;
import dev.apigw.routing.StageRuntime;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.netty.http.Http11SslContextSpec;
import reactor.netty.http.client.HttpClient;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.ssl.SslOptions;
import org.springframework.cloud.gateway.config.HttpClientProperties;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.NettyRoutingFilter;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.web.server.ServerWebExchange;

/**
 * Routes the HTTPS integration requests of stages with a client certificate through a
 * Netty routing filter whose client presents that certificate (the stage's SSL bundle:
 * its key store for the certificate, its trust store for the backends' certificates).
 * Runs just before the gateway's own routing filter, which then finds the request already
 * routed; other requests pass untouched. Compiled per deployed stage: a bundle that does
 * not exist is a problem of the deployment. One client per bundle, built from the gateway's
 * HTTP client when a stage first names the bundle and shared by every deployment that names
 * it (its connections are pooled, so a redeployment does not open new ones).
 */
public final class ClientCertificateRoutingFilter implements PipelinePhase {

	private final HttpClient httpClient;

	private final ObjectProvider<List<HttpHeadersFilter>> headersFilters;

	private final HttpClientProperties properties;

	private final SslBundles bundles;

	// keyed by the application's bundle names, a fixed set: not per stage or deployment
	private final Map<String, NettyRoutingFilter> routers = new ConcurrentHashMap<>();

	/**
	 * Creates the filter.
	 * @param httpClient the gateway's HTTP client
	 * @param headersFilters the gateway's header filters
	 * @param properties the gateway's HTTP client settings
	 * @param bundles the application's SSL bundles
	 */
	public ClientCertificateRoutingFilter(HttpClient httpClient, ObjectProvider<List<HttpHeadersFilter>> headersFilters,
			HttpClientProperties properties, SslBundles bundles) {
		this.httpClient = httpClient;
		this.headersFilters = headersFilters;
		this.properties = properties;
		this.bundles = bundles;
	}

	@Override
	public int getOrder() {
		return FilterOrders.IN_PROCESS_INTEGRATION;
	}

	/**
	 * Takes the router of the stage's bundle; a stage without a client certificate does not
	 * pass through the phase.
	 */
	@Override
	public @Nullable GatewayFilter compile(StageRuntime stage, Problems problems) {
		String bundle = stage.stage().clientCertificate();
		if (bundle == null) {
			return null;
		}
		String field = "stages." + stage.stageName() + ".client-certificate";
		if (!this.bundles.getBundleNames().contains(bundle)) {
			problems.add(field, "stage " + stage.stageName() + ": No SSL bundle '" + bundle + "' (known: "
					+ this.bundles.getBundleNames() + "); define it under spring.ssl.bundle");
			return null;
		}
		NettyRoutingFilter router;
		try {
			router = this.routers.computeIfAbsent(bundle, this::router);
		}
		catch (RuntimeException ex) {
			problems.add(field, "stage " + stage.stageName() + ": SSL bundle '" + bundle
					+ "' cannot present a client certificate: " + ex.getMessage());
			return null;
		}
		return new StageRouting(bundle, router);
	}

	private NettyRoutingFilter router(String name) {
		SslBundle bundle = this.bundles.getBundle(name);
		SslOptions options = bundle.getOptions();
		Http11SslContextSpec spec = Http11SslContextSpec.forClient().configure((builder) -> {
			builder.keyManager(bundle.getManagers().getKeyManagerFactory())
				.trustManager(bundle.getManagers().getTrustManagerFactory());
			if (options.getEnabledProtocols() != null) {
				builder.protocols(options.getEnabledProtocols());
			}
			if (options.getCiphers() != null) {
				builder.ciphers(List.of(options.getCiphers()));
			}
		});
		HttpClient client = this.httpClient.secure((ssl) -> ssl.sslContext(spec));
		return new NettyRoutingFilter(client, this.headersFilters, this.properties);
	}

	/**
	 * The phase for a stage with a client certificate: the router presenting it.
	 */
	private record StageRouting(String bundle, NettyRoutingFilter router) implements GatewayFilter {

		@Override
		public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
			URI url = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR);
			if (url == null || !"https".equalsIgnoreCase(url.getScheme())
					|| ServerWebExchangeUtils.isAlreadyRouted(exchange)) {
				return chain.filter(exchange);
			}
			return this.router.filter(exchange, chain);
		}

		@Override
		public String toString() {
			return "ClientCertificateRouting[" + this.bundle + "]";
		}

	}

}
