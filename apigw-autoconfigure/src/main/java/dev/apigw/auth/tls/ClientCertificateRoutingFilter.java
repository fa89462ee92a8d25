package dev.apigw.auth.tls;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import dev.apigw.auth.SecurityCheck;
import dev.apigw.auth.SecurityCheck.StageProblem;
import dev.apigw.model.Api;
import dev.apigw.model.Stage;
import dev.apigw.pipeline.FilterOrders;
import dev.apigw.pipeline.PipelineFilter;
import dev.apigw.routing.ApiInvocation;
import dev.apigw.routing.StageRuntime;
import reactor.core.publisher.Mono;
import reactor.netty.http.Http11SslContextSpec;
import reactor.netty.http.client.HttpClient;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.ssl.SslOptions;
import org.springframework.cloud.gateway.config.HttpClientProperties;
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
 * routed; other requests pass untouched. One client per bundle, built on first use from
 * the gateway's HTTP client.
 */
public final class ClientCertificateRoutingFilter implements PipelineFilter, SecurityCheck.StageCheck {

	private final HttpClient httpClient;

	private final ObjectProvider<List<HttpHeadersFilter>> headersFilters;

	private final HttpClientProperties properties;

	private final SslBundles bundles;

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

	@Override
	public boolean appliesTo(Api api, Stage stage) {
		return stage.clientCertificate() != null;
	}

	@Override
	public void check(StageRuntime stage, Consumer<StageProblem> problems) {
		String bundle = stage.stage().clientCertificate();
		if (bundle != null && !this.bundles.getBundleNames().contains(bundle)) {
			problems.accept(new StageProblem("stages." + stage.stageName() + ".client-certificate", "No SSL bundle '" + bundle
					+ "' (known: " + this.bundles.getBundleNames() + "); define it under spring.ssl.bundle"));
		}
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		ApiInvocation invocation = ApiInvocation.of(exchange);
		URI url = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR);
		if (invocation == null || url == null || !"https".equalsIgnoreCase(url.getScheme())
				|| ServerWebExchangeUtils.isAlreadyRouted(exchange)) {
			return chain.filter(exchange);
		}
		String bundle = invocation.stage().stage().clientCertificate();
		if (bundle == null) {
			return chain.filter(exchange);
		}
		return this.routers.computeIfAbsent(bundle, this::router).filter(exchange, chain);
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

}
